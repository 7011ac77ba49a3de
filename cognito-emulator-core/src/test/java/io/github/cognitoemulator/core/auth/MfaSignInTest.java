package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfaSignInTest {

    private static final String TOKEN = "SoftwareTokenMfaSettings";

    private static final String SMS = "SMSMfaSettings";

    private static final String EMAIL = "EmailMfaSettings";

    private static final String WRONG = "400 CodeMismatchException: Invalid code received for user";

    private final SignInFixture fixture = SignInFixture.create();

    private final MfaFixture mfa = new MfaFixture(this.fixture);

    private final String poolId = this.mfa.createPool("OPTIONAL", true, true, true);

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private String alice() {
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550123");
        return accessToken("alice");
    }

    private String accessToken(String username) {
        return SignInFixture.tokens(signIn(username)).accessToken();
    }

    private Reply signIn(String username) {
        return this.fixture.signIn(this.client.id(), username, SignInFixture.PASSWORD);
    }

    private Instant now() {
        return this.fixture.clock().instant();
    }

    private Reply respond(String challenge, Reply challenged, String... answers) {
        return this.mfa.respond(this.client.id(), challenge, challenged.string("Session"), answers);
    }

    private String latestCode() {
        return this.fixture.latestCode(this.poolId, "alice");
    }

    /** Alice with a verified token she prefers; the clock then moves to the next step, past the code used. */
    private String aliceWithToken() {
        String secret = this.mfa.setUpSoftwareToken(alice(), "phone");
        this.mfa.setPreference(accessToken("alice"), TOKEN, true, true).requireSuccess();
        this.fixture.clock().advance(Duration.ofSeconds(30));
        return secret;
    }

    @Test
    void optionalMfaWithNothingEnabledIssuesTokens() {
        alice();

        assertThat(signIn("alice").map("AuthenticationResult")).isNotNull();
    }

    @Test
    void aPreferredTokenIsAskedForWithItsName() {
        aliceWithToken();

        Reply reply = signIn("alice").requireSuccess();

        assertThat(reply.json()).containsOnlyKeys("ChallengeName", "Session", "ChallengeParameters");
        assertThat(reply.string("ChallengeName")).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(MfaFixture.parameters(reply))
                .isEqualTo(Map.of("FRIENDLY_DEVICE_NAME", "phone", "USER_ID_FOR_SRP", "alice"));
        assertThat(reply.string("Session")).isNotBlank();
    }

    @Test
    void aTokenWithoutANameIsAskedForWithoutOne() {
        String accessToken = alice();
        String secret = this.fixture
                .call("AssociateSoftwareToken", Map.of("AccessToken", accessToken))
                .string("SecretCode");
        this.fixture
                .call(
                        "VerifySoftwareToken",
                        Map.of("AccessToken", accessToken, "UserCode", MfaFixture.code(secret, now())))
                .requireSuccess();
        this.mfa.setPreference(accessToken, TOKEN, true, false).requireSuccess();

        assertThat(MfaFixture.parameters(signIn("alice"))).isEqualTo(Map.of("USER_ID_FOR_SRP", "alice"));
    }

    @Test
    void theRightTotpCodeIssuesTokens() {
        String secret = aliceWithToken();
        Reply challenged = signIn("alice");

        Reply reply = respond(
                "SOFTWARE_TOKEN_MFA",
                challenged,
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                MfaFixture.code(secret, now()));

        SignInFixture.Tokens tokens = SignInFixture.tokens(reply);
        assertThat(SignInFixture.payload(tokens.idToken())).containsEntry("cognito:username", "alice");
        assertThat(reply.map("ChallengeParameters")).isEmpty();
        assertThat(respond(
                                "SOFTWARE_TOKEN_MFA",
                                challenged,
                                "USERNAME",
                                "alice",
                                "SOFTWARE_TOKEN_MFA_CODE",
                                MfaFixture.code(secret, now().plusSeconds(30)))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void aTotpCodeWorksOncePerStepAcrossSignIns() {
        String secret = aliceWithToken();
        String code = MfaFixture.code(secret, now());
        SignInFixture.tokens(
                respond("SOFTWARE_TOKEN_MFA", signIn("alice"), "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code));

        Reply again = signIn("alice");
        assertThat(respond("SOFTWARE_TOKEN_MFA", again, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code)
                        .error())
                .isEqualTo("400 ExpiredCodeException: Your software token has already been used once.");
        this.fixture.clock().advance(Duration.ofSeconds(30));
        SignInFixture.tokens(respond(
                "SOFTWARE_TOKEN_MFA",
                again,
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                MfaFixture.code(secret, now())));
    }

    @Test
    void wrongTotpCodesAreMismatchesAndTheThirdClosesTheSession() {
        String secret = aliceWithToken();
        Reply challenged = signIn("alice");
        String wrong = MfaFixture.code(secret, now().plus(Duration.ofMinutes(10)));

        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", wrong)
                        .error())
                .isEqualTo(WRONG);
        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", wrong)
                        .error())
                .isEqualTo(WRONG);
        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", wrong)
                        .error())
                .isEqualTo(WRONG);
        assertThat(respond(
                                "SOFTWARE_TOKEN_MFA",
                                challenged,
                                "USERNAME",
                                "alice",
                                "SOFTWARE_TOKEN_MFA_CODE",
                                MfaFixture.code(secret, now()))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void aRightTotpCodeAfterTwoWrongOnesWorks() {
        String secret = aliceWithToken();
        Reply challenged = signIn("alice");
        String wrong = MfaFixture.code(secret, now().plus(Duration.ofMinutes(10)));
        respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", wrong);
        respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", wrong);

        SignInFixture.tokens(respond(
                "SOFTWARE_TOKEN_MFA",
                challenged,
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                MfaFixture.code(secret, now())));
    }

    @Test
    void anExpiredMfaSessionIsRefused() {
        String secret = aliceWithToken();
        Reply challenged = signIn("alice");
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThat(respond(
                                "SOFTWARE_TOKEN_MFA",
                                challenged,
                                "USERNAME",
                                "alice",
                                "SOFTWARE_TOKEN_MFA_CODE",
                                MfaFixture.code(secret, now()))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");
    }

    @Test
    void theAnswerMustNameTheUserAndCarryTheCodeAndTheSession() {
        String secret = aliceWithToken();
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        Reply challenged = signIn("alice");
        String code = MfaFixture.code(secret, now());

        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "SOFTWARE_TOKEN_MFA_CODE", code)
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter USERNAME");
        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice")
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter SOFTWARE_TOKEN_MFA_CODE");
        assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", code)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
        assertThat(respond("SMS_MFA", challenged, "USERNAME", "alice", "SMS_MFA_CODE", code)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
        assertThat(this.fixture
                        .call(
                                "RespondToAuthChallenge",
                                Map.of(
                                        "ClientId", this.client.id(),
                                        "ChallengeName", "SOFTWARE_TOKEN_MFA",
                                        "ChallengeResponses",
                                                Map.of("USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code)))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter Session");
        SignInFixture.tokens(
                respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code));
    }

    @Test
    void anSmsCodeIsSentToThePhoneNumber() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("SMS_MFA");
        assertThat(MfaFixture.parameters(challenged))
                .isEqualTo(Map.of(
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS",
                        "CODE_DELIVERY_DESTINATION", "+*******0123",
                        "USER_ID_FOR_SRP", "alice"));
        Message message = this.fixture.emulator().inbox().latest(this.poolId, "alice");
        assertThat(message.destination()).isEqualTo("+15555550123");
        assertThat(respond("SMS_MFA", challenged, "USERNAME", "alice", "SMS_MFA_CODE", "000000")
                        .error())
                .isEqualTo(WRONG.replace("000000", ""));
        SignInFixture.tokens(respond("SMS_MFA", challenged, "USERNAME", "alice", "SMS_MFA_CODE", message.code()));
    }

    @Test
    void anEmailCodeIsSentToTheEmailAddress() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, EMAIL, true, true).requireSuccess();

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("EMAIL_OTP");
        assertThat(MfaFixture.parameters(challenged))
                .isEqualTo(Map.of(
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL",
                        "CODE_DELIVERY_DESTINATION", "a***@e***",
                        "USER_ID_FOR_SRP", "alice"));
        assertThat(respond("EMAIL_OTP", challenged, "USERNAME", "alice").error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter EMAIL_OTP_CODE");
        SignInFixture.tokens(respond("EMAIL_OTP", challenged, "USERNAME", "alice", "EMAIL_OTP_CODE", latestCode()));
    }

    @Test
    void twoFactorsWithoutAPreferenceAreOfferedToChoose() {
        String secret = this.mfa.setUpSoftwareToken(alice(), "phone");
        String accessToken = accessToken("alice");
        this.mfa.setPreference(accessToken, TOKEN, true, false).requireSuccess();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();
        this.fixture.clock().advance(Duration.ofSeconds(30));

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("SELECT_MFA_TYPE");
        assertThat(MfaFixture.parameters(challenged))
                .isEqualTo(
                        Map.of("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", "USER_ID_FOR_SRP", "alice"));
        assertThat(respond("SELECT_MFA_TYPE", challenged, "USERNAME", "alice", "ANSWER", "EMAIL_OTP")
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid ANSWER: EMAIL_OTP is not one of MFAS_CAN_CHOOSE.");
        Reply chosen = respond("SELECT_MFA_TYPE", challenged, "USERNAME", "alice", "ANSWER", "SOFTWARE_TOKEN_MFA");
        assertThat(chosen.string("ChallengeName")).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(chosen.string("Session")).isNotEqualTo(challenged.string("Session"));
        assertThat(respond("SELECT_MFA_TYPE", challenged, "USERNAME", "alice", "ANSWER", "SMS_MFA")
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
        SignInFixture.tokens(respond(
                "SOFTWARE_TOKEN_MFA",
                chosen,
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                MfaFixture.code(secret, now())));
    }

    @Test
    void emailMfaIsAlsoChosenAsEmailMfa() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();
        this.mfa.setPreference(accessToken, EMAIL, true, false).requireSuccess();
        Reply challenged = signIn("alice");
        assertThat(MfaFixture.parameters(challenged)).containsEntry("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"EMAIL_OTP\"]");

        Reply chosen = respond("SELECT_MFA_TYPE", challenged, "USERNAME", "alice", "ANSWER", "EMAIL_MFA");

        assertThat(chosen.string("ChallengeName")).isEqualTo("EMAIL_OTP");
        SignInFixture.tokens(respond("EMAIL_OTP", chosen, "USERNAME", "alice", "EMAIL_OTP_CODE", latestCode()));
    }

    @Test
    void thePreferredFactorIsAskedForAmongSeveral() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();
        this.mfa.setPreference(accessToken, EMAIL, true, true).requireSuccess();

        assertThat(signIn("alice").string("ChallengeName")).isEqualTo("EMAIL_OTP");
    }

    @Test
    void mfaOffAsksForNothing() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        this.mfa.setMfaConfig(this.poolId, "OFF", false, false, false).requireSuccess();

        assertThat(signIn("alice").map("AuthenticationResult")).isNotNull();
    }

    @Test
    void aFactorThePoolNoLongerOffersIsNotAskedForButAVerifiedTokenIs() {
        String secret = this.mfa.setUpSoftwareToken(alice(), "phone");
        String accessToken = accessToken("alice");
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        this.mfa.setPreference(accessToken, EMAIL, true, false).requireSuccess();
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", false, true, false).requireSuccess();
        assertThat(signIn("alice").map("AuthenticationResult")).isNotNull();

        this.mfa.setPreference(accessToken, TOKEN, true, false).requireSuccess();
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", true, false, false).requireSuccess();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();
        this.fixture.clock().advance(Duration.ofSeconds(30));

        Reply challenged = signIn("alice");
        assertThat(challenged.string("ChallengeName")).isEqualTo("SELECT_MFA_TYPE");
        assertThat(MfaFixture.parameters(challenged))
                .containsEntry("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]");
        assertThat(secret).isNotBlank();
    }

    @Test
    void aFactorWhoseDestinationIsGoneIsNotAskedFor() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        this.mfa.setPreference(accessToken, EMAIL, true, false).requireSuccess();
        this.fixture
                .call(
                        "AdminDeleteUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "UserAttributeNames",
                                List.of("phone_number", "email")))
                .requireSuccess();

        assertThat(signIn("alice").map("AuthenticationResult")).isNotNull();
    }

    @Test
    void requiredMfaSendsACodeWhereTheUserCanReceiveOne() {
        this.mfa.setMfaConfig(this.poolId, "ON", true, true, false).requireSuccess();
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "phone_number", "+15555550123");

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("SMS_MFA");
        SignInFixture.tokens(respond("SMS_MFA", challenged, "USERNAME", "alice", "SMS_MFA_CODE", latestCode()));
    }

    @Test
    void requiredMfaOffersAChoiceOfTheDestinationsTheUserHas() {
        this.mfa.setMfaConfig(this.poolId, "ON", true, true, true).requireSuccess();
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550123");

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("SELECT_MFA_TYPE");
        assertThat(MfaFixture.parameters(challenged)).containsEntry("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"EMAIL_OTP\"]");
    }

    @Test
    void requiredMfaWithNothingToReceiveACodeAsksForSetup() {
        this.mfa.setMfaConfig(this.poolId, "ON", true, true, true).requireSuccess();
        this.fixture.createConfirmedUser(this.poolId, "carol", SignInFixture.PASSWORD);

        Reply challenged = signIn("carol");

        assertThat(challenged.string("ChallengeName")).isEqualTo("MFA_SETUP");
        assertThat(MfaFixture.parameters(challenged))
                .isEqualTo(Map.of(
                        "MFAS_CAN_SETUP",
                        "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]",
                        "USER_ID_FOR_SRP",
                        "carol"));
    }

    @Test
    void mfaSetupWithASoftwareTokenCompletesTheSignIn() {
        this.mfa.setMfaConfig(this.poolId, "ON", false, true, false).requireSuccess();
        this.fixture.createConfirmedUser(this.poolId, "carol", SignInFixture.PASSWORD);
        Reply challenged = signIn("carol");
        assertThat(MfaFixture.parameters(challenged)).containsEntry("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]");

        Reply associated = this.fixture
                .call("AssociateSoftwareToken", Map.of("Session", challenged.string("Session")))
                .requireSuccess();
        assertThat(associated.json()).containsOnlyKeys("SecretCode", "Session");
        String secret = associated.string("SecretCode");
        assertThat(this.fixture
                        .call("AssociateSoftwareToken", Map.of("Session", challenged.string("Session")))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
        assertThat(respond("MFA_SETUP", associated, "USERNAME", "carol").error())
                .isEqualTo("400 InvalidParameterException: User has not verified software token mfa");

        Reply verified = this.fixture
                .call(
                        "VerifySoftwareToken",
                        Map.of(
                                "Session",
                                associated.string("Session"),
                                "UserCode",
                                MfaFixture.code(secret, now()),
                                "FriendlyDeviceName",
                                "tablet"))
                .requireSuccess();
        assertThat(verified.json()).containsOnlyKeys("Status", "Session");
        assertThat(verified.string("Status")).isEqualTo("SUCCESS");

        SignInFixture.Tokens tokens = SignInFixture.tokens(respond("MFA_SETUP", verified, "USERNAME", "carol"));
        Map<String, Object> user = this.fixture.getUser(tokens.accessToken()).json();
        assertThat(user)
                .containsEntry("PreferredMfaSetting", "SOFTWARE_TOKEN_MFA")
                .containsEntry("UserMFASettingList", List.of("SOFTWARE_TOKEN_MFA"));

        this.fixture.clock().advance(Duration.ofSeconds(30));
        Reply next = signIn("carol");
        assertThat(next.string("ChallengeName")).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(MfaFixture.parameters(next)).containsEntry("FRIENDLY_DEVICE_NAME", "tablet");
    }

    @Test
    void aWrongCodeDuringSetupKeepsTheSessionForAnotherTry() {
        this.mfa.setMfaConfig(this.poolId, "ON", false, true, false).requireSuccess();
        this.fixture.createConfirmedUser(this.poolId, "carol", SignInFixture.PASSWORD);
        Reply associated = this.fixture
                .call(
                        "AssociateSoftwareToken",
                        Map.of("Session", signIn("carol").string("Session")))
                .requireSuccess();
        String secret = associated.string("SecretCode");
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("Session", associated.string("Session"));
        wrong.put("UserCode", MfaFixture.code(secret, now().plus(Duration.ofMinutes(5))));

        assertThat(this.fixture.call("VerifySoftwareToken", wrong).error())
                .isEqualTo("400 EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA");
        wrong.put("UserCode", MfaFixture.code(secret, now()));
        assertThat(this.fixture.call("VerifySoftwareToken", wrong).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordIsFollowedByMfa() {
        this.mfa.setMfaConfig(this.poolId, "ON", true, false, false).requireSuccess();
        this.fixture.createUser(this.poolId, "dave", "phone_number", "+15555550177");
        Reply newPassword = this.fixture.signIn(this.client.id(), "dave", SignInFixture.TEMPORARY_PASSWORD);
        assertThat(newPassword.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");

        Reply challenged = this.mfa.respond(
                this.client.id(),
                "NEW_PASSWORD_REQUIRED",
                newPassword.string("Session"),
                "USERNAME",
                "dave",
                "NEW_PASSWORD",
                SignInFixture.PASSWORD);

        assertThat(challenged.string("ChallengeName")).isEqualTo("SMS_MFA");
        SignInFixture.tokens(this.mfa.respond(
                this.client.id(),
                "SMS_MFA",
                challenged.string("Session"),
                "USERNAME",
                "dave",
                "SMS_MFA_CODE",
                this.fixture.latestCode(this.poolId, "dave")));
    }

    @Test
    void aClientWithASecretNeedsTheSecretHashWithTheAnswer() {
        AppClient secretClient = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        String accessToken = alice();
        this.mfa.setPreference(accessToken, EMAIL, true, true).requireSuccess();
        String hash = SignInFixture.secretHash(secretClient.secret(), "alice", secretClient.id());
        Reply challenged = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_PASSWORD_AUTH",
                        "ClientId", secretClient.id(),
                        "AuthParameters",
                                Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD, "SECRET_HASH", hash)));
        String code = latestCode();

        assertThat(this.mfa
                        .respond(
                                secretClient.id(),
                                "EMAIL_OTP",
                                challenged.string("Session"),
                                "USERNAME",
                                "alice",
                                "EMAIL_OTP_CODE",
                                code)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Client " + secretClient.id()
                        + " is configured with secret but SECRET_HASH was not received");
        SignInFixture.tokens(this.mfa.respond(
                secretClient.id(),
                "EMAIL_OTP",
                challenged.string("Session"),
                "USERNAME",
                "alice",
                "EMAIL_OTP_CODE",
                code,
                "SECRET_HASH",
                hash));
    }

    @Test
    void adminSignInsAnswerMfaThroughTheAdminAction() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        AppClient adminClient = this.fixture.createClient(
                this.poolId,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        Reply challenged = this.fixture.call(
                "AdminInitiateAuth",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        adminClient.id(),
                        "AuthFlow",
                        "ADMIN_USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD)));
        assertThat(challenged.string("ChallengeName")).isEqualTo("SMS_MFA");

        Reply reply = this.fixture.call(
                "AdminRespondToAuthChallenge",
                Map.of(
                        "UserPoolId", this.poolId,
                        "ClientId", adminClient.id(),
                        "ChallengeName", "SMS_MFA",
                        "Session", challenged.string("Session"),
                        "ChallengeResponses", Map.of("USERNAME", "alice", "SMS_MFA_CODE", latestCode())));

        SignInFixture.tokens(reply);
    }

    @Test
    void reusedCodesDoNotCountAsWrongAnswers() {
        String secret = aliceWithToken();
        String used = MfaFixture.code(secret, now());
        SignInFixture.tokens(
                respond("SOFTWARE_TOKEN_MFA", signIn("alice"), "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", used));
        Reply challenged = signIn("alice");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(respond("SOFTWARE_TOKEN_MFA", challenged, "USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", used)
                            .error())
                    .isEqualTo("400 ExpiredCodeException: Your software token has already been used once.");
        }
        SignInFixture.tokens(respond(
                "SOFTWARE_TOKEN_MFA",
                challenged,
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                MfaFixture.code(secret, now().plusSeconds(30))));
    }

    @Test
    void requiredMfaAsksForSetupWhenThePoolSendsNoCodes() {
        this.mfa.setMfaConfig(this.poolId, "ON", false, true, false).requireSuccess();
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550123");

        Reply challenged = signIn("alice");

        assertThat(challenged.string("ChallengeName")).isEqualTo("MFA_SETUP");
    }

    @Test
    void theAnswerMayNameTheUserByAnAlias() {
        String aliasPool = this.fixture.createPool(Map.of(
                "AliasAttributes", List.of("email"),
                "EmailConfiguration", MfaFixture.DEVELOPER_SES,
                "SmsConfiguration", MfaFixture.SMS_CONFIGURATION));
        this.mfa.setMfaConfig(aliasPool, "ON", false, false, true).requireSuccess();
        AppClient aliasClient = this.fixture.createPasswordClient(aliasPool);
        this.fixture.createConfirmedUser(
                aliasPool, "erin", SignInFixture.PASSWORD, "email", "erin@example.com", "email_verified", "true");
        Reply challenged = this.fixture.signIn(aliasClient.id(), "erin@example.com", SignInFixture.PASSWORD);
        assertThat(challenged.string("ChallengeName")).isEqualTo("EMAIL_OTP");

        SignInFixture.tokens(this.mfa.respond(
                aliasClient.id(),
                "EMAIL_OTP",
                challenged.string("Session"),
                "USERNAME",
                "erin@example.com",
                "EMAIL_OTP_CODE",
                this.fixture.latestCode(aliasPool, "erin")));
    }
}
