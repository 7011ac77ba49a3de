package io.github.cognitoemulator.autoconfigure.reactiveapp;

import io.github.cognitoemulator.autoconfigure.scenario.SharedServerScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The reactive host application as a shared development server. */
@SpringBootTest(
        classes = ReactiveHostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            SharedServerScenario.REMOTE_ACCESS,
            SharedServerScenario.ACCESS_KEY_ID,
            SharedServerScenario.ACCESS_KEY_SECRET
        })
@ActiveProfiles("dev")
class ReactiveSharedServerHttpTests extends SharedServerScenario {}
