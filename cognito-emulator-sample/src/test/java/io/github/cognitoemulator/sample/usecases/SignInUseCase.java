package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import tools.jackson.databind.JsonNode;

/**
 * What the sign-in use cases share on top of {@link CognitoUseCase}: app clients that sign in with a password, users
 * with a permanent password, tokens, the emulator's inbox over HTTP, and calls to the application's protected API.
 * It adds no configuration, so its subclasses run in the same application context as every other use case.
 */
abstract class SignInUseCase extends CognitoUseCase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The base URL the emulator is reached at, and so the base of its tokens' issuers. */
    String baseUrl() {
        return "http://localhost:" + this.port;
    }

    /** The issuer of the tokens of {@code poolId}. */
    String issuer(String poolId) {
        return baseUrl() + "/" + poolId;
    }

    /** An app client that signs in with USER_PASSWORD_AUTH and refreshes, as in the README walkthrough. */
    String createPasswordClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("web"))
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
    }

    /** A CONFIRMED user: AdminCreateUser without an invitation, then a permanent AdminSetUserPassword. */
    void createConfirmedUser(String poolId, String username, String password) {
        createUser(poolId, username);
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username(username)
                        .password(password)
                        .permanent(true));
    }

    InitiateAuthResponse initiatePasswordAuth(String clientId, String username, String password) {
        return cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    /** Signs in with USER_PASSWORD_AUTH and returns the tokens. */
    AuthenticationResultType signIn(String clientId, String username, String password) {
        AuthenticationResultType result =
                initiatePasswordAuth(clientId, username, password).authenticationResult();
        assertThat(result).as("tokens for %s", username).isNotNull();
        return result;
    }

    /** A pool with a password client and a confirmed user {@code alice}, signed in. */
    AuthenticationResultType aliceSignedIn(String poolId) {
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        return signIn(clientId, "alice", STRONG_PASSWORD);
    }

    /** The claims of a JWT, read from its payload without checking anything. */
    static JsonNode claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** {@code jwt} with its payload changed (the subject) but its signature kept. */
    static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String sub = claims(jwt).get("sub").asString();
        String changed = payload.replace(sub, "00000000-0000-0000-0000-000000000000");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The code in the newest message the emulator kept for a user, read over HTTP as a developer would. */
    String latestCode(String poolId, String username) {
        HttpResponse<String> response = get("/_emulator/messages?poolId=" + poolId + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode messages = json(response.body());
        assertThat(messages.isArray() && !messages.isEmpty())
                .as("messages for %s: %s", username, response.body())
                .isTrue();
        return messages.get(0).get("code").asString();
    }

    /** {@code GET /api/me}, with {@code Authorization: Bearer <token>} unless the token is {@code null}. */
    HttpResponse<String> me(String bearerToken) {
        return api("/api/me", bearerToken);
    }

    /** {@code GET <path>} of the sample's API, with {@code Authorization: Bearer <token>} unless it is {@code null}. */
    HttpResponse<String> api(String path, String bearerToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
