package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.device.Device;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.password.SrpGroup;
import io.github.cognitoemulator.core.password.SrpSession;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * USER_SRP_AUTH: the PASSWORD_VERIFIER challenge and the check of its answer. The server's state travels in the
 * {@code SECRET_BLOCK}, as in Cognito, so the challenge carries no {@code Session}.
 */
final class SrpFlow {

    /** Cognito's timestamp: English names, UTC, and a day of the month without a leading zero. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    /** The message of an {@code SRP_A} that is not a public value of the group. */
    static final String INVALID_SRP_A = "Invalid SRP_A value.";

    /** How far a signed timestamp may be from the server's clock. */
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    private final AuthSessions sessions;

    private final Clock clock;

    private final Ids ids;

    /** Keys the simulated salts of unknown users, so that a probe sees the same salt every time. */
    private final byte[] simulationKey;

    /** @param simulationKey the emulator's key for simulated salts, the same on every instance sharing a store */
    SrpFlow(AuthSessions sessions, Clock clock, Ids ids, byte[] simulationKey) {
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.simulationKey = simulationKey.clone();
    }

    /**
     * The PASSWORD_VERIFIER challenge for {@code user}, or a simulated one that no password can answer when the
     * user does not exist and the client hides that.
     */
    Map<String, Object> challenge(
            UserPool pool, UserPoolClient client, @Nullable User user, String username, String srpA) {
        return challenge(pool, client, user, username, srpA, Map.of());
    }

    /**
     * The PASSWORD_VERIFIER challenge, whose session also keeps {@code flowData} for the flow that asked it, as
     * CUSTOM_AUTH does for the rounds that follow.
     */
    Map<String, Object> challenge(
            UserPool pool,
            UserPoolClient client,
            @Nullable User user,
            String username,
            String srpA,
            Map<String, String> flowData) {
        BigInteger a = clientValue(srpA);
        String userId;
        String salt;
        BigInteger verifier;
        if (user != null && user.password() != null) {
            userId = user.username();
            salt = user.password().salt();
            verifier = user.password().srpVerifier();
        } else {
            byte[] digest = SrpSession.simulatedDigest(this.simulationKey, pool.id() + "\n" + username);
            userId = (user != null)
                    ? user.username()
                    : UUID.nameUUIDFromBytes(digest).toString();
            salt = java.util.HexFormat.of().formatHex(digest, 0, 16);
            verifier = SrpGroup.G.modPow(new BigInteger(1, digest), SrpGroup.N);
        }
        SrpSession srp = start(a, verifier);
        Map<String, String> data = new LinkedHashMap<>(flowData);
        data.putAll(exchange(srp, userId));
        String secretBlock = this.sessions.open(new AuthSession(
                pool.id(),
                client.clientId(),
                (user != null) ? user.sub() : "",
                ChallengeName.PASSWORD_VERIFIER,
                this.clock.instant().plus(Duration.ofMinutes(client.authSessionValidity())),
                data));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SALT", salt);
        parameters.put("SECRET_BLOCK", secretBlock);
        parameters.put("SRP_B", srp.publicB().toString(16));
        parameters.put("USERNAME", userId);
        parameters.put("USER_ID_FOR_SRP", userId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.PASSWORD_VERIFIER.name());
        response.put("ChallengeParameters", parameters);
        return response;
    }

    /**
     * Checks a PASSWORD_VERIFIER answer; the secret block is spent whatever the outcome.
     *
     * @return the session of the challenge, whose {@code sub} names the authenticated user
     * @throws CognitoException {@code NotAuthorizedException} for a wrong password, a forged or replayed signature,
     *     a stale or malformed timestamp, or a secret block that is not this client's
     */
    AuthSession verify(
            UserPool pool,
            UserPoolClient client,
            List<String> secrets,
            Map<String, String> responses,
            PasswordAttempts attempts) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        String secretBlock = AuthenticationActions.requireParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = AuthenticationActions.requireParameter(responses, "TIMESTAMP");
        String signature = AuthenticationActions.requireParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        AuthSession session = takeSession(secretBlock, client, ChallengeName.PASSWORD_VERIFIER);
        String userId = session.data().get("userId");
        SecretHash.check(client, secrets, responses.get("SECRET_HASH"), userId);
        if (!username.equals(userId) || session.sub().isEmpty() || !isFresh(timestamp)) {
            throw incorrect();
        }
        SignInLockout.Attempt attempt = attempts.reserve(session.sub());
        try {
            checkClaim(session, pool.idSuffix(), userId, secretBlock, timestamp, signature);
        } catch (CognitoException ex) {
            attempts.failed(attempt);
            throw ex;
        }
        attempts.succeeded(attempt);
        return session;
    }

    /**
     * The DEVICE_PASSWORD_VERIFIER challenge of a remembered device: the same exchange as PASSWORD_VERIFIER, with the
     * device's verifier, and the device group key and device key in place of the pool name and username.
     *
     * @param userId the user's internal username, echoed as {@code USERNAME}
     * @param groupKey the user's device group key
     */
    Map<String, Object> deviceChallenge(
            UserPool pool,
            UserPoolClient client,
            String sub,
            String userId,
            Device device,
            String groupKey,
            String srpA) {
        BigInteger a = clientValue(srpA);
        BigInteger verifier = new BigInteger(Objects.requireNonNull(device.verifier()), 16);
        SrpSession srp = start(a, verifier);
        Map<String, String> data = exchange(srp, userId);
        data.put("deviceKey", device.deviceKey());
        data.put("groupKey", groupKey);
        String secretBlock = this.sessions.open(new AuthSession(
                pool.id(),
                client.clientId(),
                sub,
                ChallengeName.DEVICE_PASSWORD_VERIFIER,
                this.clock.instant().plus(Duration.ofMinutes(client.authSessionValidity())),
                data));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("DEVICE_KEY", device.deviceKey());
        parameters.put("SALT", Objects.requireNonNull(device.salt()));
        parameters.put("SECRET_BLOCK", secretBlock);
        parameters.put("SRP_B", srp.publicB().toString(16));
        parameters.put("USERNAME", userId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.DEVICE_PASSWORD_VERIFIER.name());
        response.put("ChallengeParameters", parameters);
        return response;
    }

    /**
     * Checks a DEVICE_PASSWORD_VERIFIER answer, signed with the device group key and the device key; the secret block
     * is spent whatever the outcome.
     *
     * @return the session of the challenge, whose {@code sub} names the user and whose data holds the device key
     * @throws CognitoException {@code NotAuthorizedException} for a wrong device secret, a forged or replayed
     *     signature, a stale timestamp, another device or user, or a secret block that is not this client's
     */
    AuthSession verifyDevice(
            UserPool pool, UserPoolClient client, List<String> secrets, Map<String, String> responses) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        String deviceKey = AuthenticationActions.requireParameter(responses, "DEVICE_KEY");
        String secretBlock = AuthenticationActions.requireParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = AuthenticationActions.requireParameter(responses, "TIMESTAMP");
        String signature = AuthenticationActions.requireParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        AuthSession session = takeSession(secretBlock, client, ChallengeName.DEVICE_PASSWORD_VERIFIER);
        String userId = session.data().get("userId");
        SecretHash.check(client, secrets, responses.get("SECRET_HASH"), userId);
        if (!username.equals(userId) || !deviceKey.equals(session.data().get("deviceKey")) || !isFresh(timestamp)) {
            throw incorrect();
        }
        checkClaim(session, session.data().get("groupKey"), deviceKey, secretBlock, timestamp, signature);
        return session;
    }

    /**
     * Checks the signature of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer against the exchange kept in
     * its session.
     *
     * @param name what the signature starts with: the pool name, or the device group key
     * @param id the user's internal username, or the device key
     */
    private static void checkClaim(
            AuthSession session, String name, String id, String secretBlock, String timestamp, String signature) {
        if (!SrpAnswerBounds.signatureFits(signature)) {
            throw incorrect();
        }
        var srp = new SrpSession(
                new BigInteger(session.data().get("A"), 16),
                new BigInteger(session.data().get("b"), 16),
                new BigInteger(session.data().get("B"), 16),
                new BigInteger(session.data().get("v"), 16));
        byte[] block;
        byte[] claimed;
        try {
            block = Base64.getDecoder().decode(secretBlock);
            claimed = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException ex) {
            throw incorrect();
        }
        if (!srp.verify(name, id, block, timestamp, claimed)) {
            throw incorrect();
        }
    }

    /**
     * The client's {@code SRP_A}, checked by its length and digits before it is parsed. One that is not a public
     * value of the group is an invalid parameter, as Cognito answers a tampered {@code SRP_A} (its message is not
     * published: {@link #INVALID_SRP_A} is the emulator's).
     *
     * @throws CognitoException {@code InvalidParameterException} when {@code srpA} is not a public value
     * @see SrpGroup#publicValue(String)
     */
    static BigInteger clientValue(String srpA) {
        BigInteger a = SrpGroup.publicValue(srpA);
        if (a == null) {
            throw Errors.invalidParameter(INVALID_SRP_A);
        }
        return a;
    }

    /**
     * Takes the session of a {@code PASSWORD_CLAIM_SECRET_BLOCK}, spent whatever the outcome; a block that is not the
     * length of the emulator's session strings is refused without looking it up.
     */
    private AuthSession takeSession(String secretBlock, UserPoolClient client, ChallengeName challenge) {
        if (!SrpAnswerBounds.secretBlockFits(secretBlock)) {
            throw incorrect();
        }
        try {
            return this.sessions.take(secretBlock, client.clientId(), challenge);
        } catch (CognitoException ex) {
            throw incorrect();
        }
    }

    /** The server's side of an exchange with the client's {@code A}, refused when {@code A mod N = 0}. */
    private SrpSession start(BigInteger a, BigInteger verifier) {
        SrpSession srp = SrpSession.start(a, verifier, this.ids.randomBytes(32));
        if (srp == null) {
            throw incorrect();
        }
        return srp;
    }

    /** What a session keeps of an exchange to check the answer: both public values, the private one, the verifier. */
    private static Map<String, String> exchange(SrpSession srp, String userId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("A", srp.a().toString(16));
        data.put("b", srp.b().toString(16));
        data.put("B", srp.publicB().toString(16));
        data.put("v", srp.verifier().toString(16));
        data.put("userId", userId);
        return data;
    }

    /** Whether a timestamp is in Cognito's exact format and close to now. */
    private boolean isFresh(String timestamp) {
        if (!SrpAnswerBounds.timestampFits(timestamp)) {
            return false;
        }
        try {
            ZonedDateTime parsed =
                    ZonedDateTime.of(java.time.LocalDateTime.parse(timestamp, TIMESTAMP), ZoneOffset.UTC);
            if (!TIMESTAMP.format(parsed).equals(timestamp)) {
                return false;
            }
            Instant signedAt = parsed.toInstant();
            Duration skew = Duration.between(signedAt, this.clock.instant()).abs();
            return skew.compareTo(TIMESTAMP_TOLERANCE) <= 0;
        } catch (DateTimeException ex) {
            return false;
        }
    }

    private static CognitoException incorrect() {
        return ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
    }

    /** What a PASSWORD_VERIFIER answer does with the user's failed sign-ins. */
    interface PasswordAttempts {

        /**
         * Before the claim is checked: reserves the attempt of the user {@code sub}, refusing it while she is locked
         * out.
         */
        SignInLockout.Attempt reserve(String sub);

        /** After a claim that does not prove the password: the reserved failure stays counted. */
        void failed(SignInLockout.Attempt attempt);

        /** After a claim that proves the password: the reserved failure is taken back. */
        void succeeded(SignInLockout.Attempt attempt);
    }
}
