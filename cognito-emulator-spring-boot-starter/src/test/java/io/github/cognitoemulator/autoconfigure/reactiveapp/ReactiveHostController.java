package io.github.cognitoemulator.autoconfigure.reactiveapp;

import io.github.cognitoemulator.autoconfigure.scenario.CognitoOverHttpScenario;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Routes of the reactive host application; the answers name it so a test can tell who answered. */
@RestController
class ReactiveHostController {

    @PostMapping("/")
    Mono<String> post(@RequestBody Mono<String> body) {
        return body.defaultIfEmpty("").map((text) -> CognitoOverHttpScenario.HOST_ANSWER_PREFIX + text);
    }

    /** A page of the application's own whose path has the shape of a managed login page. */
    @GetMapping("/{section}/login")
    String login(@PathVariable String section) {
        return CognitoOverHttpScenario.HOST_ANSWER_PREFIX + "GET /" + section + "/login";
    }

    /** A form post of the application's own whose path has the shape of managed login's token endpoint. */
    @PostMapping("/{section}/oauth2/token")
    Mono<String> token(@PathVariable String section, @RequestBody Mono<String> body) {
        return body.defaultIfEmpty("")
                .map((text) ->
                        CognitoOverHttpScenario.HOST_ANSWER_PREFIX + "POST /" + section + "/oauth2/token " + text);
    }

    @GetMapping("/greeting")
    String greeting() {
        return "hello from the reactive host application";
    }
}
