package io.github.cognitoemulator.autoconfigure.reactiveapp;

import io.github.cognitoemulator.autoconfigure.scenario.CognitoOverHttpScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The shared scenario against the reactive host application. */
@SpringBootTest(
        classes = ReactiveHostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("dev")
class ReactiveCognitoOverHttpTests extends CognitoOverHttpScenario {}
