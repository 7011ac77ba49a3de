package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pool keeps of its creation request and reports back, and how its schema is built. */
class UserPoolSettingsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private Map<String, Object> describe(String poolId) {
        return this.fixture
                .call("DescribeUserPool", Map.of("UserPoolId", poolId))
                .map("UserPool");
    }

    private Reply create(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.putIfAbsent("PoolName", "pool");
        return this.fixture.call("CreateUserPool", body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaEntry(Map<String, Object> pool, String name) {
        return ((List<Map<String, Object>>) pool.get("SchemaAttributes"))
                .stream()
                        .filter((entry) -> name.equals(entry.get("Name")))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void messagesAndPlainStructuresAreKeptAsGiven() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("SmsVerificationMessage", "SMS code {####}");
        settings.put("EmailVerificationMessage", "Email code {####}");
        settings.put("EmailVerificationSubject", "Your code");
        settings.put("SmsAuthenticationMessage", "Sign-in code {####}");
        settings.put(
                "AccountRecoverySetting",
                Map.of("RecoveryMechanisms", List.of(Map.of("Name", "verified_email", "Priority", 1))));
        settings.put("DeviceConfiguration", Map.of("ChallengeRequiredOnNewDevice", true));
        settings.put("UserPoolAddOns", Map.of("AdvancedSecurityMode", "OFF"));
        String poolId = create(settings).requireSuccess().string("UserPool", "Id");

        Map<String, Object> pool = describe(poolId);

        assertThat(pool)
                .containsEntry("SmsVerificationMessage", "SMS code {####}")
                .containsEntry("EmailVerificationMessage", "Email code {####}")
                .containsEntry("EmailVerificationSubject", "Your code")
                .containsEntry("SmsAuthenticationMessage", "Sign-in code {####}")
                .containsEntry(
                        "AccountRecoverySetting",
                        Map.of("RecoveryMechanisms", List.of(Map.of("Name", "verified_email", "Priority", 1))))
                .containsEntry("DeviceConfiguration", Map.of("ChallengeRequiredOnNewDevice", true))
                .containsEntry("UserPoolAddOns", Map.of("AdvancedSecurityMode", "OFF"));
    }

    @Test
    void signInAndAliasSettingsAreReportedOnlyWhenSet() {
        String plain = create(Map.of()).requireSuccess().string("UserPool", "Id");
        String alias = create(Map.of("AliasAttributes", List.of("email"), "AutoVerifiedAttributes", List.of("email")))
                .requireSuccess()
                .string("UserPool", "Id");
        String byEmail = create(Map.of("UsernameAttributes", List.of("email")))
                .requireSuccess()
                .string("UserPool", "Id");

        assertThat(describe(plain))
                .doesNotContainKeys("AliasAttributes", "AutoVerifiedAttributes", "UsernameAttributes");
        assertThat(describe(alias))
                .containsEntry("AliasAttributes", List.of("email"))
                .containsEntry("AutoVerifiedAttributes", List.of("email"))
                .doesNotContainKey("UsernameAttributes");
        assertThat(describe(byEmail))
                .containsEntry("UsernameAttributes", List.of("email"))
                .doesNotContainKey("AliasAttributes");
    }

    @Test
    void signInPolicyIsReportedWithThePasswordPolicy() {
        String defaults = create(Map.of()).requireSuccess().string("UserPool", "Id");
        String given = create(Map.of(
                        "Policies",
                        Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP")))))
                .requireSuccess()
                .string("UserPool", "Id");

        assertThat(describe(defaults))
                .extracting("Policies")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD")));
        assertThat(describe(given))
                .extracting("Policies")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP")));
    }

    @Test
    void firstStandardAttributeCanBeRedeclared() {
        Reply reply = create(Map.of(
                "Schema",
                List.of(Map.of("Name", "sub", "AttributeDataType", "String", "Mutable", false, "Required", true))));

        Map<String, Object> pool = reply.requireSuccess().map("UserPool");
        assertThat(schemaEntry(pool, "sub")).containsEntry("Required", true);
        assertThat(reply.body()).doesNotContain("custom:sub");
    }

    @Test
    void firstCustomAttributeCannotBeDeclaredTwice() {
        Reply reply = create(Map.of(
                "Schema",
                List.of(
                        Map.of("Name", "tenant", "AttributeDataType", "String"),
                        Map.of("Name", "tenant", "AttributeDataType", "String"))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Existing attribute already has name custom:tenant.");
    }

    @Test
    void customAttributesCarryTheConstraintsOfTheirType() {
        Map<String, Object> pool = create(Map.of(
                        "Schema",
                        List.of(
                                Map.of("Name", "age", "AttributeDataType", "Number"),
                                Map.of("Name", "tenant", "AttributeDataType", "String"),
                                Map.of("Name", "vip", "AttributeDataType", "Boolean"))))
                .requireSuccess()
                .map("UserPool");

        assertThat(schemaEntry(pool, "custom:age"))
                .containsEntry("NumberAttributeConstraints", Map.of())
                .doesNotContainKey("StringAttributeConstraints");
        assertThat(schemaEntry(pool, "custom:tenant"))
                .containsEntry("StringAttributeConstraints", Map.of())
                .doesNotContainKey("NumberAttributeConstraints");
        assertThat(schemaEntry(pool, "custom:vip"))
                .doesNotContainKeys("StringAttributeConstraints", "NumberAttributeConstraints");
    }

    @Test
    void poolsOfAnotherRegionAreNotListed() {
        String here = create(Map.of()).requireSuccess().string("UserPool", "Id");
        this.fixture
                .call(new ProtocolRequest(
                        AwsJsonProtocol.TARGET_PREFIX + "CreateUserPool",
                        CognitoJson.write(Map.of("PoolName", "europe")),
                        "eu-west-1"))
                .requireSuccess();

        Reply listed = this.fixture.call("ListUserPools", Map.of("MaxResults", 60));

        assertThat(listed.list("UserPools"))
                .extracting((pool) -> pool.get("Id"))
                .containsExactly(here);
    }

    @Test
    void onlyTheCognitoAttributesAreStandard() {
        assertThat(SchemaAttribute.STANDARD).allMatch(SchemaAttribute::isStandard);
        assertThat(new SchemaAttribute("custom:tenant", "String", false, true, false, Map.of(), null).isStandard())
                .isFalse();
    }
}
