package io.github.cognitoemulator.sample;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint only members of the Cognito group {@code admin} may call; see {@link ApiSecurityConfiguration}. */
@RestController
class AdminController {

    @GetMapping("/api/admin")
    Map<String, Object> admin(@AuthenticationPrincipal Jwt jwt) {
        return Map.of(
                "username", jwt.getClaimAsString("username"), "groups", jwt.getClaimAsStringList("cognito:groups"));
    }
}
