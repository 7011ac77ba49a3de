package io.github.cognitoemulator.autoconfigure.testapp;

import io.github.cognitoemulator.autoconfigure.scenario.EmulatorEdgeScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The emulator's edge against the servlet host application, in the context of {@link ServletCognitoOverHttpTests}. */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class ServletEmulatorEdgeHttpTests extends EmulatorEdgeScenario {}
