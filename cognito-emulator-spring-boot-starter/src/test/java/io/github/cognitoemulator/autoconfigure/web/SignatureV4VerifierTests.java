package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.error.ErrorType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The verifier against the AWS SDK for Java v2's own signer: what the SDK signs, the verifier must accept. */
class SignatureV4VerifierTests {

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static final String BODY = "{\"UserPoolId\":\"eu-west-1_abc\",\"Username\":\"zoë\"}";

    private final SignatureV4Verifier verifier = new SignatureV4Verifier(
            Map.of(KEY_ID, SECRET, "AKIAOTHERKEY00000000", "other"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRequestTheSdkSignedWithAConfiguredKeyIsValid() {
        Signed signed = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW);

        assertThat(verify(signed, BODY)).isNull();
    }

    @Test
    void thePathAndQueryAreSignedEncodedAsTheSdkEncodesThem() {
        Signed signed = sign(
                "http://localhost:8080/app/cognito%20emulator/x~y?b=2&a=1&c=x%20y&a=0&d",
                KEY_ID, SECRET, "us-east-1", "cognito-idp", NOW);

        assertThat(signed.request().encodedPath()).isEqualTo("/app/cognito%20emulator/x~y");
        assertThat(verify(signed, BODY)).isNull();
    }

    @Test
    void anyOtherBodyThanTheSignedOneIsAMismatch() {
        Signed signed = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW);

        assertThat(verify(signed, BODY.replace("zoë", "zoe")))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "The request signature we calculated does not match the signature you provided. Check your"
                                + " AWS Secret Access Key and signing method. Consult the service documentation for"
                                + " details."));
    }

    @Test
    void aWrongSecretIsAMismatch() {
        Signed signed = sign("http://localhost:4566/", KEY_ID, "not the secret", "eu-west-1", "cognito-idp", NOW);

        assertThat(verify(signed, BODY).type()).isEqualTo(ErrorType.INVALID_SIGNATURE);
        assertThat(verify(signed, BODY).message()).isEqualTo(SignatureV4Verifier.MISMATCH_MESSAGE);
    }

    @Test
    void anotherConfiguredKeysSecretIsAMismatch() {
        Signed signed = sign("http://localhost:4566/", "AKIAOTHERKEY00000000", SECRET, "eu-west-1", "cognito-idp", NOW);

        assertThat(verify(signed, BODY).type()).isEqualTo(ErrorType.INVALID_SIGNATURE);
    }

    @Test
    void anUnknownKeyIsUnrecognized() {
        Signed signed = sign("http://localhost:4566/", "AKIAUNKNOWN000000000", SECRET, "eu-west-1", "cognito-idp", NOW);

        assertThat(verify(signed, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid."));
    }

    @Test
    void aRequestSignedFifteenMinutesAgoIsStillValidAndOneSecondMoreHasExpired() {
        Signed edge = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW.minusSeconds(900));
        Signed expired =
                sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW.minusSeconds(901));

        assertThat(verify(edge, BODY)).isNull();
        assertThat(verify(expired, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "Signature expired: 20260304T045106Z is now earlier than 20260304T045107Z (20260304T050607Z -"
                                + " 15 min.)"));
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAheadIsNotYetCurrent() {
        Signed edge = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW.plusSeconds(900));
        Signed ahead = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "cognito-idp", NOW.plusSeconds(901));

        assertThat(verify(edge, BODY)).isNull();
        assertThat(verify(ahead, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "Signature not yet current: 20260304T052108Z is still later than 20260304T052107Z"
                                + " (20260304T050607Z + 15 min.)"));
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() {
        Signed signed = sign("http://localhost:4566/", KEY_ID, SECRET, "eu-west-1", "dynamodb", NOW);

        assertThat(verify(signed, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "Credential should be scoped to correct service: 'cognito-idp'. "));
    }

    @Test
    void aCredentialScopeOfAnotherDayThanTheRequestIsRefused() {
        Map<String, List<String>> headers = headers(
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260303/eu-west-1/cognito-idp/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=00",
                "20260304T050607Z");

        assertThat(verify(headers, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                                + " '20260303' != '20260304', from '20260304T050607Z'."));
    }

    @Test
    void aCredentialScopeWithAnotherTerminatorIsRefused() {
        Map<String, List<String>> headers = headers(
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260304/eu-west-1/cognito-idp/aws5_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=00",
                "20260304T050607Z");

        assertThat(verify(headers, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INVALID_SIGNATURE,
                        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "));
    }

    @Test
    void anAuthorizationWithoutItsPartsIsIncomplete() {
        Map<String, List<String>> headers = headers("AWS4-HMAC-SHA256 Foo=bar", null);

        assertThat(verify(headers, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INCOMPLETE_SIGNATURE,
                        "Authorization header requires 'Credential' parameter. Authorization header requires"
                                + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
                                + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
                                + " header. Authorization=AWS4-HMAC-SHA256 Foo=bar"));
    }

    @Test
    void aCredentialWithoutItsScopeIsIncomplete() {
        Map<String, List<String>> headers = headers(
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260304, SignedHeaders=host, Signature=00",
                "20260304T050607Z");

        assertThat(verify(headers, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INCOMPLETE_SIGNATURE,
                        "Credential should be scoped to a valid region, service and terminator: '" + KEY_ID
                                + "/20260304'."));
    }

    @Test
    void aDateNotInBasicFormatIsRefused() {
        Map<String, List<String>> headers = headers(
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260304/eu-west-1/cognito-idp/aws4_request,"
                        + " SignedHeaders=host, Signature=00",
                "2026-03-04T05:06:07Z");

        assertThat(verify(headers, BODY))
                .isEqualTo(new SignatureV4Verifier.Refusal(
                        ErrorType.INCOMPLETE_SIGNATURE,
                        "Date must be in ISO-8601 'basic format'. Got '2026-03-04T05:06:07Z'."));
    }

    @Test
    void authorizationPartsAreReadOnlyFromAVersion4Header() {
        assertThat(SignatureV4Verifier.authorizationParts(
                        "AWS4-HMAC-SHA256 Credential=a/b,SignedHeaders=host ,  Signature=ff, Signature=00, junk"))
                .containsExactly(
                        Map.entry("Credential", "a/b"),
                        Map.entry("SignedHeaders", "host"),
                        Map.entry("Signature", "ff"));
        assertThat(SignatureV4Verifier.authorizationParts("AWS4-HMAC-SHA256Credential=a"))
                .isEmpty();
        assertThat(SignatureV4Verifier.authorizationParts("Bearer x")).isEmpty();
    }

    @Test
    void pathsAndQueriesAreEncodedStrictly() {
        assertThat(SignatureV4Verifier.canonicalPath("")).isEqualTo("/");
        assertThat(SignatureV4Verifier.canonicalPath("/a%20b/c~d.e_f-g")).isEqualTo("/a%2520b/c~d.e_f-g");
        assertThat(SignatureV4Verifier.canonicalQuery(null)).isEmpty();
        assertThat(SignatureV4Verifier.canonicalQuery("")).isEmpty();
        assertThat(SignatureV4Verifier.canonicalQuery("b=2&&a=x+y&a=%2F&c")).isEqualTo("a=%2F&a=x%2By&b=2&c=");
        assertThat(SignatureV4Verifier.percentDecode("%7e%zz%4")).isEqualTo("~%zz%4");
        assertThat(SignatureV4Verifier.encode("é/ :", false)).isEqualTo("%C3%A9%2F%20%3A");
        assertThat(SignatureV4Verifier.encode("AZaz09", true)).isEqualTo("AZaz09");
        assertThat(SignatureV4Verifier.sha256Hex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void headerValuesAreTrimmedAndTheirInnerSpacesFolded() {
        EmulatorHttp.Headers headers =
                asHeaders(Map.of("Host", List.of("localhost"), "X-Multi", List.of(" a   b ", "c")));

        assertThat(SignatureV4Verifier.canonicalRequest("POST", "/", null, headers, "host;x-multi", new byte[0]))
                .isEqualTo("POST\n/\n\nhost:localhost\nx-multi:a b,c\n\nhost;x-multi\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private SignatureV4Verifier.Refusal verify(Signed signed, String body) {
        SdkHttpRequest request = signed.request();
        return this.verifier.verify(
                request.method().name(),
                request.encodedPath(),
                request.encodedQueryParameters().orElse(null),
                asHeaders(request.headers()),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private SignatureV4Verifier.Refusal verify(Map<String, List<String>> headers, String body) {
        return this.verifier.verify(
                "POST", "/", null, asHeaders(headers), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(String authorization, String amzDate) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of("localhost:4566"));
        headers.put("Authorization", List.of(authorization));
        if (amzDate != null) {
            headers.put("X-Amz-Date", List.of(amzDate));
        }
        return headers;
    }

    private static EmulatorHttp.Headers asHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return EmulatorHttp.Headers.of(
                () -> new ArrayList<>(byName.keySet()), (name) -> byName.getOrDefault(name, List.of()));
    }

    private record Signed(SdkHttpRequest request) {}

    /** The request as the AWS SDK for Java v2 signs a Cognito call at {@code signedAt}. */
    private static Signed sign(
            String uri, String keyId, String secret, String region, String service, Instant signedAt) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(uri))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminGetUser")
                .putHeader(
                        "Content-Length",
                        Integer.toString(BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign((r) -> r.identity(AwsCredentialsIdentity.create(keyId, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(BODY))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return new Signed(signed.request());
    }

    @Test
    void theAllowedSkewIsFifteenMinutes() {
        assertThat(SignatureV4Verifier.ALLOWED_SKEW).isEqualTo(Duration.ofMinutes(15));
    }
}
