package io.github.cognitoemulator.autoconfigure.reactiveapp;

import io.github.cognitoemulator.autoconfigure.scenario.EmulatorEdgeScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The emulator's edge against the reactive host application, in the context of
 * {@link ReactiveCognitoOverHttpTests}.
 */
@SpringBootTest(
        classes = ReactiveHostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("dev")
class ReactiveEmulatorEdgeHttpTests extends EmulatorEdgeScenario {}
