package io.github.cognitoemulator.autoconfigure.testapp;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Routes of the host application; the answers name it so a test can tell who answered. */
@RestController
class HostController {

    static final String ANSWER_PREFIX = "host application received: ";

    @PostMapping("/")
    String post(@RequestBody(required = false) @Nullable String body) {
        return ANSWER_PREFIX + body;
    }

    @GetMapping("/greeting")
    String greeting() {
        return "hello from the host application";
    }
}
