package io.github.cognitoemulator.autoconfigure.defaultsecurityapp;

import io.github.cognitoemulator.core.MutableClock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource server without any security configuration of its own: Spring Boot's default, every request
 * authenticated by a bearer token. Its clock, which the emulator and its decoder share, stands still until a test
 * moves it.
 */
@SpringBootApplication
class DefaultSecurityApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }

    @RestController
    static class Hello {

        @GetMapping("/hello")
        String hello(Authentication user) {
            return "hello " + user.getName();
        }
    }
}
