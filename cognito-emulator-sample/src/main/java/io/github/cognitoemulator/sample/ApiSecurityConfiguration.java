package io.github.cognitoemulator.sample;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Protects {@code /api/**} with the Cognito access tokens of the application's own pool and app client, as a
 * production application would: the decoder comes from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (in production) or from the emulator (under {@code dev}), and {@link CognitoAccessTokens} adds the
 * {@code token_use} and {@code client_id} checks. The user's Cognito groups are roles, so {@code /api/admin} is for
 * members of the group {@code admin}. The application's pages are {@link AccountSecurityConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CognitoAccessTokens.class)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests((requests) -> requests.requestMatchers("/api/admin/**", "/api/admin")
                        .hasRole("admin")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }
}
