package io.github.cognitoemulator.autoconfigure.reactiveapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;

/**
 * A reactive (WebFlux) application with routes of its own, {@code POST /} among them, that the emulator must leave
 * alone. Its tests run it with {@code spring.main.web-application-type=reactive}, since the servlet stack is on the
 * test class path too. It has no security, though Spring Security is on the test class path, like the servlet
 * {@code HostApplication}.
 */
@SpringBootApplication(
        exclude = {
            SecurityAutoConfiguration.class,
            ReactiveUserDetailsServiceAutoConfiguration.class,
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class
        })
class ReactiveHostApplication {}
