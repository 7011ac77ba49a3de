package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.passkey.SoftwarePasskey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceBasedSignInTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String INVALID_SESSION = "400 NotAuthorizedException: Invalid session for the user.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = pool(List.of("PASSWORD", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP"));

    private final AppClient client = client(this.poolId);

    private final SoftwarePasskey passkey = new SoftwarePasskey("https://example.com");

    ChoiceBasedSignInTest() {
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true");
    }

    private String pool(List<String> factors) {
        String poolId = this.fixture.createPool(
                Map.of("Policies", Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", factors))));
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "MfaConfiguration",
                                "OFF",
                                "WebAuthnConfiguration",
                                Map.of("RelyingPartyId", "example.com")))
                .requireSuccess();
        return poolId;
    }

    private AppClient client(String poolId) {
        return this.fixture.createClient(
                poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
    }

    private Reply initiate(String username, Map<String, String> extra) {
        return initiate("InitiateAuth", this.client, username, extra);
    }

    private Reply initiate(String action, AppClient client, String username, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>(extra);
        parameters.put("USERNAME", username);
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.startsWith("Admin")) {
            body.put("UserPoolId", this.poolId);
        }
        body.put("AuthFlow", "USER_AUTH");
        body.put("ClientId", client.id());
        body.put("AuthParameters", parameters);
        return this.fixture.call(action, body);
    }

    private Reply respond(String challenge, String session, Map<String, String> responses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", this.client.id());
        body.put("ChallengeName", challenge);
        if (session != null) {
            body.put("Session", session);
        }
        body.put("ChallengeResponses", responses);
        return this.fixture.call("RespondToAuthChallenge", body);
    }

    private String accessToken() {
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
    }

    /** Registers a passkey of {@link #passkey} for alice. */
    private void registerPasskey() {
        String token = accessToken();
        Map<String, Object> options = this.fixture
                .call("StartWebAuthnRegistration", Map.of("AccessToken", token))
                .requireSuccess()
                .map("CredentialCreationOptions");
        this.fixture
                .call(
                        "CompleteWebAuthnRegistration",
                        Map.of("AccessToken", token, "Credential", this.passkey.register(options)))
                .requireSuccess();
    }

    @Test
    void withoutAPreferenceTheUserSelectsAmongWhatItHasSetUp() {
        Reply reply = initiate("alice", Map.of());

        assertThat(reply.string("ChallengeName")).isEqualTo("SELECT_CHALLENGE");
        assertThat(reply.json().get("AvailableChallenges"))
                .isEqualTo(List.of("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP"));
        assertThat(reply.map("ChallengeParameters")).isEmpty();
        assertThat(reply.string("Session")).isNotBlank();
        assertThat(reply.json()).doesNotContainKey("AuthenticationResult");
    }

    @Test
    void aPasskeyBecomesAvailableOnceRegistered() {
        registerPasskey();

        assertThat(initiate("alice", Map.of()).json().get("AvailableChallenges"))
                .isEqualTo(List.of("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"));
    }

    @Test
    void onlyThePoolsFirstFactorsAreOffered() {
        String poolId = pool(List.of("PASSWORD"));
        AppClient client = client(poolId);
        this.fixture.createConfirmedUser(
                poolId, "bob", SignInFixture.PASSWORD, "email", "bob@example.com", "email_verified", "true");

        Reply reply = initiate("InitiateAuth", client, "bob", Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP"));

        assertThat(reply.json().get("AvailableChallenges")).isEqualTo(List.of("PASSWORD", "PASSWORD_SRP"));
    }

    @Test
    void codesGoOnlyToVerifiedAddresses() {
        this.fixture.createConfirmedUser(
                this.poolId, "bob", SignInFixture.PASSWORD, "email", "bob@example.com", "phone_number", "+15555550101");

        assertThat(initiate("bob", Map.of()).json().get("AvailableChallenges"))
                .isEqualTo(List.of("PASSWORD", "PASSWORD_SRP"));
    }

    @Test
    void liteLeavesOnlyPasswords() {
        String poolId = this.fixture.createPool(Map.of(
                "UserPoolTier",
                "LITE",
                "Policies",
                Map.of(
                        "SignInPolicy",
                        Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP")))));
        AppClient client = client(poolId);
        this.fixture.createConfirmedUser(
                poolId,
                "bob",
                SignInFixture.PASSWORD,
                "email",
                "bob@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550101",
                "phone_number_verified",
                "true");

        assertThat(initiate("InitiateAuth", client, "bob", Map.of()).json().get("AvailableChallenges"))
                .isEqualTo(List.of("PASSWORD", "PASSWORD_SRP"));
    }

    @Test
    void aPreferredPasswordSignsInAtOnce() {
        Reply reply = initiate("alice", Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
        assertThat(reply.map("ChallengeParameters")).isEmpty();
    }

    @Test
    void aWrongPreferredPasswordIsRefused() {
        assertThat(initiate("alice", Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", "wrong"))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void aPreferredPasswordNeedsThePassword() {
        assertThat(initiate("alice", Map.of("PREFERRED_CHALLENGE", "PASSWORD")).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter PASSWORD");
    }

    @Test
    void aPreferenceTheUserCannotUseFallsBackToTheSelection() {
        Reply reply = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));

        assertThat(reply.string("ChallengeName")).isEqualTo("SELECT_CHALLENGE");
    }

    @Test
    void theAdminActionServesTheFlowToo() {
        Reply reply = initiate(
                "AdminInitiateAuth",
                this.client,
                "alice",
                Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(reply).idToken()).isNotBlank();
    }

    @Test
    void theClientMustAllowTheFlow() {
        AppClient passwordOnly = this.fixture.createPasswordClient(this.poolId);

        assertThat(initiate("InitiateAuth", passwordOnly, "alice", Map.of()).error())
                .isEqualTo("400 InvalidParameterException: Auth flow not enabled for this client");
    }

    @Test
    void anUnknownUserIsNotFoundUnlessTheClientHidesIt() {
        assertThat(initiate("nobody", Map.of()).error()).isEqualTo("400 UserNotFoundException: User does not exist.");
        AppClient hiding = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                        "PreventUserExistenceErrors",
                        "ENABLED"));
        assertThat(initiate("InitiateAuth", hiding, "nobody", Map.of()).error()).isEqualTo(INCORRECT);
    }

    @Test
    void aDisabledUserCannotStart() {
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(initiate("alice", Map.of()).error()).isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void aUserWithNothingToSignInWithIsRefused() {
        String passwordless = pool(List.of("WEB_AUTHN"));
        AppClient client = client(passwordless);
        this.fixture.createConfirmedUser(passwordless, "carol", SignInFixture.PASSWORD);

        assertThat(initiate("InitiateAuth", client, "carol", Map.of()).error()).isEqualTo(INCORRECT);
    }

    @Test
    void theSelectedPasswordSignsIn() {
        String session = initiate("alice", Map.of()).string("Session");

        Reply reply = respond(
                "SELECT_CHALLENGE",
                session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
        assertThat(respond(
                                "SELECT_CHALLENGE",
                                session,
                                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo(INVALID_SESSION);
    }

    @Test
    void theChallengeCanBeAnsweredByName() {
        String session = initiate("alice", Map.of()).string("Session");

        Reply reply = respond("PASSWORD", session, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
    }

    @Test
    void anAnswerThatIsNotAvailableIsRefused() {
        String session = initiate("alice", Map.of()).string("Session");

        assertThat(respond("SELECT_CHALLENGE", session, Map.of("USERNAME", "alice", "ANSWER", "WEB_AUTHN"))
                        .error())
                .isEqualTo("400 InvalidParameterException: The challenge WEB_AUTHN is not available for the user.");
    }

    @Test
    void answersNeedTheUsernameTheAnswerAndTheSession() {
        String session = initiate("alice", Map.of()).string("Session");

        assertThat(respond("SELECT_CHALLENGE", session, Map.of("ANSWER", "PASSWORD"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter USERNAME");
        assertThat(respond("SELECT_CHALLENGE", null, Map.of("USERNAME", "alice", "ANSWER", "PASSWORD"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter Session");
        assertThat(respond("SELECT_CHALLENGE", session, Map.of("USERNAME", "alice"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter ANSWER");
    }

    @Test
    void theAnswerMustNameTheSessionsUser() {
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        String session = initiate("alice", Map.of()).string("Session");

        assertThat(respond(
                                "SELECT_CHALLENGE",
                                session,
                                Map.of("USERNAME", "bob", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo(INVALID_SESSION);
    }

    @Test
    void theAnswerMayNameTheUserByItsEmail() {
        String poolId = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        AppClient client = client(poolId);
        this.fixture.createConfirmedUser(
                poolId,
                "bob@example.com",
                SignInFixture.PASSWORD,
                "email",
                "bob@example.com",
                "email_verified",
                "true");
        String session =
                initiate("InitiateAuth", client, "bob@example.com", Map.of()).string("Session");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", client.id());
        body.put("ChallengeName", "SELECT_CHALLENGE");
        body.put("Session", session);
        body.put(
                "ChallengeResponses",
                Map.of("USERNAME", "bob@example.com", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(this.fixture.call("RespondToAuthChallenge", body))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void theSessionExpiresWithTheClientsValidity() {
        String session = initiate("alice", Map.of()).string("Session");
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThat(respond(
                                "SELECT_CHALLENGE",
                                session,
                                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");
    }

    @Test
    void aTemporaryPasswordMustBeChanged() {
        this.fixture.createUser(this.poolId, "bob");

        Reply reply = initiate(
                "bob", Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", SignInFixture.TEMPORARY_PASSWORD));

        assertThat(reply.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void aPreferredSrpContinuesWithThePasswordVerifier() {
        IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 7);

        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.srpA()));

        assertThat(challenge.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        Map<String, String> answer = srp.answer(
                challenge.map("ChallengeParameters"),
                SignInFixture.PASSWORD,
                IndependentSrpClient.timestamp(SignInFixture.START));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", this.client.id());
        body.put("ChallengeName", "PASSWORD_VERIFIER");
        body.put("ChallengeResponses", answer);
        assertThat(SignInFixture.tokens(this.fixture.call("RespondToAuthChallenge", body))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void theSelectedSrpNeedsItsPublicValue() {
        String session = initiate("alice", Map.of()).string("Session");
        IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 8);

        assertThat(respond("PASSWORD_SRP", session, Map.of("USERNAME", "alice")).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter SRP_A");
        String again = initiate("alice", Map.of()).string("Session");
        assertThat(respond("PASSWORD_SRP", again, Map.of("USERNAME", "alice", "SRP_A", srp.srpA()))
                        .string("ChallengeName"))
                .isEqualTo("PASSWORD_VERIFIER");
    }

    @Test
    void aMalformedSrpAIsAnInvalidParameterWhetherPreferredOrSelected() {
        // As at USER_SRP_AUTH (amazon-cognito-identity-js issue #356); the message is the emulator's.
        assertThat(initiate("alice", Map.of("PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", "-1"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid SRP_A value.");
        String session = initiate("alice", Map.of()).string("Session");
        assertThat(respond("PASSWORD_SRP", session, Map.of("USERNAME", "alice", "SRP_A", "0"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid SRP_A value.");
    }

    @Test
    void aPasskeySignsInWithoutAPassword() {
        registerPasskey();

        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));

        assertThat(challenge.string("ChallengeName")).isEqualTo("WEB_AUTHN");
        String options = challenge.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS");
        assertThat(options)
                .contains("\"rpId\":\"example.com\"")
                .contains("\"timeout\":180000")
                .contains("\"userVerification\":\"preferred\"");
        Reply reply = respond(
                "WEB_AUTHN",
                challenge.string("Session"),
                Map.of("USERNAME", "alice", "CREDENTIAL", this.passkey.authenticate(options)));
        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
    }

    @Test
    void theSelectedPasskeyIsChallenged() {
        registerPasskey();
        String session = initiate("alice", Map.of()).string("Session");

        Reply challenge = respond("SELECT_CHALLENGE", session, Map.of("USERNAME", "alice", "ANSWER", "WEB_AUTHN"));

        assertThat(challenge.string("ChallengeName")).isEqualTo("WEB_AUTHN");
        Reply reply = respond(
                "WEB_AUTHN",
                challenge.string("Session"),
                Map.of(
                        "USERNAME",
                        "alice",
                        "CREDENTIAL",
                        this.passkey.authenticate(
                                challenge.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"))));
        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
    }

    @Test
    void aSignatureCounterThatWentBackIsRefused() {
        registerPasskey();
        Reply first = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        Reply second = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        String earlier = this.passkey.authenticate(first.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"));
        String later = this.passkey.authenticate(second.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"));

        SignInFixture.tokens(
                respond("WEB_AUTHN", second.string("Session"), Map.of("USERNAME", "alice", "CREDENTIAL", later)));

        assertThat(respond("WEB_AUTHN", first.string("Session"), Map.of("USERNAME", "alice", "CREDENTIAL", earlier))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void anAssertionForAnotherChallengeOrOriginIsRefused() {
        registerPasskey();
        Reply first = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        Reply second = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        String forFirst = this.passkey.authenticate(first.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"));
        this.passkey.useOrigin("https://evil.example.org");
        String elsewhere =
                this.passkey.authenticate(second.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"));

        assertThat(respond("WEB_AUTHN", second.string("Session"), Map.of("USERNAME", "alice", "CREDENTIAL", forFirst))
                        .error())
                .isEqualTo(INCORRECT);
        Reply third = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        assertThat(respond("WEB_AUTHN", third.string("Session"), Map.of("USERNAME", "alice", "CREDENTIAL", elsewhere))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void aMalformedOrUnknownCredentialIsRefused() {
        registerPasskey();
        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));

        assertThat(respond(
                                "WEB_AUTHN",
                                challenge.string("Session"),
                                Map.of("USERNAME", "alice", "CREDENTIAL", "{\"id\":\"AAAA\"}"))
                        .error())
                .isEqualTo(INCORRECT);
        Reply again = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        assertThat(respond("WEB_AUTHN", again.string("Session"), Map.of("USERNAME", "alice"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter CREDENTIAL");
    }

    @Test
    void anEmailCodeSignsInWithoutAPassword() {
        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP"));

        assertThat(challenge.string("ChallengeName")).isEqualTo("EMAIL_OTP");
        assertThat(challenge.string("ChallengeParameters", "CODE_DELIVERY_DELIVERY_MEDIUM"))
                .isEqualTo("EMAIL");
        String code = this.fixture.latestCode(this.poolId, "alice");
        Reply reply =
                respond("EMAIL_OTP", challenge.string("Session"), Map.of("USERNAME", "alice", "EMAIL_OTP_CODE", code));
        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
    }

    @Test
    void anSmsCodeChosenFromTheSelectionSignsIn() {
        String session = initiate("alice", Map.of()).string("Session");

        Reply challenge = respond("SELECT_CHALLENGE", session, Map.of("USERNAME", "alice", "ANSWER", "SMS_OTP"));

        assertThat(challenge.string("ChallengeName")).isEqualTo("SMS_OTP");
        String code = this.fixture.latestCode(this.poolId, "alice");
        assertThat(respond(
                                "SMS_OTP",
                                challenge.string("Session"),
                                Map.of(
                                        "USERNAME",
                                        "alice",
                                        "SMS_OTP_CODE",
                                        "000000".equals(code) ? "111111" : "000000"))
                        .error())
                .isEqualTo("400 CodeMismatchException: Invalid code received for user");
        Reply reply =
                respond("SMS_OTP", challenge.string("Session"), Map.of("USERNAME", "alice", "SMS_OTP_CODE", code));
        assertThat(SignInFixture.tokens(reply).accessToken()).isNotBlank();
    }

    @Test
    void aCodeAnswerNeedsTheCode() {
        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP"));

        assertThat(respond("EMAIL_OTP", challenge.string("Session"), Map.of("USERNAME", "alice"))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter EMAIL_OTP_CODE");
    }

    @Test
    void reportsTheFactorsTheUserHasSetUp() {
        Reply before = this.fixture.call("GetUserAuthFactors", Map.of("AccessToken", accessToken()));
        assertThat(before.requireSuccess().json())
                .isEqualTo(Map.of(
                        "Username", "alice", "ConfiguredUserAuthFactors", List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP")));

        registerPasskey();

        Reply after =
                this.fixture.call("AdminGetUserAuthFactors", Map.of("UserPoolId", this.poolId, "Username", "alice"));
        assertThat(after.requireSuccess().json().get("ConfiguredUserAuthFactors"))
                .isEqualTo(List.of("PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"));
    }

    @Test
    void adminFactorsOfAnUnknownUserOrPool() {
        assertThat(this.fixture
                        .call("AdminGetUserAuthFactors", Map.of("UserPoolId", this.poolId, "Username", "nobody"))
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call("AdminGetUserAuthFactors", Map.of("UserPoolId", "us-east-1_nope", "Username", "alice"))
                        .error())
                .startsWith("400 ResourceNotFoundException");
    }

    @Test
    void aDisabledUserGetsNoFactors() {
        String token = accessToken();
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture
                        .call("GetUserAuthFactors", Map.of("AccessToken", token))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
    }

    @Test
    void aClientWithASecretNeedsTheSecretHash() {
        AppClient withSecret = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                        "GenerateSecret",
                        true));
        String hash = SignInFixture.secretHash(withSecret.secret(), "alice", withSecret.id());

        assertThat(initiate("InitiateAuth", withSecret, "alice", Map.of()).error())
                .isEqualTo("400 NotAuthorizedException: Client " + withSecret.id()
                        + " is configured with secret but SECRET_HASH was not received");
        String session = initiate("InitiateAuth", withSecret, "alice", Map.of("SECRET_HASH", hash))
                .string("Session");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", withSecret.id());
        body.put("ChallengeName", "PASSWORD");
        body.put("Session", session);
        body.put("ChallengeResponses", Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD));
        assertThat(this.fixture.call("RespondToAuthChallenge", body).error())
                .isEqualTo("400 NotAuthorizedException: Client " + withSecret.id()
                        + " is configured with secret but SECRET_HASH was not received");
    }

    @Test
    void aUserDisabledAfterTheSelectionCannotAnswer() {
        String session = initiate("alice", Map.of()).string("Session");
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(respond("PASSWORD", session, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void aUserDeletedAfterTheSelectionCannotAnswer() {
        String session = initiate("alice", Map.of()).string("Session");
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(respond("PASSWORD", session, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo(INVALID_SESSION);
        assertThat(this.fixture
                        .call("GetUserAuthFactors", Map.of("AccessToken", "x.y.z"))
                        .error())
                .startsWith("400 NotAuthorizedException");
    }

    @Test
    void aDeletedUsersTokenGetsNoFactors() {
        String token = accessToken();
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture
                        .call("GetUserAuthFactors", Map.of("AccessToken", token))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User does not exist.");
    }

    @Test
    void aSelectionSessionDoesNotAnswerThePasskeyChallengeNorTheOtherWayRound() {
        registerPasskey();
        String selection = initiate("alice", Map.of()).string("Session");
        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));
        String credential =
                this.passkey.authenticate(challenge.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS"));

        assertThat(respond("WEB_AUTHN", selection, Map.of("USERNAME", "alice", "CREDENTIAL", credential))
                        .error())
                .isEqualTo(INVALID_SESSION);
        assertThat(respond(
                                "PASSWORD",
                                challenge.string("Session"),
                                Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo(INVALID_SESSION);
    }

    @Test
    void passkeysAskForUserVerificationAsThePoolSays() {
        registerPasskey();
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "MfaConfiguration",
                                "OFF",
                                "WebAuthnConfiguration",
                                Map.of("RelyingPartyId", "example.com", "UserVerification", "required")))
                .requireSuccess();

        Reply challenge = initiate("alice", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"));

        String options = challenge.string("ChallengeParameters", "CREDENTIAL_REQUEST_OPTIONS");
        assertThat(options).contains("\"userVerification\":\"required\"").contains("\"allowCredentials\":[{");
        assertThat(SignInFixture.tokens(respond(
                                "WEB_AUTHN",
                                challenge.string("Session"),
                                Map.of("USERNAME", "alice", "CREDENTIAL", this.passkey.authenticate(options))))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void aPasskeyNeedsTheRelyingPartyStill() {
        String poolId = this.fixture.createPool(Map.of(
                "Policies",
                Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "WEB_AUTHN")))));
        AppClient client = client(poolId);
        this.fixture.createConfirmedUser(poolId, "bob", SignInFixture.PASSWORD);
        this.fixture
                .call("CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "bobs-app"))
                .requireSuccess();
        String token = SignInFixture.tokens(this.fixture.signIn(client.id(), "bob", SignInFixture.PASSWORD))
                .accessToken();
        Map<String, Object> options = this.fixture
                .call("StartWebAuthnRegistration", Map.of("AccessToken", token))
                .requireSuccess()
                .map("CredentialCreationOptions");
        SoftwarePasskey domainPasskey = new SoftwarePasskey("https://bobs-app.auth.us-east-1.amazoncognito.com");
        this.fixture
                .call(
                        "CompleteWebAuthnRegistration",
                        Map.of("AccessToken", token, "Credential", domainPasskey.register(options)))
                .requireSuccess();
        this.fixture
                .call("DeleteUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "bobs-app"))
                .requireSuccess();

        assertThat(initiate("InitiateAuth", client, "bob", Map.of("PREFERRED_CHALLENGE", "WEB_AUTHN"))
                        .error())
                .isEqualTo("400 WebAuthnConfigurationMissingException: The user pool has no relying party id for"
                        + " passkeys: set WebAuthnConfiguration.RelyingPartyId or add a domain.");
    }

    @Test
    void theAdminActionAnswersToo() {
        String session =
                initiate("AdminInitiateAuth", this.client, "alice", Map.of()).string("Session");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("ClientId", this.client.id());
        body.put("ChallengeName", "SELECT_CHALLENGE");
        body.put("Session", session);
        body.put(
                "ChallengeResponses",
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(SignInFixture.tokens(this.fixture.call("AdminRespondToAuthChallenge", body))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void theFactorsIncludeTheMfaPreference() {
        MfaFixture mfa = new MfaFixture(this.fixture);
        String poolId = mfa.createPool("OPTIONAL", true, false, false);
        this.fixture.createConfirmedUser(
                poolId, "bob", SignInFixture.PASSWORD, "phone_number", "+15555550101", "phone_number_verified", "true");
        mfa.adminSetPreference(poolId, "bob", "SMSMfaSettings", true, true).requireSuccess();

        Reply factors = this.fixture.call("AdminGetUserAuthFactors", Map.of("UserPoolId", poolId, "Username", "bob"));

        assertThat(factors.requireSuccess().json())
                .isEqualTo(Map.of(
                        "Username",
                        "bob",
                        "PreferredMfaSetting",
                        "SMS_MFA",
                        "UserMFASettingList",
                        List.of("SMS_MFA"),
                        "ConfiguredUserAuthFactors",
                        List.of("PASSWORD")));
    }

    @Test
    void aPasswordChosenWithUserAuthStillAsksForMfa() {
        MfaFixture mfa = new MfaFixture(this.fixture);
        String poolId = mfa.createPool("ON", true, false, false);
        AppClient client = client(poolId);
        this.fixture.createConfirmedUser(
                poolId, "bob", SignInFixture.PASSWORD, "phone_number", "+15555550101", "phone_number_verified", "true");

        Reply reply = initiate(
                "InitiateAuth",
                client,
                "bob",
                Map.of("PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(reply.string("ChallengeName")).isEqualTo("SMS_MFA");
    }
}
