package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

class CognitoEmulatorWebFluxAutoConfigurationTests {

    private static final AutoConfigurations ALL = AutoConfigurations.of(
            CognitoEmulatorAutoConfiguration.class,
            CognitoEmulatorServletAutoConfiguration.class,
            CognitoEmulatorWebFluxAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner contextRunner =
            new ReactiveWebApplicationContextRunner().withConfiguration(ALL);

    @Test
    void servesTheEmulatorWhileTheDevProfileIsActive() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=dev")
                .run((context) -> assertThat(context)
                        .hasSingleBean(CognitoEmulator.class)
                        .hasSingleBean(CognitoJsonProtocolWebFilter.class)
                        .hasSingleBean(CognitoEmulatorDocumentsWebFilter.class)
                        .hasSingleBean(CognitoEmulatorImportUploadWebFilter.class)
                        .hasSingleBean(CognitoEmulatorInboxWebFilter.class)
                        .hasBean("cognitoJsonProtocolWebFilter")
                        .hasBean("cognitoEmulatorDocumentsWebFilter")
                        .hasBean("cognitoEmulatorImportUploadWebFilter")
                        .hasBean("cognitoEmulatorInboxWebFilter"));
    }

    @Test
    void staysOffWithoutTheDevProfile() {
        this.contextRunner.run((context) -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(CognitoEmulator.class)
                .doesNotHaveBean(WebFilter.class));
    }

    @Test
    void staysOffWhenDisabledEvenWhileTheDevProfileIsActive() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.enabled=false")
                .run((context) -> assertThat(context)
                        .doesNotHaveBean(CognitoEmulator.class)
                        .doesNotHaveBean(WebFilter.class));
    }

    @Test
    void runsTheEmulatorAndTheUploadAheadOfSpringSecurityAndTheInboxBehindIt() {
        this.contextRunner.withPropertyValues("cognito.emulator.enabled=true").run((context) -> {
            List<WebFilter> filters =
                    context.getBeanProvider(WebFilter.class).orderedStream().toList();
            // WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER: where Spring Security's chain runs.
            int security = -100;
            assertThat(filters)
                    .extracting((filter) -> ((Ordered) filter).getOrder())
                    .containsExactly(
                            CognitoJsonProtocolWebFilter.ORDER,
                            CognitoJsonProtocolWebFilter.ORDER,
                            CognitoJsonProtocolWebFilter.ORDER,
                            CognitoJsonProtocolWebFilter.ORDER,
                            CognitoEmulatorInboxWebFilter.ORDER);
            assertThat(filters).hasAtLeastOneElementOfType(CognitoEmulatorManagedLoginWebFilter.class);
            assertThat(filters.get(4)).isInstanceOf(CognitoEmulatorInboxWebFilter.class);
            assertThat(CognitoJsonProtocolWebFilter.ORDER).isLessThan(security);
            assertThat(CognitoEmulatorInboxWebFilter.ORDER).isGreaterThan(security);
        });
    }

    @Test
    void backsOffFromAFilterTheApplicationNamedLikeIt() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .withUserConfiguration(OwnInboxConfiguration.class)
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(CognitoEmulatorInboxWebFilter.class);
                    assertThat(context.getBean("cognitoEmulatorInboxWebFilter"))
                            .isSameAs(OwnInboxConfiguration.OWN_INBOX);
                    assertThat(context).hasSingleBean(CognitoJsonProtocolWebFilter.class);
                });
    }

    @Test
    void registersNoServletFilterInAReactiveApplication() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void registersNoWebFilterInAServletApplication() {
        new WebApplicationContextRunner()
                .withConfiguration(ALL)
                .withPropertyValues("cognito.emulator.enabled=true")
                .run((context) -> assertThat(context)
                        .hasBean("cognitoJsonProtocolFilterRegistration")
                        .doesNotHaveBean(WebFilter.class));
    }

    @Test
    void issuesTokensUnderTheWebFluxBasePath() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "server.port=4566",
                        "spring.webflux.base-path=/app",
                        "server.servlet.context-path=/ignored",
                        "cognito.emulator.documents-path=/cognito")
                .run((context) -> assertThat(
                                context.getBean(CognitoEmulatorIssuer.class).baseUrl())
                        .isEqualTo("http://localhost:4566/app/cognito"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInboxConfiguration {

        static final WebFilter OWN_INBOX = (exchange, chain) -> Mono.empty();

        @Bean
        WebFilter cognitoEmulatorInboxWebFilter() {
            return OWN_INBOX;
        }
    }
}
