package io.github.cognitoemulator.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoSignIn;
import io.github.cognitoemulator.autoconfigure.web.ReactiveEmulatorPathRequest;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application secured by the emulator's tokens: Spring Security's reactive resource server picks up the
 * starter's {@code ReactiveJwtDecoder} and {@code ReactiveJwtAuthenticationConverter}, so groups are roles there too.
 */
class ReactiveSecurityExchangeTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class,
                    CognitoEmulatorSecurityAutoConfiguration.class,
                    ReactiveOAuth2ResourceServerAutoConfiguration.class,
                    ReactiveWebSecurityAutoConfiguration.class,
                    WebFluxAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class))
            .withPropertyValues("spring.profiles.active=dev");

    private static CognitoSignIn cognito(ApplicationContext context) {
        return new CognitoSignIn(context.getBean(CognitoEmulator.class), context.getBean(CognitoEmulatorIssuer.class));
    }

    @Test
    void groupsAreRolesWithTheShortestSecurityConfiguration() {
        this.runner.withUserConfiguration(AdminPages.class).run((context) -> {
            WebTestClient client =
                    WebTestClient.bindToApplicationContext(context).build();
            String admin = cognito(context).newUser("admin").accessToken();
            String editor = cognito(context).newUser("editors").accessToken();

            client.get()
                    .uri("/admin")
                    .headers((h) -> h.setBearerAuth(admin))
                    .exchange()
                    .expectStatus()
                    .isOk();
            client.get()
                    .uri("/admin")
                    .headers((h) -> h.setBearerAuth(editor))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            client.get().uri("/admin").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/admin")
                    .headers((h) -> h.setBearerAuth(admin.substring(0, admin.length() - 4) + "AAAA"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .value(
                            "WWW-Authenticate",
                            (value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        });
    }

    @Test
    void springBootsDefaultSecurityAuthenticatesTheEmulatorsTokens() {
        this.runner.withUserConfiguration(Routes.class).run((context) -> {
            WebTestClient client =
                    WebTestClient.bindToApplicationContext(context).build();
            String token = cognito(context).newUser().idToken();

            client.get()
                    .uri("/admin")
                    .headers((h) -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isOk();
            client.get().uri("/admin").exchange().expectStatus().isUnauthorized();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouterFunction<ServerResponse> routes() {
            return RouterFunctions.route()
                    .GET("/admin", (request) -> ServerResponse.ok().bodyValue("admin page"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AdminPages extends Routes {

        @Bean
        SecurityWebFilterChain security(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges
                            .matchers(ReactiveEmulatorPathRequest.toCognitoEmulator())
                            .permitAll()
                            .pathMatchers("/admin/**")
                            .hasRole("admin")
                            .anyExchange()
                            .authenticated())
                    .oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
                    .build();
        }
    }
}
