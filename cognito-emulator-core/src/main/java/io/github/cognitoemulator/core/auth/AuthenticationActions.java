package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.authevent.AuthEvent;
import io.github.cognitoemulator.core.authevent.AuthEventLog;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.device.DeviceRegistry;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.mfa.UserMfaDirectory;
import io.github.cognitoemulator.core.passkey.Passkeys;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.SecretStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.IssuedTokens;
import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.TokenRequest;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge, AdminRespondToAuthChallenge and
 * GetTokensFromRefreshToken: the password, SRP and refresh flows, and the PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED
 * challenges.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html">InitiateAuth</a>
 */
public final class AuthenticationActions implements ActionFamily {

    private static final Set<AuthFlow> PUBLIC_FLOWS = EnumSet.of(
            AuthFlow.USER_SRP_AUTH,
            AuthFlow.REFRESH_TOKEN_AUTH,
            AuthFlow.REFRESH_TOKEN,
            AuthFlow.CUSTOM_AUTH,
            AuthFlow.USER_PASSWORD_AUTH,
            AuthFlow.USER_AUTH);

    private static final Set<AuthFlow> ADMIN_FLOWS = EnumSet.of(
            AuthFlow.USER_SRP_AUTH,
            AuthFlow.REFRESH_TOKEN_AUTH,
            AuthFlow.REFRESH_TOKEN,
            AuthFlow.CUSTOM_AUTH,
            AuthFlow.ADMIN_NO_SRP_AUTH,
            AuthFlow.ADMIN_USER_PASSWORD_AUTH,
            AuthFlow.USER_AUTH);

    private static final List<AuthEvent.ChallengeOutcome> PASSWORD_ONLY =
            List.of(AuthEvent.ChallengeOutcome.password(true));

    private static final List<AuthEvent.ChallengeOutcome> PASSWORD_AND_MFA =
            List.of(AuthEvent.ChallengeOutcome.password(true), AuthEvent.ChallengeOutcome.mfa(true));

    /** The parameter and answer that name a remembered device. */
    private static final String DEVICE_KEY = "DEVICE_KEY";

    private final PoolStore pools;

    private final ClientStore clients;

    private final UserDirectory users;

    private final TokenService tokens;

    private final AuthSessions sessions;

    private final PasswordChanges passwords;

    private final Clock clock;

    private final SrpFlow srp;

    private final ClientSecrets clientSecrets;

    private final AuthEventLog authEvents;

    private final SignInCodes signInCodes;

    private final MfaChallenges mfa;

    private final DeviceSignIn devices;

    private final ChoiceBasedSignIn userAuth;

    private final Triggers triggers;

    private final CustomAuthFlow customAuth;

    private final SignInLockout lockout;

    public AuthenticationActions(
            PoolStore pools,
            ClientStore clients,
            UserDirectory users,
            TokenService tokens,
            AuthSessions sessions,
            PasswordChanges passwords,
            SecretStore secrets,
            ClientSecrets clientSecrets,
            AuthEventLog authEvents,
            Clock clock,
            Ids ids,
            MessageSender messages,
            UserMfaDirectory mfa,
            DeviceRegistry devices,
            Passkeys passkeys,
            Triggers triggers,
            SignInLockout lockout) {
        this.lockout = Objects.requireNonNull(lockout, "'lockout' must not be null");
        this.triggers = Objects.requireNonNull(triggers, "'triggers' must not be null");
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.authEvents = Objects.requireNonNull(authEvents, "'authEvents' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.srp = new SrpFlow(sessions, clock, ids, secrets.secret("srp-simulation-key", () -> ids.randomBytes(32)));
        this.signInCodes = new SignInCodes(sessions, messages, clock, ids);
        this.mfa = new MfaChallenges(mfa, this.signInCodes, sessions, users, clientSecrets, clock);
        this.devices = new DeviceSignIn(devices, users, sessions, this.srp, tokens, clock);
        this.userAuth = new ChoiceBasedSignIn(
                users, sessions, passkeys, clientSecrets, clock, choiceBasedSteps(), this.signInCodes);
        this.customAuth = new CustomAuthFlow(users, sessions, triggers, clientSecrets, clock, this.srp);
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("InitiateAuth", (in) -> InitiateAuthRequest.parse(in, false), this::initiateAuth);
        registry.add("AdminInitiateAuth", (in) -> InitiateAuthRequest.parse(in, true), this::initiateAuth);
        registry.addUnsigned(
                "RespondToAuthChallenge", (in) -> RespondToAuthChallengeRequest.parse(in, false), this::respond);
        registry.add(
                "AdminRespondToAuthChallenge", (in) -> RespondToAuthChallengeRequest.parse(in, true), this::respond);
        registry.addUnsigned(
                "GetTokensFromRefreshToken", GetTokensFromRefreshTokenRequest::parse, this::getTokensFromRefreshToken);
    }

    Map<String, Object> initiateAuth(InitiateAuthRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request.userPoolId(), request.clientId(), context);
        UserPool pool = poolOf(client);
        AuthFlow flow = request.authFlow();
        if (!(request.admin() ? ADMIN_FLOWS : PUBLIC_FLOWS).contains(flow)) {
            throw Errors.invalidParameter("Initiate Auth method not supported.");
        }
        return switch (flow) {
            case USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH ->
                passwordAuth(pool, client, request, context);
            case REFRESH_TOKEN_AUTH, REFRESH_TOKEN -> refresh(pool, client, request, context);
            case CUSTOM_AUTH -> {
                requireFlow(client, flow);
                yield this.customAuth.start(
                        pool,
                        client,
                        request.authParameters(),
                        request.clientMetadata(),
                        AuthenticationActions::checkCanSignIn,
                        (user) -> afterCustomAuth(
                                new SignIn(pool, client, user, context, null, request.clientMetadata())));
            }
            case USER_SRP_AUTH -> srpAuth(pool, client, request);
            case USER_AUTH -> this.userAuth.initiate(pool, client, request.authParameters(), context);
            default -> throw Errors.invalidParameter("Auth flow not enabled for this client");
        };
    }

    Map<String, Object> respond(RespondToAuthChallengeRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request.userPoolId(), request.clientId(), context);
        UserPool pool = poolOf(client);
        switch (request.challengeName()) {
            case PASSWORD_VERIFIER:
                return answerPasswordVerifier(pool, client, request, context);
            case NEW_PASSWORD_REQUIRED:
                return answerNewPassword(pool, client, request, context);
            case SMS_MFA:
            // An emailed code is checked the same way whether it is the second factor or, with USER_AUTH, the
            // first: the code, then tokens.
            case EMAIL_OTP:
            case SOFTWARE_TOKEN_MFA:
            case SELECT_MFA_TYPE:
            case MFA_SETUP:
                return this.mfa.answer(
                        pool,
                        client,
                        request.challengeName(),
                        request.session(),
                        request.challengeResponses(),
                        context,
                        (signIn) -> afterSecondFactor(signIn, PASSWORD_AND_MFA, this::tokens));
            case DEVICE_SRP_AUTH:
                return this.devices.answerDeviceSrpAuth(
                        pool,
                        client,
                        this.clientSecrets.values(client),
                        request.session(),
                        request.challengeResponses());
            case DEVICE_PASSWORD_VERIFIER:
                // A remembered device stands in for the second factor: straight to tokens, past MFA.
                return authenticated(
                        this.devices.answerDevicePasswordVerifier(
                                pool, client, this.clientSecrets.values(client), request.challengeResponses(), context),
                        this.clock.instant(),
                        null);
            case SELECT_CHALLENGE:
            case PASSWORD:
            case PASSWORD_SRP:
            case WEB_AUTHN:
            case SMS_OTP:
                return this.userAuth.respond(
                        pool,
                        client,
                        request.challengeName(),
                        request.session(),
                        request.challengeResponses(),
                        context);
            case CUSTOM_CHALLENGE:
                return this.customAuth.answer(
                        pool,
                        client,
                        request.session(),
                        request.challengeResponses(),
                        request.clientMetadata(),
                        (user) -> afterCustomAuth(
                                new SignIn(pool, client, user, context, null, request.clientMetadata())));
            default:
                // No other challenge is ever issued, so no session can be answering it.
                throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
    }

    private Map<String, Object> answerPasswordVerifier(
            UserPool pool, UserPoolClient client, RespondToAuthChallengeRequest request, RequestContext context) {
        this.devices.requireKnownDevice(pool, client, request.challengeResponses());
        AuthSession session = this.srp.verify(
                pool,
                client,
                this.clientSecrets.values(client),
                request.challengeResponses(),
                new SrpFlow.PasswordAttempts() {
                    @Override
                    public SignInLockout.Attempt reserve(String sub) {
                        return AuthenticationActions.this.lockout.reserve(pool.id(), sub);
                    }

                    @Override
                    public void failed(SignInLockout.Attempt attempt) {
                        settled(pool, attempt);
                        AuthenticationActions.this
                                .users
                                .findBySub(pool, attempt.sub())
                                .ifPresent((user) -> recordWrongPassword(pool, user));
                    }

                    @Override
                    public void succeeded(SignInLockout.Attempt attempt) {
                        AuthenticationActions.this.lockout.succeeded(attempt);
                        settled(pool, attempt);
                    }
                });
        // By sub only: a user whose username happens to equal the sub is someone else.
        User user = this.users
                .findBySub(pool, session.sub())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password."));
        checkCanSignIn(client, user);
        if (CustomAuthFlow.asked(session)) {
            return this.customAuth.afterPasswordVerifier(
                    pool,
                    client,
                    session,
                    user,
                    request.clientMetadata(),
                    (verified) -> afterCustomAuth(
                            new SignIn(pool, client, verified, context, null, request.clientMetadata())));
        }
        // RespondToAuthChallenge's ClientMetadata goes on to post authentication and pre token generation.
        return afterFirstFactor(new SignIn(
                pool, client, user, context, request.challengeResponses().get(DEVICE_KEY), request.clientMetadata()));
    }

    private Map<String, Object> answerNewPassword(
            UserPool pool, UserPoolClient client, RespondToAuthChallengeRequest request, RequestContext context) {
        return answerNewPassword(pool, client, request, context, this::tokens);
    }

    private Map<String, Object> answerNewPassword(
            UserPool pool,
            UserPoolClient client,
            RespondToAuthChallengeRequest request,
            RequestContext context,
            Finish finish) {
        Map<String, String> responses = request.challengeResponses();
        String username = requireParameter(responses, "USERNAME");
        String newPassword = requireParameter(responses, "NEW_PASSWORD");
        if (request.session() == null) {
            throw Errors.invalidParameter("Missing required parameter Session");
        }
        AuthSession session = this.sessions.find(request.session(), client.clientId(), request.challengeName());
        User user = this.users.findBySub(pool, session.sub()).orElseThrow(Errors::userNotFound);
        if (!user.username().equals(username)
                && this.users
                        .findForSignIn(pool, username)
                        .filter((u) -> u.sub().equals(user.sub()))
                        .isEmpty()) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
        SecretHash.check(
                client, this.clientSecrets.values(client), responses.get("SECRET_HASH"), username, user.username());
        UnaryOperator<User> answer =
                NewPasswordChallenge.check(pool, user, newPassword, responses, this.clock.instant());
        // Closed once the answer is known to be good and before anything is written, so that of two concurrent
        // answers exactly one sets the password and gets tokens.
        this.sessions.close(request.session());
        User updated = this.passwords.setPassword(pool, user, newPassword, (current) -> UserStatus.CONFIRMED, answer);
        return afterPassword(
                new SignIn(pool, client, updated, context, session.data().get(DEVICE_KEY), request.clientMetadata()),
                finish);
    }

    /**
     * The steps once the user has proved the first factor, in Cognito's order: a new password when the current one
     * is temporary, then {@link #afterPassword(SignIn, Finish)}.
     */
    private Map<String, Object> afterFirstFactor(SignIn signIn) {
        return afterFirstFactor(signIn, this::tokens);
    }

    private Map<String, Object> afterFirstFactor(SignIn signIn, Finish finish) {
        if (signIn.user().status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            return newPasswordChallenge(signIn);
        }
        return afterPassword(signIn, finish);
    }

    /** The steps once the define auth challenge trigger has decided to issue tokens: tokens. */
    private Map<String, Object> afterCustomAuth(SignIn signIn) {
        return authenticated(signIn, this.clock.instant(), null);
    }

    /**
     * The steps once the password is settled: a remembered device in place of MFA where the pool lets it stand in,
     * else MFA, then {@link #afterSecondFactor(SignIn, List, Finish)}.
     */
    private Map<String, Object> afterPassword(SignIn signIn, Finish finish) {
        Optional<Map<String, Object>> deviceChallenge = this.devices.challenge(signIn, true);
        if (deviceChallenge.isPresent()) {
            return deviceChallenge.get();
        }
        Optional<Map<String, Object>> mfaChallenge = this.mfa.challenge(signIn);
        if (mfaChallenge.isPresent()) {
            return mfaChallenge.get();
        }
        return afterSecondFactor(signIn, PASSWORD_ONLY, finish);
    }

    /**
     * The steps once MFA is passed or not needed: a remembered device still authenticates, then tokens.
     *
     * @param passed the challenges passed so far, for the sign-in's event
     */
    private Map<String, Object> afterSecondFactor(
            SignIn signIn, List<AuthEvent.ChallengeOutcome> passed, Finish finish) {
        Optional<Map<String, Object>> deviceChallenge = this.devices.challenge(signIn, false);
        if (deviceChallenge.isPresent()) {
            return deviceChallenge.get();
        }
        return finish.apply(signIn, passed);
    }

    /** The API's last step: tokens for a sign-in that passed every step. */
    private Map<String, Object> tokens(SignIn signIn, List<AuthEvent.ChallengeOutcome> passed) {
        return authenticated(signIn, this.clock.instant(), null, passed);
    }

    /** How a sign-in that passed every step ends: tokens through the API, the user for managed login. */
    @FunctionalInterface
    private interface Finish {
        Map<String, Object> apply(SignIn signIn, List<AuthEvent.ChallengeOutcome> passed);
    }

    /**
     * Managed login's sign-in with a username and password: the API's password sign-in (user status, migration and
     * pre authentication triggers, temporary password, MFA, events), but governed by the client's OAuth settings
     * rather than its {@code ExplicitAuthFlows}, and ending with the user rather than with tokens, which the OAuth
     * server issues for the scopes of its authorization request.
     *
     * @return the next challenge, or the signed-in user
     * @throws io.github.cognitoemulator.core.error.CognitoException with Cognito's answer when the sign-in fails
     */
    public HostedSignInStep hostedSignIn(
            UserPool pool, UserPoolClient client, String username, String password, RequestContext context) {
        User user = passwordUser(pool, client, username, password, this.users.findForSignIn(pool, username), Map.of());
        return hostedStep(afterFirstFactor(new SignIn(pool, client, user, context, null), this::signedIn));
    }

    /**
     * Managed login's answer to a challenge of {@link #hostedSignIn}: NEW_PASSWORD_REQUIRED, SMS_MFA, EMAIL_OTP,
     * SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE or MFA_SETUP (once VerifySoftwareToken verified the token with the
     * challenge's session), checked as the API checks it. The secret hash a client with a secret
     * needs is the server's to compute, as managed login knows the secret.
     *
     * @param username the username the user signed in with
     * @param answers the challenge responses without {@code USERNAME} and {@code SECRET_HASH}
     */
    public HostedSignInStep hostedRespond(
            UserPool pool,
            UserPoolClient client,
            ChallengeName challenge,
            String session,
            String username,
            Map<String, String> answers,
            RequestContext context) {
        Map<String, String> responses = new LinkedHashMap<>(answers);
        responses.put("USERNAME", username);
        List<String> secrets = this.clientSecrets.values(client);
        if (!secrets.isEmpty()) {
            responses.put("SECRET_HASH", SecretHash.compute(secrets.get(0), username, client.clientId()));
        }
        RespondToAuthChallengeRequest request =
                new RespondToAuthChallengeRequest(pool.id(), client.clientId(), challenge, session, responses);
        switch (challenge) {
            case NEW_PASSWORD_REQUIRED:
                return hostedStep(answerNewPassword(pool, client, request, context, this::signedIn));
            case SMS_MFA:
            case EMAIL_OTP:
            case SOFTWARE_TOKEN_MFA:
            case SELECT_MFA_TYPE:
            case MFA_SETUP:
                return hostedStep(this.mfa.answer(
                        pool,
                        client,
                        challenge,
                        session,
                        responses,
                        context,
                        (signIn) -> afterSecondFactor(signIn, PASSWORD_AND_MFA, this::signedIn)));
            default:
                throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
    }

    /** Managed login's last step: the sign-in's event and post authentication trigger, and the user. */
    private Map<String, Object> signedIn(SignIn signIn, List<AuthEvent.ChallengeOutcome> passed) {
        this.authEvents.record(signIn.pool(), signIn.user(), AuthEvent.Type.SignIn, AuthEvent.Response.Pass, passed);
        this.triggers.postAuthentication(
                signIn.pool(), signIn.client().clientId(), signIn.user(), false, signIn.clientMetadata());
        Map<String, Object> done = new LinkedHashMap<>();
        done.put(SIGNED_IN_USER, signIn.user());
        done.put(SIGNED_IN_AT, this.clock.instant());
        return done;
    }

    private static final String SIGNED_IN_USER = "signedInUser";

    private static final String SIGNED_IN_AT = "signedInAt";

    /** A step of the sign-in's answers as managed login reads it. */
    private static HostedSignInStep hostedStep(Map<String, Object> answer) {
        if (answer.get(SIGNED_IN_USER) instanceof User user && answer.get(SIGNED_IN_AT) instanceof Instant at) {
            return new HostedSignInStep.SignedIn(user, at);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (answer.get("ChallengeParameters") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> parameters.put(String.valueOf(name), String.valueOf(value)));
        }
        return new HostedSignInStep.Challenge(
                ChallengeName.valueOf(String.valueOf(answer.get("ChallengeName"))),
                String.valueOf(answer.get("Session")),
                parameters);
    }

    /** What choice-based sign-in continues with once the user chose a first factor. */
    private ChoiceBasedSignIn.Steps choiceBasedSteps() {
        return new ChoiceBasedSignIn.Steps() {
            @Override
            public void checkCanSignIn(UserPoolClient client, User user) {
                AuthenticationActions.checkCanSignIn(client, user);
            }

            @Override
            public Map<String, Object> afterFirstFactor(SignIn signIn) {
                return AuthenticationActions.this.afterFirstFactor(signIn);
            }

            @Override
            public Map<String, Object> afterPasswordlessFactor(SignIn signIn) {
                return authenticated(signIn, AuthenticationActions.this.clock.instant(), null);
            }

            @Override
            public void checkPassword(UserPool pool, User user, String password) {
                AuthenticationActions.this.checkPassword(pool, user, password);
            }

            @Override
            public Map<String, Object> srpChallenge(
                    UserPool pool, UserPoolClient client, User user, String username, String srpA) {
                return AuthenticationActions.this.srp.challenge(pool, client, user, username, srpA);
            }
        };
    }

    private Map<String, Object> passwordAuth(
            UserPool pool, UserPoolClient client, InitiateAuthRequest request, RequestContext context) {
        requireFlow(client, request.authFlow());
        Map<String, String> parameters = request.authParameters();
        String username = requireParameter(parameters, "USERNAME");
        String password = requireParameter(parameters, "PASSWORD");
        Optional<User> found = this.users.findForSignIn(pool, username);
        SecretHash.check(
                client, this.clientSecrets.values(client), parameters.get("SECRET_HASH"), username, found.orElse(null));
        User user = passwordUser(pool, client, username, password, found, request.clientMetadata());
        return afterFirstFactor(new SignIn(pool, client, user, context, parameters.get(DEVICE_KEY)));
    }

    /**
     * The user whose password this is, through the user migration trigger when the pool does not know her, once
     * the pre authentication trigger let her in.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException with Cognito's answer otherwise
     */
    private User passwordUser(
            UserPool pool,
            UserPoolClient client,
            String username,
            String password,
            Optional<User> found,
            Map<String, String> clientMetadata) {
        if (found.isEmpty()) {
            found = this.triggers.migrateUser(
                    pool, client, "UserMigration_Authentication", username, password, clientMetadata);
        }
        if (found.isEmpty() && client.preventsUserExistenceErrors()) {
            // The trigger hears of an unknown user too, where the client hides that the user does not exist.
            this.triggers.preAuthentication(pool, client.clientId(), username, null, clientMetadata);
        }
        User user = found.orElseThrow(() -> client.preventsUserExistenceErrors()
                ? ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.")
                : Errors.userNotFound());
        checkCanSignIn(client, user);
        this.lockout.check(pool.id(), user.sub());
        this.triggers.preAuthentication(pool, client.clientId(), username, user, clientMetadata);
        checkPassword(pool, user, password);
        return user;
    }

    /**
     * Checks a password sent in clear against the user's, as an attempt reserved with the lockout first, so that a
     * locked-out user is refused and a wrong password is counted whatever runs at the same time.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code NotAuthorizedException}
     *     {@code Password attempts exceeded} while the user is locked out, {@code Incorrect username or password.}
     *     for a wrong password
     */
    private void checkPassword(UserPool pool, User user, String password) {
        SignInLockout.Attempt attempt = this.lockout.reserve(pool.id(), user.sub());
        boolean right = user.password() != null && user.password().matches(pool.idSuffix(), user.username(), password);
        if (right) {
            this.lockout.succeeded(attempt);
        }
        settled(pool, attempt);
        if (!right) {
            recordWrongPassword(pool, user);
            throw ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
        }
    }

    private Map<String, Object> srpAuth(UserPool pool, UserPoolClient client, InitiateAuthRequest request) {
        requireFlow(client, request.authFlow());
        Map<String, String> parameters = request.authParameters();
        String username = requireParameter(parameters, "USERNAME");
        String srpA = requireParameter(parameters, "SRP_A");
        // Refused by its length and digits before anything else is done for the request.
        SrpFlow.clientValue(srpA);
        Optional<User> found = this.users.findForSignIn(pool, username);
        SecretHash.check(
                client, this.clientSecrets.values(client), parameters.get("SECRET_HASH"), username, found.orElse(null));
        if (found.isEmpty()) {
            if (!client.preventsUserExistenceErrors()) {
                throw Errors.userNotFound();
            }
            return this.srp.challenge(pool, client, null, username, srpA);
        }
        checkCanSignIn(client, found.get());
        this.triggers.preAuthentication(pool, client.clientId(), username, found.get(), request.clientMetadata());
        return this.srp.challenge(pool, client, found.get(), username, srpA);
    }

    private Map<String, Object> refresh(
            UserPool pool, UserPoolClient client, InitiateAuthRequest request, RequestContext context) {
        String refreshToken = requireParameter(request.authParameters(), "REFRESH_TOKEN");
        String secretHash = request.authParameters().get("SECRET_HASH");
        List<String> secrets = this.clientSecrets.values(client);
        return refreshTokens(
                pool, client, refreshToken, request.authParameters().get(DEVICE_KEY), context, (user) -> {
                    if (!secrets.isEmpty()
                            && (secretHash == null
                                    || !SecretHash.matches(client, secrets, secretHash, user.username()))) {
                        throw ErrorType.NOT_AUTHORIZED.exception(
                                "SecretHash does not match for the client: " + client.clientId());
                    }
                });
    }

    /** GetTokensFromRefreshToken: the refresh flow, with the client secret itself instead of a secret hash. */
    Map<String, Object> getTokensFromRefreshToken(GetTokensFromRefreshTokenRequest request, RequestContext context) {
        UserPoolClient client = requireClient(null, request.clientId(), context);
        UserPool pool = poolOf(client);
        List<String> secrets = this.clientSecrets.values(client);
        return refreshTokens(pool, client, request.refreshToken(), request.deviceKey(), context, (user) -> {
            if (!SecretHash.isActiveSecret(secrets, request.clientSecret())) {
                throw ErrorType.NOT_AUTHORIZED.exception(
                        "Client secret does not match for the client: " + client.clientId());
            }
        });
    }

    /**
     * New ID and access tokens for the sign-in behind a refresh token, keeping its {@code auth_time} and
     * {@code origin_jti}; no new refresh token is issued.
     */
    private Map<String, Object> refreshTokens(
            UserPool pool,
            UserPoolClient client,
            String refreshToken,
            @Nullable String deviceKey,
            RequestContext context,
            java.util.function.Consumer<User> clientCheck) {
        if (!client.allowedFlows().contains(ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH)
                && client.allowedFlows().stream().noneMatch(ExplicitAuthFlow::isLegacy)) {
            throw Errors.invalidParameter("Refresh Token flow not enabled for this client");
        }
        RefreshSession session = this.tokens.presentedRefreshSession(refreshToken, client.clientId());
        User user = this.users
                .findBySub(pool, session.sub())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Invalid Refresh Token."));
        clientCheck.accept(user);
        if (!user.enabled()) {
            throw ErrorType.NOT_AUTHORIZED.exception("User is disabled.");
        }
        // After the disabled check: a disabled user is told so, and its revoked tokens stay revoked once enabled.
        this.tokens.requireUsable(session);
        return authenticated(new SignIn(pool, client, user, context, deviceKey), session.authTime(), session);
    }

    /** What stops a user whose password is right from signing in through {@code client}, as Cognito answers it. */
    static void checkCanSignIn(UserPoolClient client, User user) {
        if (!user.enabled()) {
            throw ErrorType.NOT_AUTHORIZED.exception("User is disabled.");
        }
        if (user.status() == UserStatus.UNCONFIRMED) {
            throw ErrorType.USER_NOT_CONFIRMED.exception("User is not confirmed.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            throw client.preventsUserExistenceErrors()
                    ? ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.")
                    : ErrorType.PASSWORD_RESET_REQUIRED.exception("Password reset required for the user");
        }
    }

    private Map<String, Object> newPasswordChallenge(SignIn signIn) {
        UserPool pool = signIn.pool();
        UserPoolClient client = signIn.client();
        User user = signIn.user();
        Instant now = this.clock.instant();
        Instant setAt = (user.passwordSetDate() != null) ? user.passwordSetDate() : user.createDate();
        if (!now.isBefore(setAt.plus(Duration.ofDays(pool.passwordPolicy().temporaryPasswordValidityDays())))) {
            throw ErrorType.NOT_AUTHORIZED.exception(
                    "Temporary password has expired and must be reset by an administrator.");
        }
        String session = this.sessions.open(new AuthSession(
                pool.id(),
                client.clientId(),
                user.sub(),
                ChallengeName.NEW_PASSWORD_REQUIRED,
                now.plus(Duration.ofMinutes(client.authSessionValidity())),
                (signIn.deviceKey() != null) ? Map.of(DEVICE_KEY, signIn.deviceKey()) : Map.of()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.NEW_PASSWORD_REQUIRED.name());
        response.put("Session", session);
        response.put("ChallengeParameters", NewPasswordChallenge.parameters(pool, user));
        return response;
    }

    /** Removes the lockout record an attempt created if its user was deleted meanwhile: it must not outlive her. */
    private void settled(UserPool pool, SignInLockout.Attempt attempt) {
        if (attempt.created() && this.users.findBySub(pool, attempt.sub()).isEmpty()) {
            this.lockout.forget(pool.id(), attempt.sub());
        }
    }

    /** Records a sign-in that failed on the password in the user's history; the lockout counted it already. */
    private void recordWrongPassword(UserPool pool, User user) {
        this.authEvents.record(
                pool,
                user,
                AuthEvent.Type.SignIn,
                AuthEvent.Response.Fail,
                List.of(AuthEvent.ChallengeOutcome.password(false)));
    }

    /** Tokens for a sign-in that passed its password, or for the sign-in behind {@code refreshedFrom}. */
    private Map<String, Object> authenticated(SignIn signIn, Instant authTime, @Nullable RefreshSession refreshedFrom) {
        return authenticated(signIn, authTime, refreshedFrom, PASSWORD_ONLY);
    }

    /**
     * Tokens for a sign-in that passed every step, or for the sign-in behind {@code refreshedFrom}.
     *
     * @param passed the challenges the sign-in passed, for its event in the user's history
     */
    private Map<String, Object> authenticated(
            SignIn signIn,
            Instant authTime,
            @Nullable RefreshSession refreshedFrom,
            List<AuthEvent.ChallengeOutcome> passed) {
        UserPool pool = signIn.pool();
        DeviceSignIn.TokenDevice device = this.devices.tokenDevice(signIn, refreshedFrom);
        if (refreshedFrom == null) {
            this.authEvents.record(pool, signIn.user(), AuthEvent.Type.SignIn, AuthEvent.Response.Pass, passed);
        }
        IssuedTokens issued = this.tokens.issue(new TokenRequest(
                pool,
                signIn.client(),
                signIn.user(),
                signIn.context().issuer(pool.id()),
                authTime,
                refreshedFrom,
                device.deviceKey(),
                signIn.clientMetadata()));
        this.devices.issued(signIn, device, issued.refreshToken());
        if (refreshedFrom == null) {
            this.triggers.postAuthentication(
                    pool,
                    signIn.client().clientId(),
                    signIn.user(),
                    device.newDeviceMetadata() != null,
                    signIn.clientMetadata());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("AccessToken", issued.accessToken());
        result.put("ExpiresIn", issued.expiresIn());
        result.put("TokenType", "Bearer");
        if (issued.refreshToken() != null) {
            result.put("RefreshToken", issued.refreshToken());
        }
        result.put("IdToken", issued.idToken());
        if (device.newDeviceMetadata() != null) {
            result.put("NewDeviceMetadata", device.newDeviceMetadata());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeParameters", Map.of());
        response.put("AuthenticationResult", result);
        return response;
    }

    private UserPoolClient requireClient(@Nullable String userPoolId, String clientId, RequestContext context) {
        if (userPoolId != null
                && this.pools.findInRegion(userPoolId, context.region()).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
        return this.clients
                .find(clientId)
                .filter((client) -> userPoolId == null || client.userPoolId().equals(userPoolId))
                .orElseThrow(() -> Errors.clientNotFound(clientId));
    }

    private UserPool poolOf(UserPoolClient client) {
        return this.pools.find(client.userPoolId()).orElseThrow(() -> Errors.clientNotFound(client.clientId()));
    }

    private static void requireFlow(UserPoolClient client, AuthFlow flow) {
        Set<ExplicitAuthFlow> allowed = client.allowedFlows();
        boolean enabled = switch (flow) {
            case USER_PASSWORD_AUTH ->
                allowed.contains(ExplicitAuthFlow.ALLOW_USER_PASSWORD_AUTH)
                        || allowed.contains(ExplicitAuthFlow.USER_PASSWORD_AUTH);
            case ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH ->
                allowed.contains(ExplicitAuthFlow.ALLOW_ADMIN_USER_PASSWORD_AUTH)
                        || allowed.contains(ExplicitAuthFlow.ADMIN_NO_SRP_AUTH);
            case USER_SRP_AUTH ->
                allowed.contains(ExplicitAuthFlow.ALLOW_USER_SRP_AUTH)
                        || allowed.stream().anyMatch(ExplicitAuthFlow::isLegacy);
            case CUSTOM_AUTH ->
                allowed.contains(ExplicitAuthFlow.ALLOW_CUSTOM_AUTH)
                        || allowed.contains(ExplicitAuthFlow.CUSTOM_AUTH_FLOW_ONLY);
            default -> false;
        };
        if (!enabled) {
            throw Errors.invalidParameter(
                    (flow == AuthFlow.USER_PASSWORD_AUTH)
                            ? "USER_PASSWORD_AUTH flow not enabled for this client"
                            : "Auth flow not enabled for this client");
        }
    }

    static String requireParameter(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw Errors.invalidParameter("Missing required parameter " + name);
        }
        return value;
    }

    /**
     * An InitiateAuth or AdminInitiateAuth request.
     *
     * @param admin whether it came through AdminInitiateAuth
     * @param userPoolId the pool, for AdminInitiateAuth
     * @param clientId the app client
     * @param authFlow the flow
     * @param authParameters the flow's parameters
     * @param clientMetadata the {@code ClientMetadata} for the triggers
     */
    record InitiateAuthRequest(
            boolean admin,
            @Nullable String userPoolId,
            String clientId,
            AuthFlow authFlow,
            Map<String, String> authParameters,
            Map<String, String> clientMetadata) {

        private static final StringShape AUTH_FLOW = StringShape.oneOf(
                Arrays.stream(AuthFlow.values()).map(Enum::name).toArray(String[]::new));

        InitiateAuthRequest(
                boolean admin,
                @Nullable String userPoolId,
                String clientId,
                AuthFlow authFlow,
                Map<String, String> authParameters) {
            this(admin, userPoolId, clientId, authFlow, authParameters, Map.of());
        }

        static InitiateAuthRequest parse(RequestReader in, boolean admin) {
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String authFlow = in.requiredString("AuthFlow", AUTH_FLOW);
            Map<String, String> parameters = in.stringMap("AuthParameters");
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document(admin ? "ContextData" : "UserContextData");
            in.string("Session", Shapes.SESSION);
            AuthFlow flow = Arrays.stream(AuthFlow.values())
                    .filter((f) -> f.name().equals(authFlow))
                    .findFirst()
                    .orElse(AuthFlow.USER_AUTH);
            return new InitiateAuthRequest(
                    admin,
                    userPoolId,
                    clientId,
                    flow,
                    (parameters != null) ? parameters : Map.of(),
                    (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the values of the parameters: passwords, refresh tokens, secret hashes. */
        @Override
        public String toString() {
            return "InitiateAuthRequest[admin=" + this.admin + ", userPoolId=" + this.userPoolId + ", clientId="
                    + this.clientId + ", authFlow=" + this.authFlow + ", authParameters="
                    + Redacted.values(this.authParameters) + "]";
        }
    }

    /**
     * A GetTokensFromRefreshToken request.
     *
     * @param refreshToken the refresh token
     * @param clientId the app client it was issued to
     * @param clientSecret the client secret, for clients with one
     * @param deviceKey the remembered device the client signs in from, or {@code null}
     */
    record GetTokensFromRefreshTokenRequest(
            String refreshToken,
            String clientId,
            @Nullable String clientSecret,
            @Nullable String deviceKey) {

        static GetTokensFromRefreshTokenRequest parse(RequestReader in) {
            String refreshToken = in.requiredString("RefreshToken", Shapes.ACCESS_TOKEN);
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String clientSecret = in.string("ClientSecret", Shapes.CLIENT_SECRET);
            String deviceKey = in.string("DeviceKey", StringShape.length(1, 55).pattern("[\\w-]+_[0-9a-f-]+"));
            in.stringMap("ClientMetadata");
            return new GetTokensFromRefreshTokenRequest(refreshToken, clientId, clientSecret, deviceKey);
        }

        /** A description without the refresh token and the client secret. */
        @Override
        public String toString() {
            return "GetTokensFromRefreshTokenRequest[refreshToken=" + Redacted.secret(this.refreshToken) + ", clientId="
                    + this.clientId + ", clientSecret=" + Redacted.secret(this.clientSecret) + ", deviceKey="
                    + this.deviceKey
                    + "]";
        }
    }

    /**
     * A RespondToAuthChallenge or AdminRespondToAuthChallenge request.
     *
     * @param userPoolId the pool, for the admin action
     * @param clientId the app client
     * @param challengeName the challenge answered
     * @param session the session from the challenge
     * @param challengeResponses the answers
     * @param clientMetadata the {@code ClientMetadata} for the triggers
     */
    record RespondToAuthChallengeRequest(
            @Nullable String userPoolId,
            String clientId,
            ChallengeName challengeName,
            @Nullable String session,
            Map<String, String> challengeResponses,
            Map<String, String> clientMetadata) {

        private static final StringShape CHALLENGE_NAME = StringShape.oneOf(
                Arrays.stream(ChallengeName.values()).map(Enum::name).toArray(String[]::new));

        RespondToAuthChallengeRequest(
                @Nullable String userPoolId,
                String clientId,
                ChallengeName challengeName,
                @Nullable String session,
                Map<String, String> challengeResponses) {
            this(userPoolId, clientId, challengeName, session, challengeResponses, Map.of());
        }

        static RespondToAuthChallengeRequest parse(RequestReader in, boolean admin) {
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String challenge = in.requiredString("ChallengeName", CHALLENGE_NAME);
            String session = in.string("Session", Shapes.SESSION);
            Map<String, String> responses = in.stringMap("ChallengeResponses");
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document(admin ? "ContextData" : "UserContextData");
            ChallengeName name = Arrays.stream(ChallengeName.values())
                    .filter((c) -> c.name().equals(challenge))
                    .findFirst()
                    .orElse(ChallengeName.PASSWORD);
            return new RespondToAuthChallengeRequest(
                    userPoolId,
                    clientId,
                    name,
                    session,
                    (responses != null) ? responses : Map.of(),
                    (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the session and the values of the answers: passwords, signatures, secret hashes. */
        @Override
        public String toString() {
            return "RespondToAuthChallengeRequest[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId
                    + ", challengeName=" + this.challengeName + ", session=" + Redacted.secret(this.session)
                    + ", challengeResponses=" + Redacted.values(this.challengeResponses) + "]";
        }
    }
}
