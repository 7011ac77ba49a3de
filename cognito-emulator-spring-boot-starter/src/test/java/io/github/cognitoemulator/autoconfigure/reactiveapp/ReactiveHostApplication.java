package io.github.cognitoemulator.autoconfigure.reactiveapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive (WebFlux) application with routes of its own, {@code POST /} among them, that the emulator must leave
 * alone. Its tests run it with {@code spring.main.web-application-type=reactive}, since the servlet stack is on the
 * test class path too.
 */
@SpringBootApplication
class ReactiveHostApplication {}
