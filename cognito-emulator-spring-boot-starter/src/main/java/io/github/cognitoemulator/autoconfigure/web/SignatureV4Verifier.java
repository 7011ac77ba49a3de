package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.support.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks the AWS Signature Version 4 of a Cognito API call, as AWS does before Cognito sees the call: the access key
 * must be one of the configured ones, the request time within 15 minutes of the emulator's clock, the credential
 * scoped to the {@code cognito-idp} service on the request's date, and the signature the one computed over the
 * canonical request (method, path, query, signed headers and the SHA-256 of the body) with the key's secret.
 *
 * <p>Each refusal is the error AWS answers with: {@code UnrecognizedClientException} for an unknown key,
 * {@code InvalidSignatureException} for a wrong signature or time, {@code IncompleteSignatureException} for an
 * {@code Authorization} header that lacks a part.
 */
final class SignatureV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static final String SERVICE = "cognito-idp";

    /** How far a request's time may be from the clock, either way. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    static final String UNKNOWN_KEY_MESSAGE = "The security token included in the request is invalid.";

    static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretsByAccessKeyId;

    private final Clock clock;

    /**
     * @param secretsByAccessKeyId the secret of each access key that may sign
     * @param clock the clock request times are compared with
     */
    SignatureV4Verifier(Map<String, String> secretsByAccessKeyId, Clock clock) {
        this.secretsByAccessKeyId = Map.copyOf(secretsByAccessKeyId);
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * Why AWS would refuse the signature of a request.
     *
     * @param type the error
     * @param message its message
     */
    record Refusal(ErrorType type, String message) {}

    /**
     * Checks a request that carries an {@code Authorization: AWS4-HMAC-SHA256 ...} header.
     *
     * @param method the HTTP method
     * @param rawPath the path as sent, not decoded
     * @param rawQuery the query as sent, or {@code null}
     * @param headers the request's headers
     * @param body the body as received
     * @return why the signature is refused, or {@code null} when it is valid
     */
    @Nullable
    Refusal verify(
            String method, String rawPath, @Nullable String rawQuery, EmulatorHttp.Headers headers, byte[] body) {
        String authorization = Objects.requireNonNullElse(headers.first("Authorization"), "");
        Map<String, String> parts = authorizationParts(authorization);
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        String amzDate = headers.first("X-Amz-Date");
        List<String> missing = new ArrayList<>();
        if (credential == null) {
            missing.add("Authorization header requires 'Credential' parameter.");
        }
        if (signature == null) {
            missing.add("Authorization header requires 'Signature' parameter.");
        }
        if (signedHeaders == null) {
            missing.add("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (amzDate == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            return new Refusal(
                    ErrorType.INCOMPLETE_SIGNATURE, String.join(" ", missing) + " Authorization=" + authorization);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            return new Refusal(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped to a valid region, service and terminator: '" + credential + "'.");
        }
        String secret = this.secretsByAccessKeyId.get(scope[0]);
        if (secret == null) {
            return new Refusal(ErrorType.UNRECOGNIZED_CLIENT, UNKNOWN_KEY_MESSAGE);
        }
        Instant requestTime;
        try {
            requestTime = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            return new Refusal(
                    ErrorType.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.");
        }
        Refusal stale = staleness(requestTime, amzDate);
        if (stale != null) {
            return stale;
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            return new Refusal(
                    ErrorType.INVALID_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        if (!SERVICE.equals(scope[3])) {
            return new Refusal(
                    ErrorType.INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!"aws4_request".equals(scope[4])) {
            return new Refusal(
                    ErrorType.INVALID_SIGNATURE,
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + scope[4] + "'. ");
        }
        String canonicalRequest = canonicalRequest(method, rawPath, rawQuery, headers, signedHeaders, body);
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n" + sha256Hex(canonicalRequest);
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        byte[] expected = HEX.formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given)
                ? null
                : new Refusal(ErrorType.INVALID_SIGNATURE, MISMATCH_MESSAGE);
    }

    /** The refusal of a request time more than {@link #ALLOWED_SKEW} away from now, in AWS's words. */
    private @Nullable Refusal staleness(Instant requestTime, String amzDate) {
        Instant now = this.clock.instant();
        if (requestTime.isBefore(now.minus(ALLOWED_SKEW))) {
            return new Refusal(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature expired: " + amzDate + " is now earlier than " + format(now.minus(ALLOWED_SKEW)) + " ("
                            + format(now) + " - 15 min.)");
        }
        if (requestTime.isAfter(now.plus(ALLOWED_SKEW))) {
            return new Refusal(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature not yet current: " + amzDate + " is still later than " + format(now.plus(ALLOWED_SKEW))
                            + " (" + format(now) + " + 15 min.)");
        }
        return null;
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** {@code Credential}, {@code SignedHeaders} and {@code Signature} of an {@code Authorization} header. */
    static Map<String, String> authorizationParts(String authorization) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return parts;
        }
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0) {
                parts.putIfAbsent(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        }
        return parts;
    }

    /** The canonical request of Signature Version 4, as the AWS SDKs build it for the JSON protocol. */
    static String canonicalRequest(
            String method,
            String rawPath,
            @Nullable String rawQuery,
            EmulatorHttp.Headers headers,
            String signedHeaders,
            byte[] body) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n');
        canonical.append(canonicalPath(rawPath)).append('\n');
        canonical.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = new ArrayList<>();
            for (String value : headers.values(name)) {
                values.add(value.trim().replaceAll("\\s+", " "));
            }
            canonical
                    .append(name.toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(String.join(",", values))
                    .append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        canonical.append(sha256Hex(body));
        return canonical.toString();
    }

    /**
     * The path as sent, encoded once more, as the SDKs sign it for every service but S3: each byte other than an
     * unreserved character or {@code /} is percent-encoded, so the {@code %} of an encoded character becomes
     * {@code %25}.
     */
    static String canonicalPath(String rawPath) {
        return rawPath.isEmpty() ? "/" : encode(rawPath, true);
    }

    /** The query's parameters, decoded then encoded strictly, sorted by name then value. */
    static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
            String value = (equals >= 0) ? parameter.substring(equals + 1) : "";
            parameters.add(encode(percentDecode(name), false) + "=" + encode(percentDecode(value), false));
        }
        parameters.sort(null);
        return String.join("&", parameters);
    }

    /** RFC 3986 encoding of every byte but the unreserved characters, and {@code /} when {@code keepSlash}. */
    static String encode(String text, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    /** {@code %XX} sequences decoded as UTF-8; a {@code +} stays a {@code +}, as SigV4 clients never send one for a space. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(Digests.sha256Bytes(bytes));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
