package io.github.cognitoemulator.core.testkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorClock;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.token.IssuedTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sets up what a test of an application secured by Cognito needs, straight against a {@link CognitoEmulator}: users
 * with a known password and groups, their tokens without a sign-in, the codes Cognito would have sent, and control
 * of time and state.
 *
 * <pre>{@code
 * CognitoTestKit kit = CognitoTestKit.of(emulator, () -> "http://localhost:8080");
 * kit.pool("us-east-1_Sample123").user("carol").password("Carol-Passw0rd!")
 *         .attribute("email", "carol@example.com").groups("admin").create();
 * CognitoTestKit.Tokens tokens = kit.pool("us-east-1_Sample123").tokensFor("carol");
 * // Authorization: Bearer tokens.accessToken()
 * kit.advanceClock(Duration.ofHours(1)); // the access token has expired
 * }</pre>
 *
 * <p>Users are created through the same actions an administrator calls (AdminCreateUser, AdminSetUserPassword,
 * AdminAddUserToGroup), so they are checked the same way and failures are Cognito's errors, thrown as
 * {@link CognitoException}. Tokens are issued by the same code as a sign-in's.
 */
public final class CognitoTestKit {

    private final CognitoEmulator emulator;

    private final Supplier<String> issuerBaseUrl;

    private CognitoTestKit(CognitoEmulator emulator, Supplier<String> issuerBaseUrl) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.issuerBaseUrl = Objects.requireNonNull(issuerBaseUrl, "'issuerBaseUrl' must not be null");
    }

    /**
     * A kit whose tokens name the issuer {@code <issuerBaseUrl>/<pool id>}.
     *
     * @param issuerBaseUrl the base of the issuer, asked for each token (in a Spring application
     *     {@code http://localhost:<port>}, known only once the server has started)
     */
    public static CognitoTestKit of(CognitoEmulator emulator, Supplier<String> issuerBaseUrl) {
        return new CognitoTestKit(emulator, issuerBaseUrl);
    }

    /**
     * A kit whose tokens name Cognito's own issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}, as
     * those of sign-ins made in-process without a base URL do.
     */
    public static CognitoTestKit of(CognitoEmulator emulator) {
        String base = RequestContext.cognitoIssuerBaseUrl(emulator.region());
        return new CognitoTestKit(emulator, () -> base);
    }

    /** The emulator this kit works on. */
    public CognitoEmulator emulator() {
        return this.emulator;
    }

    /** The pool with this id, to create users in or issue tokens of; it is looked up when used. */
    public TestPool pool(String userPoolId) {
        return new TestPool(Objects.requireNonNull(userPoolId, "'userPoolId' must not be null"));
    }

    /** The newest message (code, invitation) sent to a user, by username or by destination. */
    public Optional<Message> latestMessage(String userPoolId, String username) {
        return Optional.ofNullable(this.emulator.inbox().latest(userPoolId, username));
    }

    /**
     * The code or temporary password in the newest message sent to a user.
     *
     * @throws NoSuchElementException when no message was sent to the user, or the newest carries no code
     */
    public String latestCode(String userPoolId, String username) {
        Message message = latestMessage(userPoolId, username)
                .orElseThrow(() ->
                        new NoSuchElementException("No message was sent to " + username + " in pool " + userPoolId));
        String code = message.code();
        if (code == null) {
            throw new NoSuchElementException("The newest message to " + username + " in pool " + userPoolId + " ("
                    + message.type() + ") carries no code");
        }
        return code;
    }

    /**
     * Empties the emulator ({@link CognitoEmulator#reset()}: pools, users, messages, ... then seeds again what the
     * configuration seeds) and sets its clock back to the base clock. Call it while no request is being served.
     */
    public void reset() {
        this.emulator.reset();
        this.emulator.clock().reset();
    }

    /** Moves the emulator's clock forward, to expire codes, challenge sessions and tokens. */
    public void advanceClock(Duration amount) {
        this.emulator.clock().advance(amount);
    }

    /** The emulator's clock. */
    public EmulatorClock clock() {
        return this.emulator.clock();
    }

    /** Calls an action, reading a successful answer as {@code answerType}. */
    private <T> T call(String action, Map<String, ?> body, Class<T> answerType) {
        ProtocolResponse response =
                this.emulator.handle(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8));
        if (response.status() != 200) {
            throw error(CognitoJson.read(response.body(), ErrorAnswer.class));
        }
        return CognitoJson.read(response.body(), answerType);
    }

    private void call(String action, Map<String, ?> body) {
        call(action, body, NoAnswer.class);
    }

    /** The error of a failed call, as the action threw it. */
    static CognitoException error(ErrorAnswer answer) {
        ErrorType errorType = Arrays.stream(ErrorType.values())
                .filter((candidate) -> candidate.wireName().equals(answer.type()))
                .findFirst()
                .orElse(ErrorType.INTERNAL_ERROR);
        return new CognitoException(errorType, answer.message());
    }

    /** Cognito's error document. */
    record ErrorAnswer(
            @JsonProperty("__type") @Nullable String type,
            @JsonProperty("message") @Nullable String message) {}

    /** An answer whose members do not matter. */
    private record NoAnswer() {}

    /** A pool of the emulator, by id. */
    public final class TestPool {

        private final String userPoolId;

        private TestPool(String userPoolId) {
            this.userPoolId = userPoolId;
        }

        /** The pool's id. */
        public String id() {
            return this.userPoolId;
        }

        /** Starts describing a new user; nothing happens until {@link NewUser#create()}. */
        public NewUser user(String username) {
            return new NewUser(this.userPoolId, Objects.requireNonNull(username, "'username' must not be null"));
        }

        /**
         * The tokens a sign-in of {@code username} through the pool's only app client would get.
         *
         * @throws IllegalStateException when the pool has no app client, or several (name one with
         *     {@link #tokensFor(String, String)}), or when the user has a temporary password
         * @throws CognitoException what a sign-in would get: for a missing pool or user, a disabled or unconfirmed
         *     user, or one whose password must be reset
         */
        public Tokens tokensFor(String username) {
            if (CognitoTestKit.this
                    .emulator
                    .store()
                    .pools()
                    .find(this.userPoolId)
                    .isEmpty()) {
                throw Errors.userPoolNotFound(this.userPoolId);
            }
            List<UserPoolClient> clients =
                    CognitoTestKit.this.emulator.store().clients().list(this.userPoolId);
            if (clients.size() != 1) {
                throw new IllegalStateException("Pool " + this.userPoolId + " has " + clients.size()
                        + " app clients "
                        + clients.stream().map(UserPoolClient::clientId).toList()
                        + ": name the one to sign in through with tokensFor(username, clientId)");
            }
            return tokensFor(username, clients.get(0).clientId());
        }

        /**
         * The tokens a sign-in of {@code username} through {@code clientId} would get: the same claims (groups,
         * attributes the client may read, issuer), validities and pre token generation trigger, and a refresh token
         * that REFRESH_TOKEN_AUTH accepts. No sign-in event is recorded and no post authentication trigger runs.
         *
         * @throws IllegalStateException when the user has a temporary password, for which a sign-in would be
         *     challenged to set a new one
         * @throws CognitoException what a sign-in would get: for a missing pool, client or user, a disabled or
         *     unconfirmed user, or one whose password must be reset
         */
        public Tokens tokensFor(String username, String clientId) {
            IssuedTokens issued = CognitoTestKit.this.emulator.issueTokens(
                    this.userPoolId, clientId, username, CognitoTestKit.this.issuerBaseUrl.get());
            return new Tokens(
                    issued.accessToken(),
                    issued.idToken(),
                    Objects.requireNonNull(issued.refreshToken(), "a sign-in has a refresh token"),
                    issued.expiresIn());
        }
    }

    /** A user about to be created in a pool. */
    public final class NewUser {

        private final String userPoolId;

        private final String username;

        private final Map<String, String> attributes = new LinkedHashMap<>();

        private final List<String> groups = new ArrayList<>();

        private @Nullable String password;

        private boolean permanent;

        private boolean enabled = true;

        private NewUser(String userPoolId, String username) {
            this.userPoolId = userPoolId;
            this.username = username;
        }

        /** The user's password, permanent: the user is {@code CONFIRMED} and can sign in with it. */
        public NewUser password(String password) {
            this.password = Objects.requireNonNull(password, "'password' must not be null");
            this.permanent = true;
            return this;
        }

        /**
         * A temporary password: the user is {@code FORCE_CHANGE_PASSWORD} and a sign-in is challenged to set a new
         * one. Without any password, the pool makes a temporary one and sends the invitation, as AdminCreateUser
         * does; read it with {@link CognitoTestKit#latestCode(String, String)}.
         */
        public NewUser temporaryPassword(String temporaryPassword) {
            this.password = Objects.requireNonNull(temporaryPassword, "'temporaryPassword' must not be null");
            this.permanent = false;
            return this;
        }

        /** An attribute, for example {@code email}, {@code email_verified} or {@code custom:tenant}. */
        public NewUser attribute(String name, String value) {
            this.attributes.put(
                    Objects.requireNonNull(name, "'name' must not be null"),
                    Objects.requireNonNull(value, "'value' must not be null"));
            return this;
        }

        /** Groups to add the user to; each must exist in the pool. */
        public NewUser groups(String... groupNames) {
            this.groups.addAll(Arrays.asList(groupNames));
            return this;
        }

        /** Creates the user disabled, as AdminDisableUser leaves it. */
        public NewUser disabled() {
            this.enabled = false;
            return this;
        }

        /**
         * Creates the user: AdminCreateUser (without a message when a password was given), then
         * AdminSetUserPassword for a permanent password, AdminAddUserToGroup for each group and AdminDisableUser
         * when asked. The groups are checked first, so that a missing one leaves no user behind.
         *
         * @throws CognitoException Cognito's error, for example {@code ResourceNotFoundException} "Group not found."
         *     or {@code UsernameExistsException}
         */
        public CreatedUser create() {
            for (String group : this.groups) {
                call("GetGroup", Map.of("UserPoolId", this.userPoolId, "GroupName", group));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("UserPoolId", this.userPoolId);
            request.put("Username", this.username);
            if (!this.attributes.isEmpty()) {
                request.put(
                        "UserAttributes",
                        this.attributes.entrySet().stream()
                                .map((attribute) -> Map.of("Name", attribute.getKey(), "Value", attribute.getValue()))
                                .toList());
            }
            if (this.password != null) {
                request.put("TemporaryPassword", this.password);
                request.put("MessageAction", "SUPPRESS");
            }
            UserShape user = call("AdminCreateUser", request, AdminCreateUserAnswer.class)
                    .user();
            if (this.password != null && this.permanent) {
                call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                this.userPoolId,
                                "Username",
                                user.username(),
                                "Password",
                                this.password,
                                "Permanent",
                                true));
            }
            for (String group : this.groups) {
                call(
                        "AdminAddUserToGroup",
                        Map.of("UserPoolId", this.userPoolId, "Username", user.username(), "GroupName", group));
            }
            if (!this.enabled) {
                call("AdminDisableUser", Map.of("UserPoolId", this.userPoolId, "Username", user.username()));
            }
            return new CreatedUser(this.userPoolId, user.username(), user.sub());
        }
    }

    /** The part of AdminCreateUser's answer the kit reads. */
    private record AdminCreateUserAnswer(UserShape user) {}

    /** A user as AdminCreateUser describes it. */
    private record UserShape(String username, List<AttributeShape> attributes) {

        String sub() {
            return this.attributes.stream()
                    .filter((attribute) -> attribute.name().equals("sub"))
                    .map(AttributeShape::value)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** A user attribute as Cognito writes it. */
    private record AttributeShape(String name, String value) {}

    /**
     * A user the kit created.
     *
     * @param userPoolId the pool
     * @param username the username, as the pool keeps it (a generated one for pools that sign in by email or phone)
     * @param sub the user's {@code sub}
     */
    public record CreatedUser(String userPoolId, String username, String sub) {}

    /**
     * The tokens of a sign-in.
     *
     * @param accessToken for {@code Authorization: Bearer} and the user's own API calls (GetUser, ...)
     * @param idToken the user's identity and attributes
     * @param refreshToken for REFRESH_TOKEN_AUTH
     * @param expiresIn the access token's lifetime in seconds
     */
    public record Tokens(String accessToken, String idToken, String refreshToken, long expiresIn) {

        /** A description without the tokens, which are secrets. */
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + this.expiresIn + "]";
        }
    }
}
