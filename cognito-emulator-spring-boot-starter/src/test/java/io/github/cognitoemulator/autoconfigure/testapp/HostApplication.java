package io.github.cognitoemulator.autoconfigure.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with routes of its own, {@code POST /} among them, that the emulator must leave alone. */
@SpringBootApplication
class HostApplication {}
