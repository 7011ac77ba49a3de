package io.github.cognitoemulator.autoconfigure.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.fuzz.CognitoAnswers;
import io.github.cognitoemulator.core.fuzz.Fragment;
import io.github.cognitoemulator.core.fuzz.FuzzFixture;
import io.github.cognitoemulator.core.fuzz.FuzzValues;
import io.github.cognitoemulator.core.fuzz.Mutation;
import io.github.cognitoemulator.core.fuzz.ValidRequests;
import io.github.cognitoemulator.core.fuzz.ValidRequests.Template;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sends random and mutated requests through the starter's servlet filter in a real Tomcat, 2,000 in all, with odd
 * targets, content types, signatures, headers and body framing, and checks that the emulator's every answer is
 * Cognito's: never a server error, errors in Cognito's shape with headers any HTTP server can send, and no state
 * changed by a rejected request. The host application answers whatever is not a Cognito call, as it would without
 * the emulator; only that the emulator left those calls alone is checked.
 */
class CognitoJsonProtocolHttpFuzzTests {

    private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/cognito-idp/"
            + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private static FuzzFixture fixture;

    private static ConfigurableApplicationContext application;

    private static int port;

    @BeforeContainer
    static void startApplication() {
        fixture = FuzzFixture.create();
        application = new SpringApplicationBuilder(HostApplication.class)
                .profiles("dev")
                .properties("server.port=0", "spring.main.banner-mode=off")
                // The fuzz's own emulator, so the fuzz can read its state in-process and move its clock.
                .initializers((context) -> context.getBeanFactory().registerSingleton("cognitoEmulator", emulator()))
                .run();
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterContainer
    static void stopApplication() {
        if (application != null) {
            application.close();
        }
    }

    private static CognitoEmulator emulator() {
        return fixture.emulator();
    }

    @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
    void anyRequestGetsCognitosAnswerOverHttp(
            @ForAll("targets") @Nullable String target,
            @ForAll("contentTypes") @Nullable String contentType,
            @ForAll("authorizations") @Nullable String authorization,
            @ForAll("extraHeaders") List<Map.Entry<String, String>> extra,
            @ForAll("framings") RawHttp.Framing framing,
            @ForAll("bodies") Fragment body)
            throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (target != null) {
            headers.add(Map.entry("X-Amz-Target", target));
        }
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        headers.addAll(extra);
        fixture.tick();
        RawHttp.Response response = RawHttp.post(port, headers, FuzzValues.resolve(body.bytes(), fixture.values()));
        check(response, () -> headers + " " + body, isCognitoTarget(target));
    }

    @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
    void aValidRequestWithOneMemberBrokenGetsCognitosAnswerOverHttp(
            @ForAll("templates") Template template, @ForAll("mutations") Mutation mutation) throws IOException {
        byte[] body = FuzzValues.resolve(mutation.apply(template.body().apply(fixture)), fixture.values());
        fixture.tick();
        RawHttp.Response response =
                RawHttp.post(port, headers(template.action(), AwsJsonProtocol.CONTENT_TYPE, SIGNATURE), body);
        check(response, () -> template + " " + mutation + ": " + Fragment.preview(body), true);
    }

    /**
     * Checks an answer: Cognito's shape, never a server error, whenever the emulator answered, which it must for any
     * Cognito target that the server itself accepted; and no state changed unless the emulator said it succeeded.
     * What the host application answers to other requests is the host's business.
     */
    private static void check(RawHttp.Response response, Supplier<String> request, boolean cognitoTarget) {
        boolean fromEmulator = response.header("x-amzn-RequestId") != null;
        String error = null;
        try {
            if (fromEmulator) {
                error = CognitoAnswers.check(response.status(), response::header, response.body(), request);
            } else if (cognitoTarget) {
                // Only the server itself may turn a Cognito call away, with a 400 for a request it cannot parse.
                assertThat(response.status())
                        .as(() -> "answer " + response.status() + " " + Fragment.preview(response.body()) + " to "
                                + request.get())
                        .isEqualTo(400);
            }
        } catch (AssertionError ex) {
            // Whatever the failing call did, the calls jqwik sends next, shrinking it, must not be blamed for it.
            fixture.resync();
            throw ex;
        }
        // Sessions are always read: which target the server saw is not known for sure.
        fixture.verifyStateAfter(fromEmulator && error == null, true, request);
    }

    private static boolean isCognitoTarget(@Nullable String target) {
        return target != null && target.startsWith(AwsJsonProtocol.TARGET_PREFIX);
    }

    private static List<Map.Entry<String, String>> headers(String action, String contentType, String authorization) {
        return List.of(
                Map.entry("X-Amz-Target", AwsJsonProtocol.TARGET_PREFIX + action),
                Map.entry("Content-Type", contentType),
                Map.entry("X-Amz-Date", "20260101T000000Z"),
                Map.entry("Authorization", authorization));
    }

    @Provide
    Arbitrary<String> targets() {
        return FuzzValues.targets(emulator().actionNames());
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                        AwsJsonProtocol.CONTENT_TYPE,
                        AwsJsonProtocol.CONTENT_TYPE,
                        AwsJsonProtocol.CONTENT_TYPE,
                        "application/x-amz-json-1.0",
                        "application/json",
                        "application/json; charset=ISO-8859-1",
                        AwsJsonProtocol.CONTENT_TYPE + "; charset=UTF-16",
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=fuzz",
                        "application/octet-stream",
                        "*/*",
                        "",
                        "\u00e4/\u00f6",
                        ";;;=",
                        "a".repeat(5000))
                .injectNull(0.05);
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Arbitraries.of(
                        SIGNATURE,
                        SIGNATURE,
                        SIGNATURE,
                        SIGNATURE.replace("us-east-1", "eu-west-1"),
                        SIGNATURE.replace("us-east-1", "EU-WEST-1"),
                        SIGNATURE.replace("us-east-1", "r".repeat(4_000)),
                        SIGNATURE.replace("us-east-1", "\u00e9-west-1"),
                        SIGNATURE.replace("/20260101/", "/2026/"),
                        SIGNATURE.toLowerCase(java.util.Locale.ROOT),
                        "AWS4-HMAC-SHA256",
                        "AWS4-HMAC-SHA256 ",
                        "AWS4-HMAC-SHA256 Credential=",
                        "AWS4-HMAC-SHA256 Credential=" + "Credential=".repeat(500),
                        "Bearer eyJhbGciOiJub25lIn0.e30.",
                        "Basic dGVzdDp0ZXN0",
                        "",
                        "x".repeat(10_000))
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> extraHeaders() {
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.of(
                Map.entry("X-Amz-Date", "20260101T000000Z"),
                Map.entry("X-Amz-Date", "yesterday"),
                Map.entry("X-Amz-Security-Token", "t".repeat(3_000)),
                Map.entry("X-Amz-Target", AwsJsonProtocol.TARGET_PREFIX + "ListUserPools"),
                Map.entry("X-Amz-User-Agent", "aws-sdk-js/3.0.0"),
                Map.entry("Content-Encoding", "gzip"),
                Map.entry("Accept-Encoding", "gzip, deflate, br"),
                Map.entry("Accept", "application/xml"),
                Map.entry("Origin", "http://localhost:5173"),
                Map.entry("Expect", "100-continue"),
                Map.entry("Content-Type", "text/plain"),
                Map.entry("X-Forwarded-Host", "evil.example.com:1"),
                Map.entry("X-Forwarded-Proto", "gopher"));
        return header.list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<RawHttp.Framing> framings() {
        return Arbitraries.frequency(
                Tuple.of(18, RawHttp.Framing.CONTENT_LENGTH),
                Tuple.of(1, RawHttp.Framing.CHUNKED),
                Tuple.of(1, RawHttp.Framing.MALFORMED_CHUNKS));
    }

    @Provide
    Arbitrary<Fragment> bodies() {
        return FuzzValues.bodies();
    }

    @Provide
    Arbitrary<Template> templates() {
        return ValidRequests.weighted();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Mutation.mutations();
    }
}
