package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves Cognito's JSON 1.1 protocol from the application's own servlet container, so the AWS SDK, the AWS CLI and
 * browser SDKs reach the {@link CognitoEmulator} at the application's port.
 *
 * <p>Only a {@code POST} to the configured path whose {@code X-Amz-Target} names the Cognito user pools service, and the
 * browser's CORS preflight for it, are answered here. Every other request, including other {@code POST}s to the same
 * path, continues down the filter chain untouched, so the emulator can share {@code /} with the application.
 */
public final class CognitoJsonProtocolFilter extends OncePerRequestFilter {

    private static final String TARGET_HEADER = "X-Amz-Target";

    /** The headers a browser SDK reads from Cognito's answers, exposed as Cognito itself exposes them. */
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";

    /** {@code Credential=AKID/20260101/eu-west-1/cognito-idp/aws4_request}: the region is the third element. */
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/[^/,\\s]+/aws4_request");

    private final CognitoEmulator emulator;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    /**
     * Creates a filter that answers at {@code path}, relative to the servlet context.
     *
     * @param emulator the emulator that answers every Cognito call
     * @param path where the emulator answers; must start with {@code /}, a trailing {@code /} is optional
     * @param issuer the issuer of the tokens it hands out
     */
    public CognitoJsonProtocolFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        Objects.requireNonNull(path, "'path' must not be null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        this.basePath = EmulatorRequests.stripTrailingSlashes(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAtBasePath(request)) {
            if ("POST".equals(request.getMethod()) && isCognitoTarget(request.getHeader(TARGET_HEADER))) {
                answer(request, response);
                return;
            }
            if ("OPTIONS".equals(request.getMethod()) && isCognitoPreflight(request)) {
                answerPreflight(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The SDK sends application/x-amz-json-1.1, which no converter knows: the body is read as bytes, never as
        // parameters, whatever the content type claims.
        byte[] body = request.getInputStream().readAllBytes();
        String authorization = request.getHeader("Authorization");
        ProtocolResponse answer = this.emulator.handle(new ProtocolRequest(
                request.getHeader(TARGET_HEADER),
                body,
                credentialScopeRegion(authorization),
                this.issuer.baseUrl(),
                isSigned(authorization)));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static void answerPreflight(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        // Browser SDKs add their own headers (amz-sdk-invocation-id, x-amz-user-agent, ...) that vary by version, so
        // whatever the browser asks for is allowed.
        response.setHeader("Access-Control-Allow-Headers", String.join(", ", requestedHeaders(request)));
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setContentLength(0);
    }

    private boolean isAtBasePath(HttpServletRequest request) {
        String pathWithinApplication = EmulatorRequests.pathWithinApplication(request);
        return pathWithinApplication.equals(this.basePath) || pathWithinApplication.equals(this.basePath + "/");
    }

    private static boolean isCognitoTarget(@Nullable String target) {
        return target != null && target.startsWith(AwsJsonProtocol.TARGET_PREFIX);
    }

    private static boolean isCognitoPreflight(HttpServletRequest request) {
        return request.getHeader("Access-Control-Request-Method") != null
                && requestedHeaders(request).stream().anyMatch(TARGET_HEADER::equalsIgnoreCase);
    }

    private static List<String> requestedHeaders(HttpServletRequest request) {
        List<String> headers = new ArrayList<>();
        for (String value : Collections.list(request.getHeaders("Access-Control-Request-Headers"))) {
            for (String header : value.split(",")) {
                if (!header.isBlank()) {
                    headers.add(header.trim());
                }
            }
        }
        return headers;
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
