package io.github.cognitoemulator.autoconfigure.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the emulator refuses at its edge, whatever the web stack: bodies over its limits, before they are read, and
 * callers on other hosts, since by default it answers this machine only. Each subclass runs the host application of
 * one stack with the {@code dev} profile, sharing the context of {@link CognitoOverHttpScenario}'s subclass; a caller
 * on another host is made up with {@link RemoteCaller#HEADER}.
 */
public abstract class EmulatorEdgeScenario {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/cognito-idp/"
            + "aws4_request, SignedHeaders=host;x-amz-target, Signature=0123";

    private static final int LIMIT = 2 * 1024 * 1024;

    private static final String TOO_LARGE = "{\"__type\":\"RequestEntityTooLargeException\","
            + "\"message\":\"HTTP content length exceeded 2097152 bytes.\"}";

    private static final String REFUSAL = "The Cognito emulator answers callers on this machine only. Set"
            + " cognito.emulator.remote-access.allowed=true to let other hosts in.";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    private int port;

    @Test
    void aCallDeclaredLongerThanTheLimitIsRefusedBeforeAnyOfItIsSent() throws IOException {
        // Only the headers go out: an answer proves the emulator did not wait for the 100 MB.
        Raw answer = raw("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nAuthorization: " + SIGNED
                + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 104857600\r\n\r\n");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("RequestEntityTooLargeException:");
        assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedCallLongerThanTheLimitIsCutOffWhileItIsRead() throws IOException {
        byte[] padding = new byte[LIMIT + 1];
        Arrays.fill(padding, (byte) ' ');
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nAuthorization: " + SIGNED
                + "\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(padding.length) + "\r\n"));
        request.writeBytes(padding);
        request.writeBytes(ascii("\r\n0\r\n\r\n"));

        Raw answer = raw(request.toByteArray());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedCallWithinTheLimitIsAnswered() throws IOException {
        String body = "{\"MaxResults\":60}";
        Raw answer = raw("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nAuthorization: " + SIGNED
                + "\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"UserPools\":[");
    }

    @Test
    void managedLoginRefusesABodyDeclaredOverItsLimitBeforeAnyOfItIsSent() throws Exception {
        String poolId = createPool("token-limit");

        Raw answer = raw("POST /" + poolId + "/oauth2/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 131073\r\n\r\n");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("Request body too large");
    }

    @Test
    void anImportFileDeclaredOverCognitosLimitIsRefusedBeforeAnyOfItIsSent() throws IOException {
        Raw answer = raw("PUT /_emulator/user-import/import-abc123 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: text/csv\r\nContent-Length: 104857601\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>EntityTooLarge</Code>");
    }

    @Test
    void aCallerOnAnotherHostIsRefusedAnAwsShapedErrorByTheApi() throws Exception {
        HttpResponse<String> answer = this.http.send(
                HttpRequest.newBuilder(uri("/"))
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", SIGNED)
                        .header(RemoteCaller.HEADER, RemoteCaller.OTHER_HOST)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":60}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException:");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(answer.body()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"" + REFUSAL + "\"}");
    }

    @Test
    void aCallerOnAnotherHostIsRefusedEveryOtherPageOfTheEmulator() throws Exception {
        String poolId = createPool("remote-login");
        for (String path : new String[] {
            "/.well-known/jwks.json",
            "/" + poolId + "/.well-known/openid-configuration",
            "/_emulator/messages",
            "/" + poolId + "/login"
        }) {
            HttpResponse<String> answer = get(path, RemoteCaller.OTHER_HOST);

            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("text/plain;charset=UTF-8");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .isEmpty();
            assertThat(answer.body()).as(path).isEqualTo(REFUSAL);
        }
    }

    @Test
    void aCallerOnAnotherHostStillReachesTheApplicationsOwnPages() throws Exception {
        HttpResponse<String> answer = get("/greeting", RemoteCaller.OTHER_HOST);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("hello from the").endsWith("host application");
    }

    @Test
    void callersOnThisMachineAreAnsweredWhateverTheirLoopbackAddress() throws Exception {
        for (String loopback : new String[] {"127.0.0.1", "127.0.1.1", "::1", "::ffff:127.0.0.1"}) {
            HttpResponse<String> answer = get("/.well-known/jwks.json", loopback);

            assertThat(answer.statusCode()).as(loopback).isEqualTo(200);
        }
    }

    @Test
    void theBrowsersPreflightOfTheApiIsAnsweredWithCorsAndTheInboxGetsNone() throws Exception {
        HttpResponse<String> api = preflight("/", "POST", "content-type,x-amz-target");
        HttpResponse<String> inbox = preflight("/_emulator/messages", "GET", "content-type");
        HttpResponse<String> inboxRead = this.http.send(
                HttpRequest.newBuilder(uri("/_emulator/messages"))
                        .header("Origin", "http://evil.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(inbox.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(inbox.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(inboxRead.statusCode()).isEqualTo(200);
        assertThat(inboxRead.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private String createPool(String name) throws Exception {
        HttpResponse<String> created = this.http.send(
                HttpRequest.newBuilder(uri("/"))
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", SIGNED)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JsonPath.read(created.body(), "$.UserPool.Id");
    }

    private HttpResponse<String> preflight(String path, String method, String headers) throws Exception {
        return this.http.send(
                HttpRequest.newBuilder(uri(path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String remoteAddress) throws Exception {
        return this.http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header(RemoteCaller.HEADER, remoteAddress)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private Raw raw(String request) throws IOException {
        return raw(ascii(request));
    }

    /** Sends bytes as they are on a new connection, and reads the answer up to the connection's close. */
    private Raw raw(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", this.port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return Raw.parse(readAll(socket.getInputStream()));
        }
    }

    /**
     * The answer's head and its {@code Content-Length} body: a server that answered before reading a body it refused
     * may wait for that body (as Tomcat does, to keep the connection) rather than close the connection.
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (isComplete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // A server that answered before reading the whole request may reset the connection once it is done.
        }
        return bytes.toByteArray();
    }

    private static boolean isComplete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$")
                .matcher(answer.substring(0, end));
        return length.find() && answer.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An HTTP answer read off the wire, with a {@code Content-Length} body. */
    private record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(byte[] answer) {
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("an HTTP answer: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(
                        lines[i].substring(0, colon).trim(),
                        lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            String length = headers.get("Content-Length");
            if (length != null) {
                body = body.substring(0, Math.min(body.length(), Integer.parseInt(length)));
            }
            return new Raw(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        String header(String name) {
            return this.headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
