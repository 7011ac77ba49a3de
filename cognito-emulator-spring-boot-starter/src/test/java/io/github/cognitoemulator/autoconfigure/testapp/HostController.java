package io.github.cognitoemulator.autoconfigure.testapp;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    /** A page of the application's own whose path has the shape of a managed login page. */
    @GetMapping("/{section}/login")
    String login(@PathVariable String section) {
        return ANSWER_PREFIX + "GET /" + section + "/login";
    }

    /** A form post of the application's own whose path has the shape of managed login's token endpoint. */
    @PostMapping("/{section}/oauth2/token")
    String token(@PathVariable String section, @RequestBody(required = false) @Nullable String body) {
        return ANSWER_PREFIX + "POST /" + section + "/oauth2/token " + body;
    }

    @GetMapping("/greeting")
    String greeting() {
        return "hello from the host application";
    }
}
