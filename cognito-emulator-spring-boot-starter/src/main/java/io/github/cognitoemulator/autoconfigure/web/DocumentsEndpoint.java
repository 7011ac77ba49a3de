package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.oidc.OidcDocuments;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents the emulator publishes over plain GETs, relative to {@code cognito.emulator.documents-path}: each
 * pool's OpenID Connect discovery document and key set at {@code /{poolId}/.well-known/openid-configuration} and
 * {@code /{poolId}/.well-known/jwks.json}, and the same two for the emulator as a whole at {@code /.well-known/...}
 * (the key set there holds every pool's keys). They are public, as Cognito's are: anyone may read them, from any
 * origin.
 */
final class DocumentsEndpoint implements EmulatorHttp.Endpoint {

    private static final Pattern POOL_DOCUMENT =
            Pattern.compile("/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/(openid-configuration|jwks\\.json)");

    private static final Map<String, String> PUBLIC = Map.of("Access-Control-Allow-Origin", "*");

    private final CognitoEmulator emulator;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    DocumentsEndpoint(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.basePath = EmulatorHttp.basePath(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
    }

    @Override
    public Route route(Request request) {
        String path = request.path();
        if (!"GET".equals(request.method()) || !path.startsWith(this.basePath + "/")) {
            return Pass.INSTANCE;
        }
        String document = path.substring(this.basePath.length());
        Matcher pool = POOL_DOCUMENT.matcher(document);
        if (pool.matches()) {
            String userPoolId = pool.group(1);
            boolean keySet = pool.group(2).equals("jwks.json");
            return Handle.withoutBody(() -> poolDocument(userPoolId, keySet));
        }
        switch (document) {
            case "/.well-known/openid-configuration":
                return Handle.withoutBody(() -> found(OidcDocuments.openidConfiguration(this.issuer.baseUrl())));
            case "/.well-known/jwks.json":
                return Handle.withoutBody(() -> found(this.emulator.jwks()));
            default:
                return Pass.INSTANCE;
        }
    }

    private Response poolDocument(String userPoolId, boolean keySet) {
        Optional<String> body = keySet
                ? this.emulator.jwks(userPoolId)
                : this.emulator.openidConfiguration(userPoolId, this.issuer.baseUrl());
        return body.map(DocumentsEndpoint::found)
                .orElseGet(() ->
                        Response.json(404, "{\"message\":\"User pool " + userPoolId + " does not exist.\"}", PUBLIC));
    }

    private static Response found(String body) {
        return Response.json(200, body, PUBLIC);
    }
}
