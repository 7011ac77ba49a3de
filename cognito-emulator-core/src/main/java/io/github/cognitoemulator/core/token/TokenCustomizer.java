package io.github.cognitoemulator.core.token;

import java.util.Map;

/**
 * Changes the claims of the tokens of a sign-in or refresh before they are signed: what the pre token generation
 * trigger does.
 */
@FunctionalInterface
public interface TokenCustomizer {

    /** Changes nothing. */
    TokenCustomizer NONE = (request, idClaims, accessClaims) -> {};

    /**
     * Changes the claims in place.
     *
     * @param request what the tokens are issued for
     * @param idClaims the claims of the ID token, in order, {@code exp} and {@code iat} as {@link java.util.Date}
     * @param accessClaims the claims of the access token, likewise
     */
    void customize(TokenRequest request, Map<String, Object> idClaims, Map<String, Object> accessClaims);
}
