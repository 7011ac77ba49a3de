package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.message.MessageTemplates;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One-time sign-in codes sent by email or SMS ({@code EMAIL_OTP}, {@code SMS_MFA}, {@code SMS_OTP}): a fresh
 * six-digit code per challenge, kept in the challenge's session, valid as long as the session (the client's
 * {@code AuthSessionValidity}), and good for {@value #MAX_FAILED_ATTEMPTS} wrong answers before the session is
 * closed.
 */
final class SignInCodes {

    /** Wrong answers a session takes; the last one closes it, so the next answer finds no session. */
    static final int MAX_FAILED_ATTEMPTS = 3;

    /** Cognito's default text of an authentication code message. */
    static final String DEFAULT_MESSAGE = "Your authentication code is {####}. ";

    /** Cognito's default subject of an authentication code email. */
    static final String DEFAULT_SUBJECT = "Your authentication code";

    static final String WRONG_CODE = "Invalid code received for user";

    /** The session data: the code sent. */
    static final String CODE = "CODE";

    /** The session data: the wrong answers so far. */
    static final String FAILED_ATTEMPTS = "FAILED_ATTEMPTS";

    /** The session data: the remembered device the client signs in from. */
    static final String DEVICE_KEY = "DEVICE_KEY";

    private final AuthSessions sessions;

    private final MessageSender messages;

    private final java.time.Clock clock;

    private final Ids ids;

    SignInCodes(AuthSessions sessions, MessageSender messages, java.time.Clock clock, Ids ids) {
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.messages = Objects.requireNonNull(messages, "'messages' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Sends a fresh code for {@code challenge} to the user's email address ({@code EMAIL_OTP}) or phone number
     * ({@code SMS_MFA}, {@code SMS_OTP}) and opens the session that checks the answer.
     *
     * @return the whole response: {@code ChallengeName}, {@code Session} and {@code ChallengeParameters}
     *     ({@code CODE_DELIVERY_DELIVERY_MEDIUM}, {@code CODE_DELIVERY_DESTINATION} masked, {@code USER_ID_FOR_SRP})
     */
    Map<String, Object> challenge(SignIn signIn, ChallengeName challenge) {
        return challenge(signIn, challenge, Map.of());
    }

    /**
     * {@link #challenge(SignIn, ChallengeName)} with more data kept in the session, for the step that answers it to
     * read back from the session {@link #verify} returns.
     */
    Map<String, Object> challenge(SignIn signIn, ChallengeName challenge, Map<String, String> extraData) {
        String attribute = attributeFor(challenge);
        UserPool pool = signIn.pool();
        User user = signIn.user();
        String destination = user.attribute(attribute);
        if (destination == null) {
            throw Errors.invalidParameter("User does not have a " + attribute + " to send the code to.");
        }
        String code = this.ids.randomString("0123456789", 6);
        boolean email = attribute.equals("email");
        MessageTemplates.Text text = text(pool, email, code);
        Map<String, String> delivery = this.messages.send(
                pool.id(),
                user.username(),
                "Authentication",
                attribute,
                destination,
                text.subject(),
                text.body(),
                code);
        Map<String, String> data = new LinkedHashMap<>(extraData);
        data.put(CODE, code);
        data.put(FAILED_ATTEMPTS, "0");
        if (signIn.deviceKey() != null) {
            data.put(DEVICE_KEY, signIn.deviceKey());
        }
        String session = this.sessions.open(new AuthSession(
                pool.id(),
                signIn.client().clientId(),
                user.sub(),
                challenge,
                this.clock.instant().plus(Duration.ofMinutes(signIn.client().authSessionValidity())),
                data));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", delivery.get("DeliveryMedium"));
        parameters.put("CODE_DELIVERY_DESTINATION", delivery.get("Destination"));
        parameters.put("USER_ID_FOR_SRP", user.username());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", challenge.name());
        response.put("Session", session);
        response.put("ChallengeParameters", parameters);
        return response;
    }

    /**
     * Checks an answer to a code sent by {@link #challenge(SignIn, ChallengeName)}, and closes the session when it
     * is right.
     *
     * @return the session answered
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code CodeMismatchException} for a wrong code
     *     (the session stays open for {@value #MAX_FAILED_ATTEMPTS} wrong answers in all), {@code
     *     NotAuthorizedException} for an unknown, used, closed or expired session, {@code InvalidParameterException}
     *     when there is no session
     */
    AuthSession verify(@Nullable String session, UserPoolClient client, ChallengeName challenge, String code) {
        if (session == null) {
            throw Errors.invalidParameter("Missing required parameter Session");
        }
        AuthSession open = this.sessions.find(session, client.clientId(), challenge);
        String expected = Objects.requireNonNull(open.data().get(CODE), "'code' must not be null");
        if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8))) {
            this.sessions.close(session);
            return open;
        }
        countWrongAnswer(session, client, challenge);
        throw ErrorType.CODE_MISMATCH.exception(WRONG_CODE);
    }

    /**
     * Counts a wrong answer against a session: it stays open for another answer until the
     * {@value #MAX_FAILED_ATTEMPTS}th wrong one, which closes it.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code NotAuthorizedException} when a concurrent
     *     answer closed it first
     */
    void countWrongAnswer(String session, UserPoolClient client, ChallengeName challenge) {
        // Taken, counted and put back: of concurrent wrong answers each is counted, and a right answer racing them
        // finds the session gone for a moment rather than slipping past the limit.
        AuthSession taken = this.sessions.take(session, client.clientId(), challenge);
        int failed = Integer.parseInt(taken.data().getOrDefault(FAILED_ATTEMPTS, "0")) + 1;
        if (failed < MAX_FAILED_ATTEMPTS) {
            Map<String, String> data = new LinkedHashMap<>(taken.data());
            data.put(FAILED_ATTEMPTS, Integer.toString(failed));
            this.sessions.reopen(
                    session,
                    new AuthSession(
                            taken.userPoolId(),
                            taken.clientId(),
                            taken.sub(),
                            taken.challenge(),
                            taken.expiresAt(),
                            data));
        }
    }

    /** The attribute a code for {@code challenge} goes to. */
    static String attributeFor(ChallengeName challenge) {
        switch (challenge) {
            case EMAIL_OTP:
                return "email";
            case SMS_MFA:
            case SMS_OTP:
                return "phone_number";
            default:
                throw new IllegalArgumentException("No code is sent for " + challenge);
        }
    }

    /** The message: the pool's email MFA message or SMS authentication message, or Cognito's default. */
    static MessageTemplates.Text text(UserPool pool, boolean email, String code) {
        if (email) {
            MfaSettings.EmailMfa configured = pool.mfaSettings().email();
            String body = (configured != null && configured.message() != null) ? configured.message() : DEFAULT_MESSAGE;
            String subject =
                    (configured != null && configured.subject() != null) ? configured.subject() : DEFAULT_SUBJECT;
            return new MessageTemplates.Text(subject, body.replace(MessageTemplates.CODE, code));
        }
        Object configured = pool.settings().get("SmsAuthenticationMessage");
        String body = (configured instanceof String message) ? message : DEFAULT_MESSAGE;
        return new MessageTemplates.Text(null, body.replace(MessageTemplates.CODE, code));
    }
}
