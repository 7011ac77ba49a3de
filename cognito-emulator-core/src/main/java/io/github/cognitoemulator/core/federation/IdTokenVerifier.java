package io.github.cognitoemulator.core.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an external provider's ID token as a relying party must: an RSA signature by a key of the provider's key set
 * named by {@code kid}, the provider's issuer, the provider client among the audiences, not expired by the emulator's
 * clock, and the {@code nonce} of the sign-in.
 */
final class IdTokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private final OidcProviderHttp http;

    private final Clock clock;

    IdTokenVerifier(OidcProviderHttp http, Clock clock) {
        this.http = Objects.requireNonNull(http, "'http' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The claims of a valid ID token.
     *
     * @throws FederationFailure naming what is wrong with it
     */
    JWTClaimsSet verify(String idToken, String jwksUri, String issuer, String clientId, String nonce) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException ex) {
            throw FederationFailure.invalidRequest("Bad id_token: not a signed JWT");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw FederationFailure.invalidRequest(
                    "Bad id_token algorithm " + jwt.getHeader().getAlgorithm());
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = (kid != null) ? keys(jwksUri).getKeyByKeyId(kid) : null;
        if (!(key instanceof RSAKey rsaKey) || !verified(jwt, rsaKey)) {
            throw FederationFailure.invalidRequest("Bad id_token signature");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw FederationFailure.invalidRequest("Bad id_token issuer " + claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw FederationFailure.invalidRequest("Bad id_token audience " + String.join(",", audience));
        }
        Date expiration = claims.getExpirationTime();
        if (expiration == null || !this.clock.instant().isBefore(expiration.toInstant())) {
            throw FederationFailure.invalidRequest("Bad id_token: expired");
        }
        Object tokenNonce = claims.getClaim("nonce");
        if (!nonce.equals(tokenNonce)) {
            throw FederationFailure.invalidRequest("Bad id_token nonce");
        }
        return claims;
    }

    private static boolean verified(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key));
        } catch (JOSEException ex) {
            return false;
        }
    }

    private JWKSet keys(String jwksUri) {
        try {
            OidcProviderHttp.Response response =
                    this.http.get(URI.create(jwksUri), Map.of("Accept", "application/json"));
            if (!response.isSuccess()) {
                throw FederationFailure.invalidRequest(
                        "The jwks_uri " + jwksUri + " answered with status " + response.status());
            }
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException | IllegalArgumentException ex) {
            throw FederationFailure.invalidRequest("Unable to read the key set at " + jwksUri);
        }
    }
}
