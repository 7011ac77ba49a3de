package io.github.cognitoemulator.autoconfigure.reactiveapp;

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

/** The shared scenario against the reactive host application. */
@SpringBootTest(
        classes = ReactiveHostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("dev")
class ReactiveCognitoOverHttpTests extends CognitoOverHttpScenario {

    @Autowired
    private ApplicationContext context;

    /** The scenario proves the WebFlux adapters only if they, and not the servlet filters, answered it. */
    @Test
    void theEmulatorIsServedByItsWebFilters() {
        assertThat(this.context.getBeansOfType(CognitoJsonProtocolWebFilter.class))
                .hasSize(1);
        assertThat(this.context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
    }
}
