package io.github.cognitoemulator.autoconfigure.securedapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoSignIn;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SecuredApplicationHttpTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private CognitoEmulator emulator;

    @Autowired
    private CognitoEmulatorIssuer issuer;

    private CognitoSignIn cognito() {
        return new CognitoSignIn(this.emulator, this.issuer);
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberOfTheAdminGroupHasTheAdminRole() throws Exception {
        CognitoSignIn.Tokens tokens = cognito().newUser("admin");

        HttpResponse<String> report = get("/admin/report", tokens.accessToken());

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).startsWith("report for ");
        assertThat(get("/admin/report", tokens.idToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void anyoneElseIsSignedInButForbiddenTheAdminPages() throws Exception {
        CognitoSignIn.Tokens tokens = cognito().newUser("editors");

        assertThat(get("/me", tokens.accessToken()).statusCode()).isEqualTo(200);
        assertThat(get("/admin/report", tokens.accessToken()).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutATokenNothingButTheEmulatorsPathsIsOpen() throws Exception {
        HttpResponse<String> report = get("/admin/report", null);
        HttpResponse<String> inbox = get("/_emulator/messages", null);

        assertThat(report.statusCode()).isEqualTo(401);
        assertThat(report.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        (value) -> assertThat(value).startsWith("Bearer").doesNotContain("error"));
        assertThat(get("/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/_emulatorx/messages", null).statusCode()).isEqualTo(401);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).startsWith("[");
        assertThat(inbox.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theInboxShowsTheMessagesOfThePoolsUsers() throws Exception {
        CognitoSignIn cognito = cognito();
        String poolId = cognito.createPool();
        cognito.call(
                "AdminCreateUser",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "Username",
                        "bob",
                        "TemporaryPassword",
                        "Temp1234!",
                        "DesiredDeliveryMediums",
                        List.of("EMAIL"),
                        "UserAttributes",
                        List.of(Map.of("Name", "email", "Value", "bob@example.com"))));

        HttpResponse<String> inbox = get("/_emulator/messages?poolId=" + poolId, null);

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Temp1234!");
    }
}
