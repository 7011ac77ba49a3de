package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cognito's JSON 1.1 protocol at the emulator's path: a {@code POST} whose {@code X-Amz-Target} names the Cognito user
 * pools service, and the browser's CORS preflight for it. Everything else passes, other {@code POST}s to the same path
 * included, so the emulator can share {@code /} with the application.
 */
final class JsonProtocolEndpoint implements EmulatorHttp.Endpoint {

    static final String TARGET_HEADER = "X-Amz-Target";

    /** The headers a browser SDK reads from Cognito's answers, exposed as Cognito itself exposes them. */
    static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";

    /**
     * The longest body read. Far beyond any valid call (Cognito's largest member, a UI customization image, is
     * 128 KiB) and beyond what the JSON parser takes (strings up to 20 million characters), so only a body no
     * Cognito call could be is cut short, and it gets the same {@code SerializationException} an unreadable one gets.
     */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** {@code Credential=AKID/20260101/eu-west-1/cognito-idp/aws4_request}: the region is the third element. */
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/[^/,\\s]+/aws4_request");

    /** Not JSON: what the emulator is given in place of a body over the limit, which it refuses likewise. */
    private static final byte[] UNREADABLE_BODY = "{".getBytes(StandardCharsets.UTF_8);

    private final CognitoEmulator emulator;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    JsonProtocolEndpoint(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.basePath = EmulatorHttp.basePath(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
    }

    @Override
    public Route route(Request request) {
        if (isAtBasePath(request.path())) {
            if ("POST".equals(request.method())
                    && isCognitoTarget(request.headers().first(TARGET_HEADER))) {
                return new Handle(MAX_BODY_BYTES, (body) -> answer(request, body), () -> answer(request, null));
            }
            if ("OPTIONS".equals(request.method()) && isCognitoPreflight(request.headers())) {
                return Handle.withoutBody(() -> preflight(request.headers()));
            }
        }
        return Pass.INSTANCE;
    }

    /** The emulator's answer to a call, whose body is {@code null} when it was over the limit. */
    private Response answer(Request request, byte @Nullable [] body) {
        String authorization = request.headers().first("Authorization");
        ProtocolResponse answer = this.emulator.handle(new ProtocolRequest(
                request.headers().first(TARGET_HEADER),
                (body != null) ? body : UNREADABLE_BODY,
                credentialScopeRegion(authorization),
                this.issuer.baseUrl(),
                isSigned(authorization)));
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return new Response(answer.status(), headers, answer.body());
    }

    private static Response preflight(EmulatorHttp.Headers requestHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Allow-Methods", "POST, OPTIONS");
        // Browser SDKs add their own headers (amz-sdk-invocation-id, x-amz-user-agent, ...) that vary by version, so
        // whatever the browser asks for is allowed.
        headers.put("Access-Control-Allow-Headers", String.join(", ", requestedHeaders(requestHeaders)));
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        headers.put("Access-Control-Max-Age", "86400");
        return new Response(200, headers, new byte[0]);
    }

    private boolean isAtBasePath(String path) {
        return path.equals(this.basePath) || path.equals(this.basePath + "/");
    }

    private static boolean isCognitoTarget(@Nullable String target) {
        return target != null && target.startsWith(AwsJsonProtocol.TARGET_PREFIX);
    }

    private static boolean isCognitoPreflight(EmulatorHttp.Headers headers) {
        return headers.first("Access-Control-Request-Method") != null
                && requestedHeaders(headers).stream().anyMatch(TARGET_HEADER::equalsIgnoreCase);
    }

    private static List<String> requestedHeaders(EmulatorHttp.Headers headers) {
        List<String> requested = new ArrayList<>();
        for (String value : headers.values("Access-Control-Request-Headers")) {
            for (String header : value.split(",")) {
                if (!header.isBlank()) {
                    requested.add(header.trim());
                }
            }
        }
        return requested;
    }

    /** Whether the request carries a SigV4 signature; its validity is never checked, any credentials will do. */
    static boolean isSigned(@Nullable String authorization) {
        return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256");
    }

    /** The region the caller signed for, which real Cognito serves and which prefixes new user pool ids. */
    static @Nullable String credentialScopeRegion(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
        return matcher.find() ? matcher.group(1) : null;
    }
}
