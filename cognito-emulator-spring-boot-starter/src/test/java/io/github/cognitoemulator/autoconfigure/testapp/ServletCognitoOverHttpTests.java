package io.github.cognitoemulator.autoconfigure.testapp;

import io.github.cognitoemulator.autoconfigure.scenario.CognitoOverHttpScenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The shared scenario against the servlet host application. */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class ServletCognitoOverHttpTests extends CognitoOverHttpScenario {}
