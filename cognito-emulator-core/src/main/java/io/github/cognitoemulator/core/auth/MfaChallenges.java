package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.mfa.MfaActions;
import io.github.cognitoemulator.core.mfa.MfaFactor;
import io.github.cognitoemulator.core.mfa.UserMfa;
import io.github.cognitoemulator.core.mfa.UserMfaDirectory;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The MFA step of sign-in: which second factor the pool's {@code MfaConfiguration}, its factors and the user's
 * settings call for (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE or MFA_SETUP), and the answers to them.
 */
final class MfaChallenges {

    /** The session data of SELECT_MFA_TYPE: the factors offered, comma-separated. */
    static final String CHOICES = "MFAS_CAN_CHOOSE";

    /** The session data of an SMS or email code sent as a second factor. */
    static final String SECOND_FACTOR = "SECOND_FACTOR";

    private final UserMfaDirectory mfa;

    private final SignInCodes codes;

    private final AuthSessions sessions;

    private final UserDirectory users;

    private final ClientSecrets clientSecrets;

    private final Clock clock;

    MfaChallenges(
            UserMfaDirectory mfa,
            SignInCodes codes,
            AuthSessions sessions,
            UserDirectory users,
            ClientSecrets clientSecrets,
            Clock clock) {
        this.mfa = Objects.requireNonNull(mfa, "'mfa' must not be null");
        this.codes = Objects.requireNonNull(codes, "'codes' must not be null");
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The MFA challenge a sign-in that proved its password must answer, or empty when it needs none: with MFA OFF,
     * or OPTIONAL and nothing enabled for the user.
     */
    Optional<Map<String, Object>> challenge(SignIn signIn) {
        UserPool pool = signIn.pool();
        boolean required = pool.mfaConfiguration().equals("ON");
        if (!required && !pool.mfaConfiguration().equals("OPTIONAL")) {
            return Optional.empty();
        }
        UserMfa state = this.mfa.find(pool.id(), signIn.user().sub());
        List<MfaFactor> usable = usable(pool, signIn.user(), state);
        if (usable.isEmpty()) {
            if (!required) {
                return Optional.empty();
            }
            // MFA is required and the user enabled nothing: a code goes where the user can already receive one.
            usable = receivable(pool, signIn.user());
            if (usable.isEmpty()) {
                return Optional.of(setup(signIn));
            }
        }
        if (state.preferred() != null && usable.contains(state.preferred())) {
            return Optional.of(send(signIn, state.preferred()));
        }
        if (usable.size() == 1) {
            return Optional.of(send(signIn, usable.get(0)));
        }
        return Optional.of(select(signIn, usable));
    }

    /** The factors the user enabled that can be used now. */
    static List<MfaFactor> usable(UserPool pool, User user, UserMfa state) {
        MfaSettings offered = pool.mfaSettings();
        List<MfaFactor> usable = new ArrayList<>();
        if (state.smsEnabled() && offered.smsEnabled() && user.attribute("phone_number") != null) {
            usable.add(MfaFactor.SMS_MFA);
        }
        // A verified token keeps working after the pool stopped offering tokens; only a verified one can be enabled.
        if (state.softwareTokenEnabled()) {
            usable.add(MfaFactor.SOFTWARE_TOKEN_MFA);
        }
        if (state.emailEnabled() && offered.email() != null && user.attribute("email") != null) {
            usable.add(MfaFactor.EMAIL_OTP);
        }
        return usable;
    }

    /** The factors whose codes reach the user without any setup: SMS to a phone number, email to an address. */
    static List<MfaFactor> receivable(UserPool pool, User user) {
        MfaSettings offered = pool.mfaSettings();
        List<MfaFactor> receivable = new ArrayList<>();
        if (offered.smsEnabled() && user.attribute("phone_number") != null) {
            receivable.add(MfaFactor.SMS_MFA);
        }
        if (offered.email() != null && user.attribute("email") != null) {
            receivable.add(MfaFactor.EMAIL_OTP);
        }
        return receivable;
    }

    /** The factors the pool offers, as MFA_SETUP lists them. */
    static List<MfaFactor> offered(UserPool pool) {
        MfaSettings offered = pool.mfaSettings();
        List<MfaFactor> factors = new ArrayList<>();
        if (offered.smsEnabled()) {
            factors.add(MfaFactor.SMS_MFA);
        }
        if (offered.softwareTokenEnabled()) {
            factors.add(MfaFactor.SOFTWARE_TOKEN_MFA);
        }
        if (offered.email() != null) {
            factors.add(MfaFactor.EMAIL_OTP);
        }
        return factors;
    }

    private Map<String, Object> send(SignIn signIn, MfaFactor factor) {
        switch (factor) {
            case SMS_MFA:
                return this.codes.challenge(signIn, ChallengeName.SMS_MFA, Map.of(SECOND_FACTOR, "true"));
            case EMAIL_OTP:
                return this.codes.challenge(signIn, ChallengeName.EMAIL_OTP, Map.of(SECOND_FACTOR, "true"));
            default:
                UserMfa state = this.mfa.find(signIn.pool().id(), signIn.user().sub());
                Map<String, String> parameters = new LinkedHashMap<>();
                if (state.friendlyDeviceName() != null) {
                    parameters.put("FRIENDLY_DEVICE_NAME", state.friendlyDeviceName());
                }
                return open(signIn, ChallengeName.SOFTWARE_TOKEN_MFA, Map.of(), parameters);
        }
    }

    private Map<String, Object> select(SignIn signIn, List<MfaFactor> choices) {
        List<String> names = choices.stream().map(Enum::name).toList();
        return open(
                signIn,
                ChallengeName.SELECT_MFA_TYPE,
                Map.of(CHOICES, String.join(",", names)),
                Map.of("MFAS_CAN_CHOOSE", json(names)));
    }

    private Map<String, Object> setup(SignIn signIn) {
        List<String> names = offered(signIn.pool()).stream().map(Enum::name).toList();
        return open(signIn, ChallengeName.MFA_SETUP, Map.of(), Map.of("MFAS_CAN_SETUP", json(names)));
    }

    private Map<String, Object> open(
            SignIn signIn,
            ChallengeName challenge,
            Map<String, String> extraData,
            Map<String, String> extraParameters) {
        Map<String, String> data = new LinkedHashMap<>(extraData);
        if (signIn.deviceKey() != null) {
            data.put(SignInCodes.DEVICE_KEY, signIn.deviceKey());
        }
        String session = this.sessions.open(new AuthSession(
                signIn.pool().id(),
                signIn.client().clientId(),
                signIn.user().sub(),
                challenge,
                this.clock.instant().plus(Duration.ofMinutes(signIn.client().authSessionValidity())),
                data));
        Map<String, String> parameters = new LinkedHashMap<>(extraParameters);
        parameters.put("USER_ID_FOR_SRP", signIn.user().username());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", challenge.name());
        response.put("Session", session);
        response.put("ChallengeParameters", parameters);
        return response;
    }

    /**
     * Answers an MFA challenge: SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE or MFA_SETUP.
     *
     * @param authenticated what follows a completed second factor: the tokens
     * @return the tokens, or the challenge chosen with SELECT_MFA_TYPE
     */
    Map<String, Object> answer(
            UserPool pool,
            UserPoolClient client,
            ChallengeName challenge,
            @Nullable String session,
            Map<String, String> responses,
            RequestContext context,
            Function<SignIn, Map<String, Object>> authenticated) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        String answer = AuthenticationActions.requireParameter(responses, answerName(challenge));
        if (session == null) {
            throw Errors.invalidParameter("Missing required parameter Session");
        }
        AuthSession open = this.sessions.find(session, client.clientId(), challenge);
        User user = this.users.findBySub(pool, open.sub()).orElseThrow(MfaChallenges::invalidSession);
        if (!user.username().equals(username)
                && this.users
                        .findForSignIn(pool, username)
                        .filter((u) -> u.sub().equals(user.sub()))
                        .isEmpty()) {
            throw invalidSession();
        }
        SecretHash.check(
                client, this.clientSecrets.values(client), responses.get("SECRET_HASH"), username, user.username());
        SignIn signIn = new SignIn(pool, client, user, context, open.data().get(SignInCodes.DEVICE_KEY));
        switch (challenge) {
            case SMS_MFA:
            case EMAIL_OTP:
                this.codes.verify(session, client, challenge, answer);
                return authenticated.apply(signIn);
            case SOFTWARE_TOKEN_MFA:
                try {
                    this.mfa.useCode(pool.id(), user.sub(), answer, SignInCodes.WRONG_CODE);
                } catch (CognitoException ex) {
                    if (ex.type() == ErrorType.CODE_MISMATCH) {
                        this.codes.countWrongAnswer(session, client, challenge);
                    }
                    throw ex;
                }
                this.sessions.close(session);
                return authenticated.apply(signIn);
            case SELECT_MFA_TYPE:
                MfaFactor chosen = chosen(answer, open);
                this.sessions.close(session);
                return send(signIn, chosen);
            default:
                if (!"true".equals(open.data().get(MfaActions.TOKEN_VERIFIED))) {
                    throw Errors.invalidParameter("User has not verified software token mfa");
                }
                this.sessions.close(session);
                return authenticated.apply(signIn);
        }
    }

    /** The challenge response that carries the answer. */
    static String answerName(ChallengeName challenge) {
        switch (challenge) {
            case SMS_MFA:
                return "SMS_MFA_CODE";
            case EMAIL_OTP:
                return "EMAIL_OTP_CODE";
            case SOFTWARE_TOKEN_MFA:
                return "SOFTWARE_TOKEN_MFA_CODE";
            case SELECT_MFA_TYPE:
                return "ANSWER";
            default:
                return "USERNAME";
        }
    }

    /** The factor a SELECT_MFA_TYPE answer names, which must be one offered; EMAIL_MFA is the email factor too. */
    private static MfaFactor chosen(String answer, AuthSession open) {
        String name = answer.equals("EMAIL_MFA") ? MfaFactor.EMAIL_OTP.name() : answer;
        List<String> choices =
                Arrays.asList(open.data().getOrDefault(CHOICES, "").split(","));
        if (!choices.contains(name)) {
            throw Errors.invalidParameter("Invalid ANSWER: " + answer + " is not one of MFAS_CAN_CHOOSE.");
        }
        return MfaFactor.valueOf(name);
    }

    private static CognitoException invalidSession() {
        return ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
    }

    private static String json(List<String> names) {
        return new String(CognitoJson.write(names), StandardCharsets.UTF_8);
    }
}
