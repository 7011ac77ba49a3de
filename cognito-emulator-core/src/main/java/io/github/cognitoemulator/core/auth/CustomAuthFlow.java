package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.trigger.ChallengeResult;
import io.github.cognitoemulator.core.trigger.CreateAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.DefineAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.trigger.VerifyAuthChallengeResponseTrigger;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The CUSTOM_AUTH flow: the define auth challenge trigger decides after every round whether to issue tokens, fail, or
 * ask a {@code CUSTOM_CHALLENGE} that the create auth challenge trigger makes up and the verify auth challenge
 * response trigger checks. The rounds so far travel in the challenge session.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html">Custom
 *     authentication challenge Lambda triggers</a>
 */
final class CustomAuthFlow {

    /**
     * The most rounds one sign-in may take. Cognito documents no number; this one bounds what a session carries and
     * leaves room for any real use.
     */
    static final int MAX_ROUNDS = 8;

    static final String CUSTOM_CHALLENGE = ChallengeName.CUSTOM_CHALLENGE.name();

    /** The {@code CHALLENGE_NAME} of a custom authentication that starts with SRP, and its parameter. */
    static final String SRP_A = "SRP_A";

    /** The name events carry: the internal username, or the name sent for a user that does not exist. */
    private static final String USER_NAME = "userName";

    private static final String NAME_SENT = "nameSent";

    private static final String ROUNDS = "rounds";

    /** Marks the sessions of this flow, which the PASSWORD_VERIFIER challenge shares with others. */
    private static final String FLOW_KEY = "flow";

    private static final String FLOW = "CUSTOM_AUTH";

    private static final String ROUND = "round.";

    private static final String PRIVATE = "private.";

    private final UserDirectory users;

    private final AuthSessions sessions;

    private final Triggers triggers;

    private final ClientSecrets clientSecrets;

    private final Clock clock;

    private final SrpFlow srp;

    CustomAuthFlow(
            UserDirectory users,
            AuthSessions sessions,
            Triggers triggers,
            ClientSecrets clientSecrets,
            Clock clock,
            SrpFlow srp) {
        this.srp = Objects.requireNonNull(srp, "'srp' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.triggers = Objects.requireNonNull(triggers, "'triggers' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * Starts a custom authentication: InitiateAuth or AdminInitiateAuth with {@code CUSTOM_AUTH}.
     *
     * @param canSignIn rejects a user who may not sign in (disabled, unconfirmed)
     * @param tokens the answer for an authenticated user
     */
    Map<String, Object> start(
            UserPool pool,
            UserPoolClient client,
            Map<String, String> parameters,
            Map<String, String> clientMetadata,
            BiConsumer<UserPoolClient, User> canSignIn,
            Function<User, Map<String, Object>> tokens) {
        if (!this.triggers.hasCustomAuth(pool)) {
            throw Errors.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
        }
        String username = AuthenticationActions.requireParameter(parameters, "USERNAME");
        // The SRP-first variant: the password is proven with SRP before (or instead of) custom challenges. Its
        // SRP_A is refused by its length and digits before the user is looked up.
        String srpA = SRP_A.equals(parameters.get("CHALLENGE_NAME"))
                ? AuthenticationActions.requireParameter(parameters, SRP_A)
                : null;
        if (srpA != null) {
            SrpFlow.clientValue(srpA);
        }
        Optional<User> found = this.users.findForSignIn(pool, username);
        SecretHash.check(
                client, this.clientSecrets.values(client), parameters.get("SECRET_HASH"), username, found.orElse(null));
        if (found.isEmpty() && !client.preventsUserExistenceErrors()) {
            throw Errors.userNotFound();
        }
        User user = found.orElse(null);
        if (user != null) {
            canSignIn.accept(client, user);
        }
        this.triggers.preAuthentication(pool, client.clientId(), username, user, clientMetadata);
        Round round = new Round(pool, client, user, (user != null) ? user.username() : username, username);
        if (srpA == null) {
            return next(round, List.of(), clientMetadata, tokens, null);
        }
        return next(round, List.of(new ChallengeResult(SRP_A, true, null)), clientMetadata, tokens, srpA);
    }

    /** Whether CUSTOM_AUTH asked the PASSWORD_VERIFIER challenge whose session this is. */
    static boolean asked(AuthSession passwordVerifier) {
        return FLOW.equals(passwordVerifier.data().get(FLOW_KEY));
    }

    /**
     * Goes on with a custom authentication once the user has answered its PASSWORD_VERIFIER challenge correctly.
     *
     * @param passwordVerifier the session of the challenge, spent by the SRP answer, which carries the rounds so far
     * @param user the user the SRP answer proved
     */
    Map<String, Object> afterPasswordVerifier(
            UserPool pool,
            UserPoolClient client,
            AuthSession passwordVerifier,
            User user,
            Map<String, String> clientMetadata,
            Function<User, Map<String, Object>> tokens) {
        Map<String, String> data = passwordVerifier.data();
        List<ChallengeResult> history = new ArrayList<>(history(data));
        history.add(new ChallengeResult(ChallengeName.PASSWORD_VERIFIER.name(), true, null));
        Round round = new Round(pool, client, user, data.get(USER_NAME), data.get(NAME_SENT));
        return next(round, history, clientMetadata, tokens, null);
    }

    /** Checks an {@code ANSWER} to a {@code CUSTOM_CHALLENGE}: RespondToAuthChallenge and its admin twin. */
    Map<String, Object> answer(
            UserPool pool,
            UserPoolClient client,
            @Nullable String sessionToken,
            Map<String, String> responses,
            Map<String, String> clientMetadata,
            Function<User, Map<String, Object>> tokens) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        String answer = AuthenticationActions.requireParameter(responses, "ANSWER");
        if (sessionToken == null) {
            throw Errors.invalidParameter("Missing required parameter Session");
        }
        // Taken at once: a session answers one challenge, whatever the answer.
        AuthSession session = this.sessions.take(sessionToken, client.clientId(), ChallengeName.CUSTOM_CHALLENGE);
        Map<String, String> data = session.data();
        User user = session.sub().isEmpty()
                ? null
                : this.users.findBySub(pool, session.sub()).orElseThrow(CustomAuthFlow::failed);
        if (!username.equals(data.get(NAME_SENT))
                && !username.equals(data.get(USER_NAME))
                && (user == null
                        || this.users
                                .findForSignIn(pool, username)
                                .filter((u) -> u.sub().equals(user.sub()))
                                .isEmpty())) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
        SecretHash.check(client, this.clientSecrets.values(client), responses.get("SECRET_HASH"), username, user);
        Map<String, String> privateParameters = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(PRIVATE)) {
                privateParameters.put(key.substring(PRIVATE.length()), value);
            }
        });
        Round round = new Round(pool, client, user, data.get(USER_NAME), data.get(NAME_SENT));
        VerifyAuthChallengeResponseTrigger.Response verdict = this.triggers.verifyAuthChallengeResponse(
                pool,
                client.clientId(),
                round.userName(),
                new VerifyAuthChallengeResponseTrigger.Request(
                        attributes(user), Map.copyOf(privateParameters), answer, clientMetadata, user == null));
        List<ChallengeResult> history = new ArrayList<>(history(data));
        history.add(new ChallengeResult(CUSTOM_CHALLENGE, verdict.answerCorrect(), data.get("metadata")));
        return next(round, history, clientMetadata, tokens, null);
    }

    /**
     * Asks the define auth challenge trigger what comes next, and does it.
     *
     * @param srpA the client's SRP {@code A} while a PASSWORD_VERIFIER challenge may come next, otherwise {@code null}
     */
    private Map<String, Object> next(
            Round round,
            List<ChallengeResult> history,
            Map<String, String> clientMetadata,
            Function<User, Map<String, Object>> tokens,
            @Nullable String srpA) {
        User user = round.user();
        DefineAuthChallengeTrigger.Response decision = this.triggers.defineAuthChallenge(
                round.pool(),
                round.client().clientId(),
                round.userName(),
                new DefineAuthChallengeTrigger.Request(
                        attributes(user), List.copyOf(history), clientMetadata, user == null));
        if (decision.failAuthentication()) {
            throw failed();
        }
        if (decision.issueTokens()) {
            if (user == null) {
                throw failed();
            }
            return tokens.apply(user);
        }
        if (srpA != null && ChallengeName.PASSWORD_VERIFIER.name().equals(decision.challengeName())) {
            return passwordVerifier(round, history, srpA);
        }
        if (!CUSTOM_CHALLENGE.equals(decision.challengeName())) {
            throw ErrorType.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
        }
        if (customRounds(history) >= MAX_ROUNDS) {
            throw failed();
        }
        CreateAuthChallengeTrigger.Response challenge = this.triggers.createAuthChallenge(
                round.pool(),
                round.client().clientId(),
                round.userName(),
                new CreateAuthChallengeTrigger.Request(
                        attributes(user), CUSTOM_CHALLENGE, List.copyOf(history), clientMetadata, user == null));
        Map<String, String> data = sessionData(round, history);
        if (challenge.privateChallengeParameters() != null) {
            challenge.privateChallengeParameters().forEach((key, value) -> data.put(PRIVATE + key, value));
        }
        if (challenge.challengeMetadata() != null) {
            data.put("metadata", challenge.challengeMetadata());
        }
        String session = this.sessions.open(new AuthSession(
                round.pool().id(),
                round.client().clientId(),
                (user != null) ? user.sub() : "",
                ChallengeName.CUSTOM_CHALLENGE,
                this.clock.instant().plus(Duration.ofMinutes(round.client().authSessionValidity())),
                data));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (challenge.publicChallengeParameters() != null) {
            parameters.putAll(challenge.publicChallengeParameters());
        }
        parameters.put("USERNAME", round.userName());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", CUSTOM_CHALLENGE);
        response.put("Session", session);
        response.put("ChallengeParameters", parameters);
        return response;
    }

    /**
     * SRP's PASSWORD_VERIFIER challenge, whose session (the secret block) carries the custom authentication on: a
     * correct answer leads back to the define auth challenge trigger, never straight to tokens.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> passwordVerifier(Round round, List<ChallengeResult> history, String srpA) {
        Map<String, Object> response = new LinkedHashMap<>(this.srp.challenge(
                round.pool(), round.client(), round.user(), round.nameSent(), srpA, sessionData(round, history)));
        // Cognito hands out a session with this challenge; the secret block already is one.
        response.put("Session", ((Map<String, String>) response.get("ChallengeParameters")).get("SECRET_BLOCK"));
        return response;
    }

    private static Map<String, String> sessionData(Round round, List<ChallengeResult> history) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(FLOW_KEY, FLOW);
        data.put(USER_NAME, round.userName());
        data.put(NAME_SENT, round.nameSent());
        data.put(ROUNDS, Integer.toString(history.size()));
        for (int i = 0; i < history.size(); i++) {
            ChallengeResult result = history.get(i);
            data.put(ROUND + i + ".name", result.challengeName());
            data.put(ROUND + i + ".result", Boolean.toString(result.challengeResult()));
            if (result.challengeMetadata() != null) {
                data.put(ROUND + i + ".metadata", result.challengeMetadata());
            }
        }
        return data;
    }

    /** The custom challenges among the rounds: the SRP rounds do not count towards {@link #MAX_ROUNDS}. */
    private static long customRounds(List<ChallengeResult> history) {
        return history.stream()
                .filter((result) -> CUSTOM_CHALLENGE.equals(result.challengeName()))
                .count();
    }

    private static List<ChallengeResult> history(Map<String, String> data) {
        int rounds = Integer.parseInt(data.getOrDefault(ROUNDS, "0"));
        List<ChallengeResult> history = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            history.add(new ChallengeResult(
                    data.get(ROUND + i + ".name"),
                    Boolean.parseBoolean(data.get(ROUND + i + ".result")),
                    data.get(ROUND + i + ".metadata")));
        }
        return history;
    }

    private static Map<String, String> attributes(@Nullable User user) {
        return (user != null) ? Map.copyOf(user.attributes()) : Map.of();
    }

    /** What Cognito answers when the define auth challenge trigger fails the sign-in. */
    private static CognitoException failed() {
        return ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
    }

    /**
     * Who is signing in.
     *
     * @param user the user, or {@code null} when there is none and the client hides that
     */
    private record Round(
            UserPool pool, UserPoolClient client, @Nullable User user, String userName, String nameSent) {}
}
