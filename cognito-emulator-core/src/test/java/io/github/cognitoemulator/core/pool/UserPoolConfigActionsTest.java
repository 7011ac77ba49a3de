package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserPoolConfigActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private Reply update(String poolId, Map<String, ?> members) {
        Map<String, Object> body = new LinkedHashMap<>(members);
        body.put("UserPoolId", poolId);
        return this.fixture.call("UpdateUserPool", body);
    }

    private Reply describe(String poolId) {
        return this.fixture
                .call("DescribeUserPool", Map.of("UserPoolId", poolId))
                .requireSuccess();
    }

    @Test
    void updateAnswersAnEmptyObject() {
        String poolId = this.fixture.createPool();

        Reply reply = update(poolId, Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
    }

    @Test
    void updateOfAnUnknownPoolIsNotFound() {
        assertThat(update("us-east-1_missing00", Map.of()).error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void updateOfAPoolOfAnotherRegionIsNotFound() {
        String poolId = "eu-west-1_" + this.fixture.createPool().substring("us-east-1_".length());

        assertThat(update(poolId, Map.of()).error()).startsWith("400 ResourceNotFoundException");
    }

    @Test
    void membersLeftOutGoBackToCognitosDefaults() {
        String poolId = this.fixture.createPool(Map.of(
                "Policies", Map.of("PasswordPolicy", Map.of("MinimumLength", 12, "RequireSymbols", false)),
                "AutoVerifiedAttributes", List.of("email"),
                "DeletionProtection", "ACTIVE",
                "LambdaConfig", Map.of("PreSignUp", "arn:aws:lambda:us-east-1:000000000000:function:f"),
                "EmailVerificationSubject", "Hello",
                "DeviceConfiguration", Map.of("ChallengeRequiredOnNewDevice", true),
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
                "UserPoolTags", Map.of("team", "a")));

        update(poolId, Map.of()).requireSuccess();

        Map<String, Object> pool = describe(poolId).map("UserPool");
        assertThat(pool.get("Policies"))
                .isEqualTo(Map.of(
                        "PasswordPolicy",
                        Map.of(
                                "MinimumLength", 8,
                                "RequireUppercase", true,
                                "RequireLowercase", true,
                                "RequireNumbers", true,
                                "RequireSymbols", true,
                                "TemporaryPasswordValidityDays", 7),
                        "SignInPolicy",
                        Map.of("AllowedFirstAuthFactors", List.of("PASSWORD"))));
        assertThat(pool)
                .doesNotContainKeys("AutoVerifiedAttributes", "EmailVerificationSubject", "DeviceConfiguration");
        assertThat(pool.get("DeletionProtection")).isEqualTo("INACTIVE");
        assertThat(pool.get("LambdaConfig")).isEqualTo(Map.of());
        assertThat(pool.get("AdminCreateUserConfig"))
                .isEqualTo(Map.of("AllowAdminCreateUserOnly", false, "UnusedAccountValidityDays", 7));
        assertThat(pool.get("UserPoolTags")).isEqualTo(Map.of());
        assertThat(pool.get("MfaConfiguration")).isEqualTo("OFF");
    }

    @Test
    void updateKeepsWhatItCannotChange() {
        String poolId = this.fixture.createPool(Map.of(
                "PoolName", "original",
                "UsernameAttributes", List.of("email"),
                "UsernameConfiguration", Map.of("CaseSensitive", false),
                "UserPoolTier", "PLUS",
                "Schema", List.of(Map.of("Name", "tenant", "AttributeDataType", "String"))));
        Map<String, Object> before = describe(poolId).map("UserPool");

        update(poolId, Map.of()).requireSuccess();

        Map<String, Object> after = describe(poolId).map("UserPool");
        for (String member : List.of(
                "Name", "UsernameAttributes", "UsernameConfiguration", "UserPoolTier", "SchemaAttributes", "Arn")) {
            assertThat(after.get(member)).as(member).isEqualTo(before.get(member));
        }
    }

    @Test
    void updateSetsWhatItIsGiven() {
        String poolId = this.fixture.createPool();

        update(
                        poolId,
                        Map.of(
                                "PoolName",
                                "renamed",
                                "UserPoolTier",
                                "LITE",
                                "AutoVerifiedAttributes",
                                List.of("email"),
                                "EmailVerificationMessage",
                                "Code {####}",
                                "DeletionProtection",
                                "ACTIVE",
                                "UserPoolTags",
                                Map.of("env", "test"),
                                "AccountRecoverySetting",
                                Map.of("RecoveryMechanisms", List.of(Map.of("Priority", 1, "Name", "verified_email")))))
                .requireSuccess();

        Map<String, Object> pool = describe(poolId).map("UserPool");
        assertThat(pool.get("Name")).isEqualTo("renamed");
        assertThat(pool.get("UserPoolTier")).isEqualTo("LITE");
        assertThat(pool.get("AutoVerifiedAttributes")).isEqualTo(List.of("email"));
        assertThat(pool.get("EmailVerificationMessage")).isEqualTo("Code {####}");
        assertThat(pool.get("DeletionProtection")).isEqualTo("ACTIVE");
        assertThat(pool.get("UserPoolTags")).isEqualTo(Map.of("env", "test"));
        assertThat(pool.get("AccountRecoverySetting"))
                .isEqualTo(Map.of("RecoveryMechanisms", List.of(Map.of("Priority", 1, "Name", "verified_email"))));
    }

    @Test
    void updateMovesLastModifiedDateOnly() {
        MutableClock clock = new MutableClock(EmulatorFixture.NOW);
        CognitoEmulator emulator = CognitoEmulator.builder()
                .clock(clock)
                .keySource(RsaKeySource.generating())
                .build();
        String poolId = (String) ((Map<?, ?>) json(emulator.handle("CreateUserPool", "{\"PoolName\":\"p\"}"))
                        .get("UserPool"))
                .get("Id");
        clock.advance(Duration.ofSeconds(90));

        emulator.handle("UpdateUserPool", "{\"UserPoolId\":\"" + poolId + "\"}");

        Map<?, ?> pool = (Map<?, ?>) json(emulator.handle("DescribeUserPool", "{\"UserPoolId\":\"" + poolId + "\"}"))
                .get("UserPool");
        assertThat(pool.get("CreationDate")).isEqualTo(1.594889658976E9);
        assertThat(pool.get("LastModifiedDate")).isEqualTo(1.594889748976E9);
    }

    private static Map<String, Object> json(ProtocolResponse response) {
        return CognitoJson.readMap(response.bodyAsString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewPasswordPolicyIsEnforcedOnTheNextPasswordSet() {
        String poolId = this.fixture.createPool();
        this.fixture.createUser(poolId, "alice").requireSuccess();
        Map<String, Object> setPassword =
                Map.of("UserPoolId", poolId, "Username", "alice", "Password", "Short1!a", "Permanent", true);
        assertThat(this.fixture.call("AdminSetUserPassword", setPassword).status())
                .isEqualTo(200);

        update(poolId, Map.of("Policies", Map.of("PasswordPolicy", Map.of("MinimumLength", 10))))
                .requireSuccess();

        assertThat(this.fixture.call("AdminSetUserPassword", setPassword).error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password not long"
                        + " enough");
    }

    @Test
    void deletionProtectionSetByUpdateIsEnforcedAndLiftedByUpdate() {
        String poolId = this.fixture.createPool();
        update(poolId, Map.of("DeletionProtection", "ACTIVE")).requireSuccess();

        assertThat(this.fixture
                        .call("DeleteUserPool", Map.of("UserPoolId", poolId))
                        .error())
                .isEqualTo("400 InvalidParameterException: The user pool cannot be deleted because deletion"
                        + " protection is activated.");

        update(poolId, Map.of("DeletionProtection", "INACTIVE")).requireSuccess();
        assertThat(this.fixture
                        .call("DeleteUserPool", Map.of("UserPoolId", poolId))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void mfaOnNeedsAFactor() {
        String poolId = this.fixture.createPool();

        assertThat(update(poolId, Map.of("MfaConfiguration", "ON")).error())
                .isEqualTo("400 InvalidParameterException: " + PoolConfiguration.MFA_NEEDS_SMS);
        assertThat(update(poolId, Map.of("MfaConfiguration", "OPTIONAL")).error())
                .isEqualTo("400 InvalidParameterException: " + PoolConfiguration.MFA_NEEDS_SMS);
        assertThat(describe(poolId).at("UserPool", "MfaConfiguration")).isEqualTo("OFF");
    }

    @Test
    void mfaOnWithSmsConfigurationEnablesSmsMfa() {
        String poolId = this.fixture.createPool();
        Map<String, String> sms = Map.of("SnsCallerArn", "arn:aws:iam::000000000000:role/sns", "ExternalId", "x");

        update(poolId, Map.of("MfaConfiguration", "OPTIONAL", "SmsConfiguration", sms))
                .requireSuccess();

        assertThat(describe(poolId).at("UserPool", "MfaConfiguration")).isEqualTo("OPTIONAL");
        assertThat(this.fixture
                        .call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId))
                        .json())
                .isEqualTo(
                        Map.of("MfaConfiguration", "OPTIONAL", "SmsMfaConfiguration", Map.of("SmsConfiguration", sms)));
    }

    @Test
    void mfaOnKeepsASoftwareTokenFactorWithoutSms() {
        String poolId = this.fixture.createPool();
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "MfaConfiguration",
                                "ON",
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true)))
                .requireSuccess();

        update(
                        poolId,
                        Map.of(
                                "MfaConfiguration",
                                "OPTIONAL",
                                "SmsConfiguration",
                                Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms")))
                .requireSuccess();

        assertThat(this.fixture
                        .call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId))
                        .json())
                .isEqualTo(Map.of(
                        "MfaConfiguration", "OPTIONAL", "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));
    }

    @Test
    void mfaOnKeepsSmsAndSoftwareTokenFactorsThatWereBothOn() {
        String poolId = this.fixture.createPool();
        Map<String, String> sms = Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms");
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "MfaConfiguration",
                                "ON",
                                "SmsMfaConfiguration",
                                Map.of("SmsConfiguration", sms),
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true)))
                .requireSuccess();

        update(poolId, Map.of("MfaConfiguration", "ON", "SmsConfiguration", sms))
                .requireSuccess();

        assertThat(this.fixture
                        .call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId))
                        .json())
                .isEqualTo(Map.of(
                        "MfaConfiguration", "ON",
                        "SmsMfaConfiguration", Map.of("SmsConfiguration", sms),
                        "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));
    }

    @Test
    void updateLeavingMfaOutTurnsEveryFactorOff() {
        String poolId = this.fixture.createPool();
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "MfaConfiguration",
                                "ON",
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true),
                                "WebAuthnConfiguration",
                                Map.of("RelyingPartyId", "example.com")))
                .requireSuccess();

        update(poolId, Map.of()).requireSuccess();

        assertThat(this.fixture
                        .call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId))
                        .json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "OFF",
                        "WebAuthnConfiguration",
                        Map.of("RelyingPartyId", "example.com", "UserVerification", "preferred")));
    }

    @Test
    void createWithMfaOnNeedsAnSmsConfiguration() {
        assertThat(this.fixture
                        .call("CreateUserPool", Map.of("PoolName", "p", "MfaConfiguration", "ON"))
                        .error())
                .isEqualTo("400 InvalidParameterException: " + PoolConfiguration.MFA_NEEDS_SMS);
        String poolId = this.fixture.createPool(Map.of(
                "MfaConfiguration",
                "ON",
                "SmsConfiguration",
                Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms")));
        assertThat(this.fixture
                        .call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId))
                        .json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "ON",
                        "SmsMfaConfiguration",
                        Map.of("SmsConfiguration", Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms"))));
    }

    @Test
    void addedCustomAttributesAreListedAndWritable() {
        String poolId = this.fixture.createPool();
        this.fixture.createUser(poolId, "alice").requireSuccess();

        Reply reply = this.fixture.call(
                "AddCustomAttributes",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "CustomAttributes",
                        List.of(
                                Map.of(
                                        "Name",
                                        "tenant",
                                        "AttributeDataType",
                                        "String",
                                        "StringAttributeConstraints",
                                        Map.of("MaxLength", "10")),
                                Map.of("Name", "level", "AttributeDataType", "Number", "Mutable", false),
                                Map.of("Name", "secret", "DeveloperOnlyAttribute", true))));

        assertThat(reply.body()).isEqualTo("{}");
        List<Map<String, Object>> schema = describe(poolId).list("UserPool", "SchemaAttributes");
        assertThat(schema).hasSize(23);
        assertThat(schema.subList(20, 23))
                .containsExactly(
                        Map.of(
                                "Name",
                                "custom:tenant",
                                "AttributeDataType",
                                "String",
                                "DeveloperOnlyAttribute",
                                false,
                                "Mutable",
                                true,
                                "Required",
                                false,
                                "StringAttributeConstraints",
                                Map.of("MaxLength", "10")),
                        Map.of(
                                "Name",
                                "custom:level",
                                "AttributeDataType",
                                "Number",
                                "DeveloperOnlyAttribute",
                                false,
                                "Mutable",
                                false,
                                "Required",
                                false,
                                "NumberAttributeConstraints",
                                Map.of()),
                        Map.of(
                                "Name",
                                "dev:custom:secret",
                                "AttributeDataType",
                                "String",
                                "DeveloperOnlyAttribute",
                                true,
                                "Mutable",
                                true,
                                "Required",
                                false,
                                "StringAttributeConstraints",
                                Map.of()));
        this.fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Username",
                                "alice",
                                "UserAttributes",
                                EmulatorFixture.attributes("custom:tenant", "acme")))
                .requireSuccess();
        assertThat(this.fixture.getUser(poolId, "alice").attributes("UserAttributes"))
                .containsEntry("custom:tenant", "acme");
    }

    @Test
    void addingAnExistingCustomAttributeIsRefusedAndChangesNothing() {
        String poolId = this.fixture.createPool(
                Map.of("Schema", List.of(Map.of("Name", "tenant", "AttributeDataType", "String"))));

        Reply reply = this.fixture.call(
                "AddCustomAttributes",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "CustomAttributes",
                        List.of(Map.of("Name", "new"), Map.of("Name", "tenant"))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Existing attribute already has name custom:tenant.");
        assertThat(describe(poolId).list("UserPool", "SchemaAttributes")).hasSize(21);
    }

    @Test
    void addingTheSameNameTwiceInOneRequestIsRefused() {
        String poolId = this.fixture.createPool();

        Reply reply = this.fixture.call(
                "AddCustomAttributes",
                Map.of("UserPoolId", poolId, "CustomAttributes", List.of(Map.of("Name", "a"), Map.of("Name", "a"))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Existing attribute already has name custom:a.");
    }

    @Test
    void requiredCustomAttributesAreRefused() {
        String poolId = this.fixture.createPool();

        Reply reply = this.fixture.call(
                "AddCustomAttributes",
                Map.of("UserPoolId", poolId, "CustomAttributes", List.of(Map.of("Name", "a", "Required", true))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Required custom attributes are not supported currently.");
    }

    @Test
    void aPoolHoldsAtMostFiftyCustomAttributes() {
        String poolId = this.fixture.createPool();
        List<Map<String, String>> first = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            first.add(Map.of("Name", "a" + i));
        }
        List<Map<String, String>> second = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            second.add(Map.of("Name", "b" + i));
        }
        add(poolId, first).requireSuccess();
        add(poolId, second).requireSuccess();

        assertThat(add(poolId, List.of(Map.of("Name", "c"))).error())
                .isEqualTo("400 InvalidParameterException: Number of custom attributes cannot exceed 50.");
        assertThat(describe(poolId).list("UserPool", "SchemaAttributes")).hasSize(70);
    }

    @Test
    void addCustomAttributesToAnUnknownPoolIsNotFound() {
        assertThat(add("us-east-1_missing00", List.of(Map.of("Name", "a"))).error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void addCustomAttributesNeedsTheList() {
        String poolId = this.fixture.createPool();

        assertThat(this.fixture
                        .call("AddCustomAttributes", Map.of("UserPoolId", poolId))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'customAttributes' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void mfaSettingsRoundTripThroughAJdbcStore() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            EmulatorFixture fixture =
                    EmulatorFixture.create(CognitoEmulator.builder().store(store));
            String poolId = fixture.createPool();
            fixture.call(
                            "SetUserPoolMfaConfig",
                            Map.of(
                                    "UserPoolId",
                                    poolId,
                                    "MfaConfiguration",
                                    "OPTIONAL",
                                    "SoftwareTokenMfaConfiguration",
                                    Map.of("Enabled", true),
                                    "WebAuthnConfiguration",
                                    Map.of("UserVerification", "required")))
                    .requireSuccess();
            UserPool stored = store.pools().find(poolId).orElseThrow();

            assertThat(stored.mfaSettings())
                    .isEqualTo(new MfaSettings(false, true, null, new MfaSettings.WebAuthn(null, "required")));
            fixture.call("UpdateUserPool", Map.of("UserPoolId", poolId, "PoolName", "again"))
                    .requireSuccess();
            assertThat(store.pools().find(poolId).orElseThrow().name()).isEqualTo("again");
        }
    }

    private Reply add(String poolId, List<Map<String, String>> attributes) {
        return this.fixture.call("AddCustomAttributes", Map.of("UserPoolId", poolId, "CustomAttributes", attributes));
    }
}
