package io.github.cognitoemulator.core.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An OIDC provider served in-process by another pool of the same emulator: its discovery document and key set are
 * the pool's own, and its token endpoint hands out an ID token signed with the pool's ID token key.
 */
final class FakeOidcProvider implements OidcProviderHttp {

    static final String BASE = "https://idp.example.test";

    private final CognitoEmulator emulator;

    private final String providerPoolId;

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    volatile int discoveryStatus = 200;

    volatile String discoveryBody;

    volatile int jwksStatus = 200;

    volatile int tokenStatus = 200;

    volatile String tokenBody = "";

    volatile int userInfoStatus = 200;

    volatile String userInfoBody = "{}";

    volatile boolean unreachable;

    FakeOidcProvider(CognitoEmulator emulator, String providerPoolId) {
        this.emulator = emulator;
        this.providerPoolId = providerPoolId;
    }

    String issuer() {
        return BASE + "/" + this.providerPoolId;
    }

    /** The key the provider pool signs ID tokens with. */
    RSAKey signingKey() {
        this.emulator.jwks(this.providerPoolId);
        return this.emulator
                .store()
                .signingKeys()
                .find(this.providerPoolId)
                .orElseThrow()
                .idToken();
    }

    /** Answers the code exchange with an ID token of these claims, signed by {@code key}. */
    void answerTokens(JWTClaimsSet claims, RSAKey key) {
        this.tokenBody = "{\"access_token\":\"provider-access\",\"id_token\":\"" + sign(claims, key)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public Response get(URI uri, Map<String, String> headers) throws IOException {
        String url = uri.toString();
        this.requests.add("GET " + url + " " + headers.getOrDefault("Authorization", "-"));
        if (this.unreachable) {
            throw new IOException("connection refused");
        }
        if (url.equals(issuer() + "/.well-known/openid-configuration")) {
            String body = this.discoveryBody;
            return new Response(
                    this.discoveryStatus,
                    (body != null)
                            ? body
                            : this.emulator
                                    .openidConfiguration(this.providerPoolId, BASE)
                                    .orElseThrow());
        }
        if (url.equals(issuer() + "/.well-known/jwks.json")) {
            return new Response(
                    this.jwksStatus, this.emulator.jwks(this.providerPoolId).orElseThrow());
        }
        if (isEndpoint(url, "userInfo")) {
            return new Response(this.userInfoStatus, this.userInfoBody);
        }
        return new Response(404, "");
    }

    @Override
    public Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) throws IOException {
        String url = uri.toString();
        this.requests.add("POST " + url + " " + form + " " + headers.getOrDefault("Authorization", "-"));
        if (this.unreachable) {
            throw new IOException("connection refused");
        }
        if (isEndpoint(url, "token")) {
            return new Response(this.tokenStatus, this.tokenBody);
        }
        if (isEndpoint(url, "userInfo")) {
            return new Response(this.userInfoStatus, this.userInfoBody);
        }
        return new Response(404, "");
    }

    /**
     * Whether {@code url} is the provider's endpoint {@code name}: where its discovery document puts it, under
     * {@code /oauth2/}, or where a provider's details may name it, right under the issuer.
     */
    private boolean isEndpoint(String url, String name) {
        return url.equals(issuer() + "/oauth2/" + name) || url.equals(issuer() + "/" + name);
    }
}
