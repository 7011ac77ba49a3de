package io.github.cognitoemulator.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfaActionsTest {

    private static final String TOKEN = "SoftwareTokenMfaSettings";

    private static final String SMS = "SMSMfaSettings";

    private static final String EMAIL = "EmailMfaSettings";

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final MfaFixture mfa = new MfaFixture(this.fixture);

    private final String poolId = this.mfa.createPool("OPTIONAL", true, true, true);

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private String signIn(String username, String... attributes) {
        this.fixture.createConfirmedUser(this.poolId, username, SignInFixture.PASSWORD, attributes);
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), username, SignInFixture.PASSWORD))
                .accessToken();
    }

    private String alice() {
        return signIn("alice", "email", "alice@example.com", "phone_number", "+15555550123");
    }

    private Reply associate(String accessToken) {
        return this.fixture.call("AssociateSoftwareToken", Map.of("AccessToken", accessToken));
    }

    private Reply verify(String accessToken, String code) {
        return this.fixture.call("VerifySoftwareToken", Map.of("AccessToken", accessToken, "UserCode", code));
    }

    private Map<String, Object> mfaMembers(String accessToken) {
        Map<String, Object> json =
                this.fixture.getUser(accessToken).requireSuccess().json();
        json.keySet().retainAll(List.of("MFAOptions", "PreferredMfaSetting", "UserMFASettingList"));
        return json;
    }

    private Map<String, Object> adminMfaMembers(String username) {
        Map<String, Object> json = this.fixture
                .adminGetUser(this.poolId, username)
                .requireSuccess()
                .json();
        json.keySet().retainAll(List.of("MFAOptions", "PreferredMfaSetting", "UserMFASettingList"));
        return json;
    }

    private Instant now() {
        return this.fixture.clock().instant();
    }

    @Test
    void associateHandsOutAFiftyTwoCharacterBase32Secret() {
        Reply reply = associate(alice()).requireSuccess();

        assertThat(reply.json()).containsOnlyKeys("SecretCode");
        assertThat(reply.string("SecretCode")).matches("[A-Z2-7]{52}");
    }

    @Test
    void eachAssociationHasItsOwnSecret() {
        String accessToken = alice();

        assertThat(associate(accessToken).string("SecretCode"))
                .isNotEqualTo(associate(accessToken).string("SecretCode"));
    }

    @Test
    void softwareTokensNeedThePoolToOfferThem() {
        String accessToken = alice();
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", true, false, false).requireSuccess();

        assertThat(associate(accessToken).error())
                .isEqualTo(
                        "400 SoftwareTokenMFANotFoundException: Software Token MFA has not been enabled by the userPool.");
        assertThat(verify(accessToken, "123456").error())
                .isEqualTo(
                        "400 SoftwareTokenMFANotFoundException: Software Token MFA has not been enabled by the userPool.");
    }

    @Test
    void anAccessTokenOrASessionIsNeededButNotBoth() {
        String accessToken = alice();

        assertThat(this.fixture.call("AssociateSoftwareToken", Map.of()).error())
                .isEqualTo("400 InvalidParameterException: " + MfaActions.ACCESS_TOKEN_OR_SESSION);
        assertThat(this.fixture
                        .call("AssociateSoftwareToken", Map.of("AccessToken", accessToken, "Session", "x".repeat(40)))
                        .error())
                .isEqualTo("400 InvalidParameterException: " + MfaActions.ACCESS_TOKEN_OR_SESSION);
        assertThat(this.fixture
                        .call("VerifySoftwareToken", Map.of("UserCode", "123456"))
                        .error())
                .isEqualTo("400 InvalidParameterException: " + MfaActions.ACCESS_TOKEN_OR_SESSION);
    }

    @Test
    void aSessionThatIsNoMfaSetupSessionIsRefused() {
        assertThat(this.fixture
                        .call("AssociateSoftwareToken", Map.of("Session", "x".repeat(40)))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void theRightCodeVerifiesTheTokenWithoutEnablingIt() {
        String accessToken = alice();
        String secret = associate(accessToken).string("SecretCode");

        Reply reply = verify(accessToken, MfaFixture.code(secret, now())).requireSuccess();

        assertThat(reply.body()).isEqualTo("{\"Status\":\"SUCCESS\"}");
        assertThat(mfaMembers(accessToken)).isEmpty();
        assertThat(this.mfa.setPreference(accessToken, TOKEN, true, true).status())
                .isEqualTo(200);
    }

    @Test
    void aWrongCodeFailsToEnableTheToken() {
        String accessToken = alice();
        String secret = associate(accessToken).string("SecretCode");
        String wrong = MfaFixture.code(secret, now().plus(Duration.ofMinutes(5)));

        assertThat(verify(accessToken, wrong).error())
                .isEqualTo("400 EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA");
        assertThat(this.mfa.setPreference(accessToken, TOKEN, true, false).error())
                .isEqualTo("400 InvalidParameterException: User has not verified software token mfa");
    }

    @Test
    void verifyingWithoutAnAssociatedTokenIsRefused() {
        assertThat(verify(alice(), "123456").error())
                .isEqualTo("400 SoftwareTokenMFANotFoundException: User has not set up software token mfa");
    }

    @Test
    void codesOfTheNeighbouringStepsAreAcceptedButNotTwoStepsAway() {
        String accessToken = alice();
        String secret = associate(accessToken).string("SecretCode");

        assertThat(verify(accessToken, MfaFixture.code(secret, now().minusSeconds(60)))
                        .error())
                .startsWith("400 EnableSoftwareTokenMFAException");
        assertThat(verify(accessToken, MfaFixture.code(secret, now().plusSeconds(60)))
                        .error())
                .startsWith("400 EnableSoftwareTokenMFAException");
        assertThat(verify(accessToken, MfaFixture.code(secret, now().minusSeconds(30)))
                        .status())
                .isEqualTo(200);
        String next = associate(accessToken).string("SecretCode");
        assertThat(verify(accessToken, MfaFixture.code(next, now().plusSeconds(30)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCodeIsAcceptedOncePerTimeStep() {
        String accessToken = alice();
        String secret = associate(accessToken).string("SecretCode");
        verify(accessToken, MfaFixture.code(secret, now())).requireSuccess();
        String again = associate(accessToken).string("SecretCode");

        // The new token's code for the step already used, and for the one before it, are both too old.
        assertThat(verify(accessToken, MfaFixture.code(again, now())).error())
                .isEqualTo("400 ExpiredCodeException: Your software token has already been used once.");
        assertThat(verify(accessToken, MfaFixture.code(again, now().minusSeconds(30)))
                        .error())
                .isEqualTo("400 ExpiredCodeException: Your software token has already been used once.");
        this.fixture.clock().advance(Duration.ofSeconds(30));
        assertThat(verify(accessToken, MfaFixture.code(again, now())).status()).isEqualTo(200);
    }

    @Test
    void aNewTokenReplacesTheOldOneOnlyOnceVerified() {
        String accessToken = alice();
        String first = this.mfa.setUpSoftwareToken(accessToken, "phone");
        this.mfa.setPreference(accessToken, TOKEN, true, true).requireSuccess();
        associate(accessToken).requireSuccess();

        UserMfa state = new UserMfaDirectory(this.store.resources(), this.fixture.clock())
                .find(
                        this.poolId,
                        this.fixture
                                .adminGetUser(this.poolId, "alice")
                                .attributes("UserAttributes")
                                .get("sub"));

        assertThat(state.secret()).isEqualTo(first);
        assertThat(state.pendingSecret()).isNotNull().isNotEqualTo(first);
        assertThat(state.friendlyDeviceName()).isEqualTo("phone");
        assertThat(this.mfa.setPreference(accessToken, TOKEN, true, true).status())
                .isEqualTo(200);
    }

    @Test
    void preferringATokenNeedsOneSetUpAndVerified() {
        String accessToken = alice();

        assertThat(this.mfa.setPreference(accessToken, TOKEN, true, true).error())
                .isEqualTo("400 InvalidParameterException: User has not set up software token mfa");
        associate(accessToken).requireSuccess();
        assertThat(this.mfa.setPreference(accessToken, TOKEN, true, true).error())
                .isEqualTo("400 InvalidParameterException: User has not verified software token mfa");
        assertThat(mfaMembers(accessToken)).isEmpty();
    }

    @Test
    void aPreferredTokenShowsInGetUserAndAdminGetUser() {
        String accessToken = alice();
        this.mfa.setUpSoftwareToken(accessToken, "phone");

        Reply reply = this.mfa.setPreference(accessToken, TOKEN, true, true);

        assertThat(reply.requireSuccess().body()).isEqualTo("{}");
        Map<String, Object> expected = Map.of(
                "PreferredMfaSetting", "SOFTWARE_TOKEN_MFA", "UserMFASettingList", List.of("SOFTWARE_TOKEN_MFA"));
        assertThat(mfaMembers(accessToken)).isEqualTo(expected);
        assertThat(adminMfaMembers("alice")).isEqualTo(expected);
    }

    @Test
    void smsMfaShowsTheLegacyMfaOptionsToo() {
        String accessToken = alice();

        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();

        assertThat(mfaMembers(accessToken))
                .isEqualTo(Map.of(
                        "MFAOptions",
                        List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number")),
                        "UserMFASettingList",
                        List.of("SMS_MFA")));
    }

    @Test
    void smsMfaNeedsAPhoneNumberAndThePoolToOfferIt() {
        String accessToken = signIn("bob", "email", "bob@example.com");

        assertThat(this.mfa.setPreference(accessToken, SMS, true, false).error())
                .isEqualTo("400 InvalidParameterException: User does not have a phone_number to use for SMS MFA.");
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", false, true, true).requireSuccess();
        assertThat(this.mfa.setPreference(accessToken, SMS, true, false).error())
                .isEqualTo("400 InvalidParameterException: SMS MFA is not enabled for the user pool.");
    }

    @Test
    void emailMfaNeedsAnEmailAddressAndThePoolToOfferIt() {
        String accessToken = signIn("bob", "phone_number", "+15555550199");

        assertThat(this.mfa.setPreference(accessToken, EMAIL, true, true).error())
                .isEqualTo("400 InvalidParameterException: User does not have an email to use for email MFA.");
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", true, true, false).requireSuccess();
        assertThat(this.mfa.setPreference(accessToken, EMAIL, true, true).error())
                .isEqualTo("400 InvalidParameterException: Email MFA is not enabled for the user pool.");
    }

    @Test
    void disablingFactorsNeedsNothingSetUp() {
        String accessToken = signIn("bob");
        this.mfa.setMfaConfig(this.poolId, "OPTIONAL", false, true, false).requireSuccess();

        assertThat(this.mfa.setPreference(accessToken, EMAIL, false, false).status())
                .isEqualTo(200);
        assertThat(this.mfa.setPreference(accessToken, SMS, false, false).status())
                .isEqualTo(200);
        assertThat(this.mfa.setPreference(accessToken, TOKEN, false, true).status())
                .isEqualTo(200);
        assertThat(mfaMembers(accessToken)).isEmpty();
    }

    @Test
    void emailMfaEnabledAndPreferred() {
        String accessToken = alice();

        this.mfa.setPreference(accessToken, EMAIL, true, true).requireSuccess();

        assertThat(mfaMembers(accessToken))
                .isEqualTo(Map.of("PreferredMfaSetting", "EMAIL_OTP", "UserMFASettingList", List.of("EMAIL_OTP")));
    }

    @Test
    void onlyOneFactorCanBePreferred() {
        String accessToken = alice();

        Reply reply = this.fixture.call(
                "SetUserMFAPreference",
                Map.of(
                        "AccessToken",
                        accessToken,
                        SMS,
                        Map.of("Enabled", true, "PreferredMfa", true),
                        EMAIL,
                        Map.of("Enabled", true, "PreferredMfa", true)));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Only one MFA type can be preferred.");
        assertThat(mfaMembers(accessToken)).isEmpty();
    }

    @Test
    void preferringAnotherFactorMovesThePreferenceAndDisablingThePreferredOneDropsIt() {
        String accessToken = alice();
        this.fixture
                .call(
                        "SetUserMFAPreference",
                        Map.of(
                                "AccessToken",
                                accessToken,
                                SMS,
                                Map.of("Enabled", true, "PreferredMfa", true),
                                EMAIL,
                                Map.of("Enabled", true, "PreferredMfa", false)))
                .requireSuccess();
        assertThat(mfaMembers(accessToken)).containsEntry("PreferredMfaSetting", "SMS_MFA");

        this.mfa.setPreference(accessToken, EMAIL, true, true).requireSuccess();
        assertThat(mfaMembers(accessToken))
                .containsEntry("PreferredMfaSetting", "EMAIL_OTP")
                .containsEntry("UserMFASettingList", List.of("SMS_MFA", "EMAIL_OTP"));

        this.mfa.setPreference(accessToken, EMAIL, false, false).requireSuccess();
        assertThat(mfaMembers(accessToken))
                .doesNotContainKey("PreferredMfaSetting")
                .containsEntry("UserMFASettingList", List.of("SMS_MFA"));
    }

    @Test
    void enabledButNotPreferredLeavesAnotherPreferenceAlone() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();

        this.mfa.setPreference(accessToken, EMAIL, true, false).requireSuccess();
        this.mfa.setPreference(accessToken, SMS, true, false).requireSuccess();

        assertThat(mfaMembers(accessToken)).doesNotContainKey("PreferredMfaSetting");
    }

    @Test
    void adminSetUserMfaPreferenceNamesTheUserByUsernameOrAlias() {
        String accessToken = alice();

        this.mfa.adminSetPreference(this.poolId, "alice", SMS, true, true).requireSuccess();

        assertThat(mfaMembers(accessToken)).containsEntry("PreferredMfaSetting", "SMS_MFA");
        assertThat(adminMfaMembers("alice")).containsEntry("UserMFASettingList", List.of("SMS_MFA"));
        assertThat(this.mfa
                        .adminSetPreference(this.poolId, "nobody", SMS, true, true)
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.mfa
                        .adminSetPreference("us-east-1_Nowhere0", "alice", SMS, true, true)
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_Nowhere0 does not exist.");
    }

    @Test
    void theAccessTokenIsCheckedAsByTheOtherSelfServiceActions() {
        String accessToken = alice();
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(associate(accessToken).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
        assertThat(this.mfa.setPreference(accessToken, SMS, true, true).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();
        assertThat(this.fixture
                        .call("SetUserSettings", Map.of("AccessToken", accessToken, "MFAOptions", List.of()))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User does not exist.");
    }

    @Test
    void setUserSettingsTurnsSmsMfaOnAndOff() {
        String accessToken = alice();

        this.fixture
                .call(
                        "SetUserSettings",
                        Map.of(
                                "AccessToken",
                                accessToken,
                                "MFAOptions",
                                List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number"))))
                .requireSuccess();
        assertThat(mfaMembers(accessToken))
                .containsEntry("MFAOptions", List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number")))
                .containsEntry("UserMFASettingList", List.of("SMS_MFA"));

        Reply off = this.fixture.call("SetUserSettings", Map.of("AccessToken", accessToken, "MFAOptions", List.of()));
        assertThat(off.requireSuccess().body()).isEqualTo("{}");
        assertThat(mfaMembers(accessToken)).isEmpty();
    }

    @Test
    void setUserSettingsKeepsAPreferenceForSmsAndTheOtherFactors() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        this.mfa.setPreference(accessToken, EMAIL, true, false).requireSuccess();

        this.fixture
                .call(
                        "SetUserSettings",
                        Map.of(
                                "AccessToken",
                                accessToken,
                                "MFAOptions",
                                List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number"))))
                .requireSuccess();

        assertThat(mfaMembers(accessToken))
                .containsEntry("PreferredMfaSetting", "SMS_MFA")
                .containsEntry("UserMFASettingList", List.of("SMS_MFA", "EMAIL_OTP"));
    }

    @Test
    void legacyMfaOptionsAreSmsToThePhoneNumberOnly() {
        String accessToken = alice();
        String message = "400 InvalidParameterException: Only SMS to phone_number is supported as an MFA option.";

        assertThat(this.fixture
                        .call(
                                "SetUserSettings",
                                Map.of(
                                        "AccessToken",
                                        accessToken,
                                        "MFAOptions",
                                        List.of(Map.of("DeliveryMedium", "EMAIL", "AttributeName", "email"))))
                        .error())
                .isEqualTo(message);
        assertThat(this.fixture
                        .call(
                                "SetUserSettings",
                                Map.of(
                                        "AccessToken",
                                        accessToken,
                                        "MFAOptions",
                                        List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "email"))))
                        .error())
                .isEqualTo(message);
    }

    @Test
    void legacySmsMfaNeedsAPhoneNumber() {
        signIn("bob");

        assertThat(this.fixture
                        .call(
                                "AdminSetUserSettings",
                                Map.of(
                                        "UserPoolId",
                                        this.poolId,
                                        "Username",
                                        "bob",
                                        "MFAOptions",
                                        List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number"))))
                        .error())
                .isEqualTo("400 InvalidParameterException: User does not have a phone_number to use for SMS MFA.");
    }

    @Test
    void adminSetUserSettingsTurnsSmsMfaOn() {
        alice();

        this.fixture
                .call(
                        "AdminSetUserSettings",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "MFAOptions",
                                List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number"))))
                .requireSuccess();

        assertThat(adminMfaMembers("alice")).containsEntry("UserMFASettingList", List.of("SMS_MFA"));
    }

    @Test
    void usersWithoutMfaShowNoMfaMembers() {
        String accessToken = alice();

        assertThat(this.fixture.getUser(accessToken).json()).containsOnlyKeys("Username", "UserAttributes");
        assertThat(adminMfaMembers("alice")).isEmpty();
    }

    @Test
    void aDeletedUsersMfaStateGoesWithIt() {
        String accessToken = alice();
        this.mfa.setPreference(accessToken, SMS, true, true).requireSuccess();
        assertThat(this.store.resources().list(UserMfaDirectory.USER_MFA, this.poolId))
                .hasSize(1);

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.store.resources().list(UserMfaDirectory.USER_MFA, this.poolId))
                .isEmpty();
    }

    @Test
    void aCodeForAUserWithoutAVerifiedTokenIsRefused() {
        alice();
        UserMfaDirectory directory = new UserMfaDirectory(this.store.resources(), this.fixture.clock());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> directory.useCode(this.poolId, "some-sub", "123456", "mismatch")))
                .hasMessage("User has not verified software token mfa");
    }

    @Test
    void stateCannotBeWrittenForAPoolThatIsGone() {
        UserMfaDirectory directory = new UserMfaDirectory(this.store.resources(), this.fixture.clock());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> directory.associate("us-east-1_NoSuchPool", "some-sub", "SECRET")))
                .hasMessage("User does not exist.");
        assertThat(directory.find("us-east-1_NoSuchPool", "some-sub"))
                .isEqualTo(UserMfa.none("us-east-1_NoSuchPool", "some-sub"));
    }
}
