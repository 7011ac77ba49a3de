package io.github.cognitoemulator.core.oauth;

import java.util.List;

/** The JSON answers of the token and revocation endpoints. */
final class OAuthErrors {

    /** Their content type. */
    static final String JSON = "application/json;charset=UTF-8";

    private OAuthErrors() {}

    /** {@code {"error":"<error>"}} with {@code status}. */
    static HostedResponse error(int status, String error) {
        return HostedResponse.of(
                status,
                JSON,
                FlatJson.object(java.util.Map.of("error", error)),
                List.of(new HostedResponse.Header("Cache-Control", "no-store")));
    }

    /** A 400 {@code {"error":"<error>"}}. */
    static HostedResponse error(String error) {
        return error(400, error);
    }
}
