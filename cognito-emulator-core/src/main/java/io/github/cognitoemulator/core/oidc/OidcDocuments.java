package io.github.cognitoemulator.core.oidc;

import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenID Connect documents of a pool, with the members of Cognito's own and in its order: the discovery
 * document at {@code <issuer>/.well-known/openid-configuration} and the key set at
 * {@code <issuer>/.well-known/jwks.json}.
 */
public final class OidcDocuments {

    private OidcDocuments() {}

    /**
     * The discovery document of the issuer {@code issuer}. Without a hosted-UI domain, Cognito roots the OAuth
     * endpoints at the issuer itself.
     */
    public static String openidConfiguration(String issuer) {
        return openidConfiguration(issuer, issuer, "");
    }

    /**
     * The discovery document of a pool whose managed login is served at {@code siteUrl}: the OAuth endpoints are the
     * site's {@code /oauth2/authorize}, {@code /oauth2/token} and {@code /oauth2/userInfo}.
     *
     * @param siteUrl {@code <issuer base URL>/<domain prefix>} when the pool has a prefix domain, else
     *     {@code <issuer base URL>/<pool id>}
     */
    public static String openidConfiguration(String issuer, String siteUrl) {
        return openidConfiguration(issuer, siteUrl, "/oauth2");
    }

    private static String openidConfiguration(String issuer, String endpointRoot, String endpointPath) {
        String endpoints = endpointRoot + endpointPath;
        Map<String, Object> document = new TreeMap<>();
        document.put("authorization_endpoint", endpoints + "/authorize");
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code", "token"));
        document.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
        document.put("subject_types_supported", List.of("public"));
        document.put("token_endpoint", endpoints + "/token");
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("userinfo_endpoint", endpoints + "/userInfo");
        return new String(CognitoJson.write(document), StandardCharsets.UTF_8);
    }

    /** A JSON Web Key Set with members in alphabetical order, as Cognito writes them. */
    public static String jwks(Map<String, Object> jwkSet) {
        return new String(CognitoJson.write(jwkSet), StandardCharsets.UTF_8);
    }
}
