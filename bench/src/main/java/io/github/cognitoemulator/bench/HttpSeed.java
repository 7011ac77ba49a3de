package io.github.cognitoemulator.bench;

import static io.github.cognitoemulator.bench.JsonApi.map;
import static io.github.cognitoemulator.bench.JsonApi.quote;

import java.util.Map;

/**
 * Seeds what the HTTP load scenarios need, through the JSON API of the emulator or of a peer: a pool, an app client
 * without a secret that allows USER_PASSWORD_AUTH, USER_SRP_AUTH and refresh tokens, and confirmed users
 * {@code <prefix>0} to {@code <prefix>N-1} (AdminCreateUser, then AdminSetUserPassword Permanent), then signs the
 * first one in for an access token. Prints what it made as shell assignments for {@code bench/run.sh}.
 *
 * <p>Options: {@code --url=} (required), {@code --users=N} (100), {@code --prefix=} ({@code bench}),
 * {@code --password=}.
 */
public final class HttpSeed {

    static final String PASSWORD = "Bench-Passw0rd!";

    private HttpSeed() {}

    public static void main(String[] args) {
        Options options = new Options(args);
        JsonApi api = new JsonApi(options.required("url"));
        int users = options.integer("users", 100);
        String prefix = options.string("prefix", "bench");
        String password = options.string("password", PASSWORD);
        String poolId = (String) map(api.call(
                                "CreateUserPool",
                                "{\"PoolName\":\"bench\",\"Schema\":[{\"Name\":\"tier\",\"AttributeDataType\":\"String\","
                                        + "\"Mutable\":true}]}")
                        .get("UserPool"))
                .get("Id");
        String clientId = (String) map(api.call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":" + quote(poolId) + ",\"ClientName\":\"bench\",\"ExplicitAuthFlows\":["
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_USER_SRP_AUTH\","
                                        + "\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
        for (int i = 0; i < users; i++) {
            String username = prefix + i;
            api.call(
                    "AdminCreateUser",
                    "{\"UserPoolId\":" + quote(poolId) + ",\"Username\":" + quote(username)
                            + ",\"MessageAction\":\"SUPPRESS\",\"TemporaryPassword\":" + quote(password)
                            + ",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":" + quote(username + "@example.com")
                            + "},{\"Name\":\"email_verified\",\"Value\":\"true\"},{\"Name\":\"name\",\"Value\":"
                            + quote("Bench User " + i) + "}]}");
            api.call(
                    "AdminSetUserPassword",
                    "{\"UserPoolId\":" + quote(poolId) + ",\"Username\":" + quote(username) + ",\"Password\":"
                            + quote(password) + ",\"Permanent\":true}");
        }
        Map<String, Object> signIn = api.call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":" + quote(clientId)
                        + ",\"AuthParameters\":{\"USERNAME\":" + quote(prefix + "0") + ",\"PASSWORD\":"
                        + quote(password) + "}}");
        String accessToken = (String) map(signIn.get("AuthenticationResult")).get("AccessToken");
        System.out.println("POOL_ID=" + poolId);
        System.out.println("CLIENT_ID=" + clientId);
        System.out.println("ACCESS_TOKEN=" + accessToken);
    }
}
