package io.github.cognitoemulator.autoconfigure.securedapp;

import io.github.cognitoemulator.autoconfigure.web.EmulatorPathRequest;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cognito groups as roles: {@code /admin/**} for members of {@code admin}, everything else for any signed-in user, and
 * the emulator's own paths open while it runs. No decoder: the starter's verifies the emulator's tokens.
 */
@SpringBootApplication
class SecuredApplication {

    @Bean
    SecurityFilterChain security(HttpSecurity http) {
        http.authorizeHttpRequests((requests) -> requests.requestMatchers(EmulatorPathRequest.toCognitoEmulator())
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("admin")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @RestController
    static class Pages {

        @GetMapping("/admin/report")
        String report(Authentication user) {
            return "report for " + user.getName();
        }

        @GetMapping("/me")
        String me(Authentication user) {
            return user.getName();
        }
    }
}
