package io.github.cognitoemulator.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the caller who they are, from the Cognito access or ID token they presented. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("sub", jwt.getSubject());
        // Access tokens name the user 'username', ID tokens 'cognito:username'.
        String username =
                jwt.hasClaim("username") ? jwt.getClaimAsString("username") : jwt.getClaimAsString("cognito:username");
        me.put("username", username);
        me.put("tokenUse", jwt.getClaimAsString("token_use"));
        me.put("issuer", String.valueOf(jwt.getIssuer()));
        me.put("expiresAt", String.valueOf(jwt.getExpiresAt()));
        return me;
    }
}
