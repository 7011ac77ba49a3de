package io.github.cognitoemulator.autoconfigure.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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

    /** {@code Credential=AKID/20260101/eu-west-1/cognito-idp/aws4_request}: the region is the third element. */
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/[^/,\\s]+/aws4_request");

    private final CognitoEmulator emulator;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    private final int maxBodyBytes;

    private final @Nullable SignatureV4Verifier verifier;

    JsonProtocolEndpoint(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this(emulator, path, issuer, EmulatorAccess.DEFAULT_MAX_REQUEST_BYTES, null);
    }

    /**
     * @param maxBodyBytes the longest body read; a longer one is refused with HTTP 413
     * @param verifier what checks the signatures of administrative calls, or {@code null} to take any
     */
    JsonProtocolEndpoint(
            CognitoEmulator emulator,
            String path,
            CognitoEmulatorIssuer issuer,
            int maxBodyBytes,
            @Nullable SignatureV4Verifier verifier) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.basePath = EmulatorHttp.basePath(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
        this.maxBodyBytes = maxBodyBytes;
        this.verifier = verifier;
    }

    @Override
    public Route route(Request request) {
        if (isAtBasePath(request.path())) {
            if ("POST".equals(request.method())
                    && isCognitoTarget(request.headers().first(TARGET_HEADER))) {
                return new Handle(this.maxBodyBytes, (body) -> answer(request, body), this::tooLarge);
            }
            if ("OPTIONS".equals(request.method()) && isCognitoPreflight(request.headers())) {
                return Handle.withoutBody(() -> preflight(request.headers()));
            }
        }
        return Pass.INSTANCE;
    }

    /**
     * The emulator's answer to a call. When signatures are checked, a signature that is not valid counts as none: an
     * administrative call, which needs one, gets AWS's refusal of that signature in place of Cognito's
     * {@code MissingAuthenticationTokenException}, while a public call (InitiateAuth, SignUp, ...) is answered as
     * Cognito answers it, whatever credentials its client may have signed it with.
     */
    private Response answer(Request request, byte[] body) {
        String authorization = request.headers().first("Authorization");
        boolean signed = isSigned(authorization);
        SignatureV4Verifier.Refusal refusal = null;
        if (signed && this.verifier != null) {
            refusal = this.verifier.verify(
                    request.method(), request.rawPath(), request.rawQuery(), request.headers(), body);
            signed = refusal == null;
        }
        ProtocolResponse answer = this.emulator.handle(new ProtocolRequest(
                request.headers().first(TARGET_HEADER),
                body,
                credentialScopeRegion(authorization),
                this.issuer.baseUrl(),
                signed));
        if (refusal != null && isMissingToken(answer)) {
            return error(refusal.type(), refusal.message(), answer.headers().get("x-amzn-RequestId"));
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return new Response(answer.status(), headers, answer.body());
    }

    private static boolean isMissingToken(ProtocolResponse answer) {
        String type = answer.headers().get("x-amzn-ErrorType");
        return type != null && type.startsWith(ErrorType.MISSING_AUTHENTICATION_TOKEN.wireName() + ":");
    }

    /**
     * The answer to a body longer than the limit. Cognito's limit is not reported in a documented error; this is the
     * status (413) and wording AWS's front ends use for an oversized request.
     */
    private Response tooLarge() {
        return error(
                ErrorType.REQUEST_ENTITY_TOO_LARGE,
                "HTTP content length exceeded " + this.maxBodyBytes + " bytes.",
                null);
    }

    /** The refusal of a caller the emulator does not answer, shaped as an AWS error so that the SDKs show it. */
    static Response accessDenied() {
        return error(ErrorType.ACCESS_DENIED, EmulatorAccess.REFUSAL, null);
    }

    /**
     * An AWS JSON error, readable by a browser as every answer of this endpoint is, under the request id of the
     * emulator's own answer when there was one, else a new one: AWS gives every answer an id.
     */
    static Response error(ErrorType type, String message, @Nullable String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AwsJsonProtocol.CONTENT_TYPE);
        headers.put(
                "x-amzn-RequestId",
                (requestId != null) ? requestId : UUID.randomUUID().toString());
        headers.put("x-amzn-ErrorType", type.wireName() + ":");
        headers.put("x-amzn-ErrorMessage", message);
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", type.wireName());
        body.put("message", message);
        return new Response(type.httpStatus(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
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

    /** Whether the request carries a SigV4 signature, valid or not. */
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
