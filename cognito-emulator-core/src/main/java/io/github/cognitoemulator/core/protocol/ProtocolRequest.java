package io.github.cognitoemulator.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One JSON 1.1 call as it arrived: the {@code X-Amz-Target} header, the raw body, and what the transport knows about
 * the caller.
 *
 * @param target the {@code X-Amz-Target} header, or {@code null} when the request had none
 * @param body the request body exactly as sent, whatever its content type
 * @param region the region of the request's SigV4 credential scope, or {@code null} to use the emulator's default
 * @param issuerBaseUrl the base URL of token issuers as the caller sees the emulator (for example
 *     {@code http://localhost:4566}), or {@code null} for Cognito's own
 *     ({@code https://cognito-idp.<region>.amazonaws.com})
 * @param signed whether the request carries a SigV4 signature, which Cognito requires of every action but the few
 *     that identify their caller by app client, token or session. The core does not verify signatures: by default
 *     any credentials will do, and the Spring Boot starter's shared-server mode checks them against configured
 *     access keys before the request gets here.
 */
public record ProtocolRequest(
        @Nullable String target,
        byte[] body,
        @Nullable String region,
        @Nullable String issuerBaseUrl,
        boolean signed) {

    public ProtocolRequest {
        Objects.requireNonNull(body, "'body' must not be null");
    }

    /** A trusted in-process request, treated as signed. */
    public ProtocolRequest(
            @Nullable String target, byte[] body, @Nullable String region, @Nullable String issuerBaseUrl) {
        this(target, body, region, issuerBaseUrl, true);
    }

    /** A trusted in-process request, treated as signed, whose tokens carry Cognito's own issuer. */
    public ProtocolRequest(@Nullable String target, byte[] body, @Nullable String region) {
        this(target, body, region, null, true);
    }

    /** A trusted in-process request for {@code action} of the Cognito service, in the default region. */
    public static ProtocolRequest of(String action, String jsonBody) {
        return new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + action, jsonBody.getBytes(StandardCharsets.UTF_8), null, null, true);
    }
}
