package io.github.cognitoemulator.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An ordinary endpoint of the application, served alongside the emulator. */
@RestController
class HelloController {

    @GetMapping("/hello")
    Greeting hello() {
        return new Greeting("Hello from the Cognito emulator sample");
    }

    /**
     * The body of {@code GET /hello}.
     *
     * @param message the greeting
     */
    record Greeting(String message) {}
}
