package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.util.List;
import java.util.Map;

/**
 * Creates pools, clients, users and groups in an emulator and signs users in, in-process, with tokens whose issuer is
 * the application's: what a test of an application secured by the emulator's tokens needs.
 */
public final class CognitoSignIn {

    /** The password of every user created here. */
    public static final String PASSWORD = "Str0ng!Passw0rd";

    private final CognitoEmulator emulator;

    private final CognitoEmulatorIssuer issuer;

    public CognitoSignIn(CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
        this.emulator = emulator;
        this.issuer = issuer;
    }

    /** The tokens of a sign-in. */
    public record Tokens(String idToken, String accessToken) {}

    /** One successful call; fails the test on an error. */
    public Map<String, Object> call(String action, Map<String, ?> body) {
        ProtocolResponse response = this.emulator.handle(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + action, CognitoJson.write(body), null, this.issuer.baseUrl()));
        if (response.status() != 200) {
            throw new AssertionError(action + " failed: " + response.bodyAsString());
        }
        return CognitoJson.readMap(response.body());
    }

    @SuppressWarnings("unchecked")
    private static String string(Map<String, Object> reply, String member, String field) {
        return (String) ((Map<String, Object>) reply.get(member)).get(field);
    }

    public String createPool() {
        return string(call("CreateUserPool", Map.of("PoolName", "app-pool")), "UserPool", "Id");
    }

    /** An app client allowing USER_PASSWORD_AUTH; its id. */
    public String createClient(String poolId) {
        return string(
                call(
                        "CreateUserPoolClient",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "ClientName",
                                "app",
                                "ExplicitAuthFlows",
                                List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))),
                "UserPoolClient",
                "ClientId");
    }

    /** A confirmed user with {@link #PASSWORD}, member of {@code groups} (created when missing). */
    public void createUser(String poolId, String username, String... groups) {
        call("AdminCreateUser", Map.of("UserPoolId", poolId, "Username", username, "MessageAction", "SUPPRESS"));
        call(
                "AdminSetUserPassword",
                Map.of("UserPoolId", poolId, "Username", username, "Password", PASSWORD, "Permanent", true));
        for (String group : groups) {
            try {
                call("CreateGroup", Map.of("UserPoolId", poolId, "GroupName", group));
            } catch (AssertionError alreadyThere) {
                // The group was created for an earlier user.
            }
            call("AdminAddUserToGroup", Map.of("UserPoolId", poolId, "Username", username, "GroupName", group));
        }
    }

    @SuppressWarnings("unchecked")
    public Tokens signIn(String clientId, String username) {
        Map<String, Object> result = (Map<String, Object>) call(
                        "InitiateAuth",
                        Map.of(
                                "AuthFlow",
                                "USER_PASSWORD_AUTH",
                                "ClientId",
                                clientId,
                                "AuthParameters",
                                Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
                .get("AuthenticationResult");
        return new Tokens((String) result.get("IdToken"), (String) result.get("AccessToken"));
    }

    /** The tokens of a new user, in a new pool, member of {@code groups}. */
    public Tokens newUser(String... groups) {
        String poolId = createPool();
        String clientId = createClient(poolId);
        createUser(poolId, "alice", groups);
        return signIn(clientId, "alice");
    }
}
