package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.passkey.Passkeys;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * USER_AUTH, choice-based sign-in: the first factor is the one the client prefers ({@code PREFERRED_CHALLENGE}) when
 * the pool, the client and the user allow it, else the one the user picks from {@code AvailableChallenges} in
 * answer to {@code SELECT_CHALLENGE}. A password continues like the other password flows; a passkey or a code sent by
 * email or SMS signs the user in without MFA, as Cognito does for passwordless first factors.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html">Choice-based authentication</a>
 */
final class ChoiceBasedSignIn {

    private static final String DEVICE_KEY = "DEVICE_KEY";

    private static final String CHALLENGE = "challenge";

    private static final String RELYING_PARTY = "rpId";

    private static final String USER_VERIFICATION = "userVerification";

    private final UserDirectory users;

    private final AuthSessions sessions;

    private final Passkeys passkeys;

    private final ClientSecrets clientSecrets;

    private final Clock clock;

    private final Steps steps;

    private final SignInCodes codes;

    /** The steps of the other flows that choice-based sign-in continues with. */
    interface Steps {

        /** A user who is allowed to sign in, or Cognito's error for one who is not. */
        void checkCanSignIn(UserPoolClient client, User user);

        /**
         * Checks a password sent in clear: Cognito's answer for a locked-out user or a wrong password, which counts
         * towards the lockout.
         */
        void checkPassword(UserPool pool, User user, String password);

        /** After a password: a new password when it is temporary, then the device and MFA steps, then tokens. */
        Map<String, Object> afterFirstFactor(SignIn signIn);

        /** After a passwordless first factor: tokens. */
        Map<String, Object> afterPasswordlessFactor(SignIn signIn);

        /** The PASSWORD_VERIFIER challenge of SRP for the user. */
        Map<String, Object> srpChallenge(UserPool pool, UserPoolClient client, User user, String username, String srpA);
    }

    ChoiceBasedSignIn(
            UserDirectory users,
            AuthSessions sessions,
            Passkeys passkeys,
            ClientSecrets clientSecrets,
            Clock clock,
            Steps steps,
            SignInCodes codes) {
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.passkeys = Objects.requireNonNull(passkeys, "'passkeys' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.steps = Objects.requireNonNull(steps, "'steps' must not be null");
        this.codes = Objects.requireNonNull(codes, "'codes' must not be null");
    }

    /** InitiateAuth and AdminInitiateAuth with {@code USER_AUTH}. */
    Map<String, Object> initiate(
            UserPool pool, UserPoolClient client, Map<String, String> parameters, RequestContext context) {
        if (!client.allowedFlows().contains(ExplicitAuthFlow.ALLOW_USER_AUTH)) {
            throw Errors.invalidParameter("Auth flow not enabled for this client");
        }
        String username = AuthenticationActions.requireParameter(parameters, "USERNAME");
        Optional<User> found = this.users.findForSignIn(pool, username);
        SecretHash.check(
                client, this.clientSecrets.values(client), parameters.get("SECRET_HASH"), username, found.orElse(null));
        User user = found.orElseThrow(() -> client.preventsUserExistenceErrors()
                ? ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.")
                : Errors.userNotFound());
        this.steps.checkCanSignIn(client, user);
        String deviceKey = parameters.get(DEVICE_KEY);
        List<ChallengeName> available = availableChallenges(pool, user);
        String preferred = parameters.get("PREFERRED_CHALLENGE");
        Optional<ChallengeName> chosen =
                available.stream().filter((c) -> c.name().equals(preferred)).findFirst();
        if (chosen.isPresent()) {
            return firstFactor(pool, client, user, username, chosen.get(), parameters, deviceKey, context);
        }
        if (available.isEmpty()) {
            throw ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (deviceKey != null) {
            data.put(DEVICE_KEY, deviceKey);
        }
        String session = open(pool, client, user, ChallengeName.SELECT_CHALLENGE, data);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.SELECT_CHALLENGE.name());
        response.put("Session", session);
        response.put("ChallengeParameters", Map.of());
        response.put("AvailableChallenges", available.stream().map(Enum::name).toList());
        return response;
    }

    /**
     * RespondToAuthChallenge with {@code SELECT_CHALLENGE} (the choice in {@code ANSWER}), with the name of the
     * chosen challenge directly ({@code PASSWORD}, {@code PASSWORD_SRP}), with {@code WEB_AUTHN} (the passkey's
     * assertion in {@code CREDENTIAL}) or with {@code SMS_OTP} (the code in {@code SMS_OTP_CODE}).
     */
    Map<String, Object> respond(
            UserPool pool,
            UserPoolClient client,
            ChallengeName challenge,
            @Nullable String sessionToken,
            Map<String, String> responses,
            RequestContext context) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        // An EMAIL_OTP answer is checked with the MFA answers, the same way.
        if (challenge == ChallengeName.SMS_OTP) {
            String code = AuthenticationActions.requireParameter(responses, challenge.name() + "_CODE");
            AuthSession answered = this.codes.verify(sessionToken, client, challenge, code);
            User user = sessionUser(pool, client, answered, username, responses);
            return this.steps.afterPasswordlessFactor(
                    new SignIn(pool, client, user, context, answered.data().get(DEVICE_KEY)));
        }
        if (sessionToken == null) {
            throw Errors.invalidParameter("Missing required parameter Session");
        }
        ChallengeName sessionChallenge =
                (challenge == ChallengeName.WEB_AUTHN) ? ChallengeName.WEB_AUTHN : ChallengeName.SELECT_CHALLENGE;
        AuthSession session = this.sessions.take(sessionToken, client.clientId(), sessionChallenge);
        User user = sessionUser(pool, client, session, username, responses);
        String deviceKey = session.data().get(DEVICE_KEY);
        if (challenge == ChallengeName.WEB_AUTHN) {
            String credential = AuthenticationActions.requireParameter(responses, "CREDENTIAL");
            this.passkeys.verifyAssertion(
                    pool,
                    user,
                    session.data().get(CHALLENGE),
                    session.data().get(RELYING_PARTY),
                    session.data().get(USER_VERIFICATION),
                    credential);
            return this.steps.afterPasswordlessFactor(new SignIn(pool, client, user, context, deviceKey));
        }
        String answer = (challenge == ChallengeName.SELECT_CHALLENGE)
                ? AuthenticationActions.requireParameter(responses, "ANSWER")
                : challenge.name();
        ChallengeName chosen = availableChallenges(pool, user).stream()
                .filter((c) -> c.name().equals(answer))
                .findFirst()
                .orElseThrow(
                        () -> Errors.invalidParameter("The challenge " + answer + " is not available for the user."));
        return firstFactor(pool, client, user, username, chosen, responses, deviceKey, context);
    }

    /**
     * The user a session is signing in, once the answer names that user and carries the right secret hash, and
     * provided the user may still sign in.
     */
    private User sessionUser(
            UserPool pool, UserPoolClient client, AuthSession session, String username, Map<String, String> responses) {
        User user = this.users
                .findBySub(pool, session.sub())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user."));
        if (!user.username().equals(username)
                && this.users
                        .findForSignIn(pool, username)
                        .filter((u) -> u.sub().equals(user.sub()))
                        .isEmpty()) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
        SecretHash.check(
                client, this.clientSecrets.values(client), responses.get("SECRET_HASH"), username, user.username());
        this.steps.checkCanSignIn(client, user);
        return user;
    }

    /** The challenges the user can sign in with first: {@link #availableChallenges(Passkeys, UserPool, User)}. */
    List<ChallengeName> availableChallenges(UserPool pool, User user) {
        return availableChallenges(this.passkeys, pool, user);
    }

    /**
     * The challenges a user can sign in with first, in Cognito's order: those the pool allows and the user has set
     * up.
     */
    static List<ChallengeName> availableChallenges(Passkeys passkeys, UserPool pool, User user) {
        List<String> allowed = pool.allowedFirstAuthFactors();
        List<ChallengeName> available = new ArrayList<>();
        if (allowed.contains("PASSWORD") && user.password() != null) {
            available.add(ChallengeName.PASSWORD);
            available.add(ChallengeName.PASSWORD_SRP);
        }
        boolean passwordless = !pool.tier().equals("LITE");
        if (passwordless && allowed.contains("EMAIL_OTP") && verified(user, "email")) {
            available.add(ChallengeName.EMAIL_OTP);
        }
        if (passwordless && allowed.contains("SMS_OTP") && verified(user, "phone_number")) {
            available.add(ChallengeName.SMS_OTP);
        }
        if (Passkeys.enabled(pool) && passkeys.hasCredentials(pool.id(), user.sub())) {
            available.add(ChallengeName.WEB_AUTHN);
        }
        return available;
    }

    /** Whether codes may go to the user's {@code email} or {@code phone_number}: it is there and verified. */
    private static boolean verified(User user, String attribute) {
        return user.attribute(attribute) != null && user.isVerified(attribute);
    }

    /** The first factors a user has set up, as GetUserAuthFactors reports them: SRP is a way of sending a password. */
    static List<String> configuredFactors(Passkeys passkeys, UserPool pool, User user) {
        List<String> factors = new ArrayList<>();
        for (ChallengeName challenge : availableChallenges(passkeys, pool, user)) {
            if (challenge != ChallengeName.PASSWORD_SRP) {
                factors.add(challenge.name());
            }
        }
        return factors;
    }

    private Map<String, Object> firstFactor(
            UserPool pool,
            UserPoolClient client,
            User user,
            String username,
            ChallengeName chosen,
            Map<String, String> parameters,
            @Nullable String deviceKey,
            RequestContext context) {
        switch (chosen) {
            case PASSWORD: {
                String password = AuthenticationActions.requireParameter(parameters, "PASSWORD");
                this.steps.checkPassword(pool, user, password);
                return this.steps.afterFirstFactor(new SignIn(pool, client, user, context, deviceKey));
            }
            case PASSWORD_SRP: {
                String srpA = AuthenticationActions.requireParameter(parameters, "SRP_A");
                SrpFlow.clientValue(srpA);
                return this.steps.srpChallenge(pool, client, user, username, srpA);
            }
            case EMAIL_OTP:
            case SMS_OTP:
                return this.codes.challenge(new SignIn(pool, client, user, context, deviceKey), chosen);
            default:
                return webAuthnChallenge(pool, client, user, deviceKey);
        }
    }

    private Map<String, Object> webAuthnChallenge(
            UserPool pool, UserPoolClient client, User user, @Nullable String deviceKey) {
        String relyingPartyId = this.passkeys
                .relyingPartyId(pool)
                .orElseThrow(() -> ErrorType.WEB_AUTHN_CONFIGURATION_MISSING.exception(
                        "The user pool has no relying party id for passkeys: set WebAuthnConfiguration.RelyingPartyId"
                                + " or add a domain."));
        String challenge = this.passkeys.newChallenge();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CHALLENGE, challenge);
        data.put(RELYING_PARTY, relyingPartyId);
        data.put(USER_VERIFICATION, Passkeys.userVerification(pool));
        if (deviceKey != null) {
            data.put(DEVICE_KEY, deviceKey);
        }
        String session = open(pool, client, user, ChallengeName.WEB_AUTHN, data);
        Map<String, Object> options = this.passkeys.requestOptions(pool, user, challenge, relyingPartyId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.WEB_AUTHN.name());
        response.put("Session", session);
        response.put(
                "ChallengeParameters",
                Map.of("CREDENTIAL_REQUEST_OPTIONS", new String(CognitoJson.write(options), StandardCharsets.UTF_8)));
        return response;
    }

    private String open(
            UserPool pool, UserPoolClient client, User user, ChallengeName challenge, Map<String, String> data) {
        return this.sessions.open(new AuthSession(
                pool.id(),
                client.clientId(),
                user.sub(),
                challenge,
                this.clock.instant().plus(Duration.ofMinutes(client.authSessionValidity())),
                data));
    }
}
