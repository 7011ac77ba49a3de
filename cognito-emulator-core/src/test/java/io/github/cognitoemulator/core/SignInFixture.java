package io.github.cognitoemulator.core;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.store.EmulatorStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * An emulator whose clock the test moves, with helpers for what sign-in and self-service tests keep doing: pools,
 * app clients, users with passwords, sign-ins, and reading tokens and the inbox. Public because tests of several
 * packages use it.
 */
public final class SignInFixture {

    /** Where the clock starts: the 5th, a one-digit day, which SRP timestamps write without a leading zero. */
    public static final Instant START = Instant.parse("2024-03-05T09:07:02Z");

    /** The issuer base of tokens requested without one: Cognito's own, for the default region. */
    public static final String ISSUER_BASE = "https://cognito-idp.us-east-1.amazonaws.com";

    /** A password that satisfies Cognito's default policy. */
    public static final String PASSWORD = "Str0ng!Passw0rd";

    /** Another password that satisfies Cognito's default policy. */
    public static final String OTHER_PASSWORD = "0ther!Passw0rd";

    /** The temporary password users are created with. */
    public static final String TEMPORARY_PASSWORD = "Temp1234!";

    private final MutableClock clock = new MutableClock(START);

    private final CognitoEmulator emulator;

    private SignInFixture(@Nullable EmulatorStore store, Random random) {
        this(store, random, (builder) -> {});
    }

    private SignInFixture(
            @Nullable EmulatorStore store, Random random, Consumer<CognitoEmulator.Builder> configuration) {
        CognitoEmulator.Builder builder =
                CognitoEmulator.builder().clock(this.clock).random(random).keySource(ReusableRsaKeys.source());
        if (store != null) {
            builder.store(store);
        }
        configuration.accept(builder);
        this.emulator = builder.build();
    }

    public static SignInFixture create() {
        return new SignInFixture(null, new Random(20240305));
    }

    /** A fixture whose emulator is also configured by {@code configuration}, with Lambda triggers say. */
    public static SignInFixture create(Consumer<CognitoEmulator.Builder> configuration) {
        return new SignInFixture(null, new Random(20240305), configuration);
    }

    /**
     * A fixture whose emulator keeps its state in {@code store}, which the caller closes. Its randomness is unseeded:
     * emulators sharing a store must not draw the same ids and tokens.
     */
    public static SignInFixture create(EmulatorStore store) {
        return new SignInFixture(store, new Random());
    }

    public MutableClock clock() {
        return this.clock;
    }

    public CognitoEmulator emulator() {
        return this.emulator;
    }

    public Reply call(String action, Map<String, ?> body) {
        ProtocolResponse response =
                this.emulator.handle(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8));
        return new Reply(response.status(), response.headers(), response.bodyAsString());
    }

    /** Creates a pool with {@code settings} and returns its id. */
    public String createPool(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.putIfAbsent("PoolName", "pool");
        return call("CreateUserPool", body).requireSuccess().string("UserPool", "Id");
    }

    public String createPool() {
        return createPool(Map.of());
    }

    /** Creates an app client with {@code settings}. */
    public AppClient createClient(String poolId, Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", poolId);
        body.putIfAbsent("ClientName", "app");
        Reply reply = call("CreateUserPoolClient", body).requireSuccess();
        return new AppClient(
                reply.string("UserPoolClient", "ClientId"), reply.string("UserPoolClient", "ClientSecret"));
    }

    /** An app client allowing USER_PASSWORD_AUTH and refresh, plus {@code settings}. */
    public AppClient createPasswordClient(String poolId, Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.putIfAbsent("ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        return createClient(poolId, body);
    }

    public AppClient createPasswordClient(String poolId) {
        return createPasswordClient(poolId, Map.of());
    }

    /** AdminCreateUser with {@link #TEMPORARY_PASSWORD} and no invitation; the user must change its password. */
    public void createUser(String poolId, String username, String... attributeNamesAndValues) {
        call(
                        "AdminCreateUser",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Username",
                                username,
                                "TemporaryPassword",
                                TEMPORARY_PASSWORD,
                                "MessageAction",
                                "SUPPRESS",
                                "UserAttributes",
                                EmulatorFixture.attributes(attributeNamesAndValues)))
                .requireSuccess();
    }

    /** A CONFIRMED user with {@code password}: AdminCreateUser, then a permanent AdminSetUserPassword. */
    public void createConfirmedUser(
            String poolId, String username, String password, String... attributeNamesAndValues) {
        createUser(poolId, username, attributeNamesAndValues);
        call(
                        "AdminSetUserPassword",
                        Map.of("UserPoolId", poolId, "Username", username, "Password", password, "Permanent", true))
                .requireSuccess();
    }

    /** InitiateAuth with USER_PASSWORD_AUTH. */
    public Reply signIn(String clientId, String username, String password) {
        return call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "ClientId",
                        clientId,
                        "AuthParameters",
                        Map.of("USERNAME", username, "PASSWORD", password)));
    }

    /** InitiateAuth with REFRESH_TOKEN_AUTH. */
    public Reply refresh(String clientId, String refreshToken) {
        return call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "REFRESH_TOKEN_AUTH",
                        "ClientId",
                        clientId,
                        "AuthParameters",
                        Map.of("REFRESH_TOKEN", refreshToken)));
    }

    /** The tokens of a successful sign-in; fails when the reply is anything else. */
    public static Tokens tokens(Reply reply) {
        reply.requireSuccess();
        Map<String, Object> result = reply.map("AuthenticationResult");
        if (result == null) {
            throw new AssertionError("Expected tokens, got " + reply.body());
        }
        return new Tokens(
                (String) result.get("IdToken"),
                (String) result.get("AccessToken"),
                (String) result.get("RefreshToken"),
                ((Number) result.get("ExpiresIn")).longValue());
    }

    public Reply getUser(String accessToken) {
        return call("GetUser", Map.of("AccessToken", accessToken));
    }

    /** The attributes of a user, read with AdminGetUser. */
    public Map<String, String> attributesOf(String poolId, String username) {
        return adminGetUser(poolId, username).requireSuccess().attributes("UserAttributes");
    }

    public String statusOf(String poolId, String username) {
        return adminGetUser(poolId, username).requireSuccess().string("UserStatus");
    }

    public Reply adminGetUser(String poolId, String username) {
        return call("AdminGetUser", Map.of("UserPoolId", poolId, "Username", username));
    }

    /** The code in the newest message to a user (internal username or destination). */
    public String latestCode(String poolId, String username) {
        Message message = this.emulator.inbox().latest(poolId, username);
        if (message == null || message.code() == null) {
            throw new AssertionError("No code was sent to " + username);
        }
        return message.code();
    }

    /** The claims of a JWT exactly as its payload writes them. */
    public static Map<String, Object> payload(String jwt) {
        return part(jwt, 1);
    }

    /** The JOSE header of a JWT exactly as written. */
    public static Map<String, Object> header(String jwt) {
        return part(jwt, 0);
    }

    private static Map<String, Object> part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        return CognitoJson.readMap(Base64.getUrlDecoder().decode(parts[index]));
    }

    /**
     * Cognito's SECRET_HASH, computed here rather than with the emulator's code: Base64(HMAC-SHA256(client secret,
     * username + client id)).
     */
    public static String secretHash(String clientSecret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * An app client.
     *
     * @param id the client id
     * @param secret the client secret, or {@code null}
     */
    public record AppClient(String id, @Nullable String secret) {}

    /**
     * The tokens of one sign-in.
     *
     * @param idToken the ID token
     * @param accessToken the access token
     * @param refreshToken the refresh token, {@code null} after a refresh
     * @param expiresIn {@code ExpiresIn}
     */
    public record Tokens(
            String idToken, String accessToken, @Nullable String refreshToken, long expiresIn) {}
}
