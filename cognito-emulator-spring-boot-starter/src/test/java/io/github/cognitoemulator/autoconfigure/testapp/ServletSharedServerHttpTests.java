package io.github.cognitoemulator.autoconfigure.testapp;

import io.github.cognitoemulator.autoconfigure.scenario.SharedServerScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The servlet host application as a shared development server. */
@SpringBootTest(
        classes = HostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            SharedServerScenario.REMOTE_ACCESS,
            SharedServerScenario.ACCESS_KEY_ID,
            SharedServerScenario.ACCESS_KEY_SECRET
        })
@ActiveProfiles("dev")
class ServletSharedServerHttpTests extends SharedServerScenario {}
