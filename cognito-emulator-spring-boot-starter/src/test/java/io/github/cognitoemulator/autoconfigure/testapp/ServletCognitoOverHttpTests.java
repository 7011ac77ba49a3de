package io.github.cognitoemulator.autoconfigure.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.scenario.CognitoOverHttpScenario;
import io.github.cognitoemulator.autoconfigure.web.CognitoJsonProtocolWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The shared scenario against the servlet host application. */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class ServletCognitoOverHttpTests extends CognitoOverHttpScenario {

    @Autowired
    private ApplicationContext context;

    /** The scenario proves the servlet filters only if they, and not the WebFlux adapters, answered it. */
    @Test
    void theEmulatorIsServedByItsServletFilters() {
        assertThat(this.context
                        .getBean("cognitoJsonProtocolFilterRegistration", FilterRegistrationBean.class)
                        .isEnabled())
                .isTrue();
        assertThat(this.context.getBeansOfType(CognitoJsonProtocolWebFilter.class))
                .isEmpty();
    }
}
