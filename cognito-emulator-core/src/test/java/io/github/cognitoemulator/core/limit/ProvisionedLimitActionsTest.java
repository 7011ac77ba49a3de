package io.github.cognitoemulator.core.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.limit.ProvisionedLimitActions.GetRequest;
import io.github.cognitoemulator.core.limit.ProvisionedLimitActions.LimitDefinition;
import io.github.cognitoemulator.core.limit.ProvisionedLimitActions.UpdateRequest;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionedLimitActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create(CognitoEmulator.builder()
            .provisionedLimitMaximum("UserAuthentication", 500)
            .provisionedLimitMaximum("UserCreation", 50));

    private static Map<String, Object> definition(String category) {
        return Map.of("LimitClass", "API_CATEGORY", "Attributes", Map.of("Category", category));
    }

    private Reply get(String category) {
        return this.fixture.call("GetProvisionedLimit", Map.of("LimitDefinition", definition(category)));
    }

    private Reply update(String category, int value) {
        return this.fixture.call(
                "UpdateProvisionedLimit",
                Map.of("LimitDefinition", definition(category), "RequestedLimitValue", value));
    }

    private Reply inRegion(String region, String action, Map<String, Object> body) {
        return this.fixture.call(
                new ProtocolRequest(AwsJsonProtocol.TARGET_PREFIX + action, CognitoJson.write(body), region));
    }

    private static Map<String, Object> limit(String category, int provisioned, int free) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("LimitDefinition", definition(category));
        limit.put("ProvisionedLimitValue", provisioned);
        limit.put("FreeLimitValue", free);
        return Map.of("Limit", limit);
    }

    @ParameterizedTest
    @CsvSource({
        "UserAuthentication, 120",
        "UserCreation, 50",
        "UserFederation, 25",
        "UserRead, 120",
        "UserToken, 120",
        "UserResourceRead, 50"
    })
    void eachAdjustableCategoryStartsAtItsFreeRate(String category, int free) {
        assertThat(get(category).json()).isEqualTo(limit(category, free, free));
    }

    @Test
    void aRateUpToTheAccountMaximumIsProvisionedAndReadBack() {
        assertThat(update("UserAuthentication", 300).json()).isEqualTo(limit("UserAuthentication", 300, 120));
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 300, 120));

        assertThat(update("UserAuthentication", 500).json()).isEqualTo(limit("UserAuthentication", 500, 120));
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 500, 120));
        assertThat(get("UserRead").json()).isEqualTo(limit("UserRead", 120, 120));
    }

    @Test
    void aRateGoesBackDownToTheFreeRate() {
        update("UserAuthentication", 300).requireSuccess();

        assertThat(update("UserAuthentication", 120).json()).isEqualTo(limit("UserAuthentication", 120, 120));
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 120, 120));
        assertThat(update("UserAuthentication", 121).json()).isEqualTo(limit("UserAuthentication", 121, 120));
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 121, 120));
    }

    @Test
    void aRateAboveTheAccountMaximumExceedsTheServiceQuotaAndChangesNothing() {
        update("UserAuthentication", 300).requireSuccess();

        assertThat(update("UserAuthentication", 501).error())
                .isEqualTo("400 ServiceQuotaExceededException: RequestedLimitValue 501 exceeds the account-level"
                        + " maximum limit of 500 for category UserAuthentication. Request a Service Quotas increase"
                        + " to raise the maximum.");
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 300, 120));
    }

    @Test
    void withoutAServiceQuotasIncreaseTheMaximumIsTheFreeRate() {
        assertThat(update("UserToken", 120).json()).isEqualTo(limit("UserToken", 120, 120));
        assertThat(update("UserToken", 121).error())
                .isEqualTo("400 ServiceQuotaExceededException: RequestedLimitValue 121 exceeds the account-level"
                        + " maximum limit of 120 for category UserToken. Request a Service Quotas increase to raise"
                        + " the maximum.");
        assertThat(update("UserCreation", 51).error()).startsWith("400 ServiceQuotaExceededException: ");
        assertThat(get("UserToken").json()).isEqualTo(limit("UserToken", 120, 120));
    }

    @Test
    void aRateBelowTheFreeRateIsInvalidAndChangesNothing() {
        update("UserAuthentication", 200).requireSuccess();

        assertThat(update("UserAuthentication", 119).error())
                .isEqualTo("400 InvalidParameterException: RequestedLimitValue 119 is below the default limit of 120"
                        + " for category UserAuthentication.");
        assertThat(update("UserAuthentication", 0).error())
                .isEqualTo("400 InvalidParameterException: RequestedLimitValue 0 is below the default limit of 120"
                        + " for category UserAuthentication.");
        assertThat(update("UserAuthentication", -1).error()).startsWith("400 InvalidParameterException: ");
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 200, 120));
    }

    @Test
    void limitsAreKeptPerRegion() {
        Map<String, Object> raise =
                Map.of("LimitDefinition", definition("UserAuthentication"), "RequestedLimitValue", 250);
        Map<String, Object> read = Map.of("LimitDefinition", definition("UserAuthentication"));

        inRegion("eu-west-1", "UpdateProvisionedLimit", raise).requireSuccess();

        assertThat(inRegion("eu-west-1", "GetProvisionedLimit", read).json())
                .isEqualTo(limit("UserAuthentication", 250, 120));
        assertThat(inRegion("ap-south-1", "GetProvisionedLimit", read).json())
                .isEqualTo(limit("UserAuthentication", 120, 120));
        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 120, 120));
    }

    @Test
    void limitsBelongToTheAccountNotToAPool() {
        String poolId = this.fixture.createPool();
        update("UserAuthentication", 250).requireSuccess();

        this.fixture.call("DeleteUserPool", Map.of("UserPoolId", poolId)).requireSuccess();

        assertThat(get("UserAuthentication").json()).isEqualTo(limit("UserAuthentication", 250, 120));
    }

    @Test
    void categoriesWithoutAProvisionedLimitAreNotFound() {
        for (String category : new String[] {"UserList", "LimitManagement", "userauthentication", "Nope", ""}) {
            String expected =
                    "400 ResourceNotFoundException: No provisioned limit exists for API category " + category + ".";
            assertThat(get(category).error()).isEqualTo(expected);
            assertThat(update(category, 200).error()).isEqualTo(expected);
        }
    }

    @Test
    void theAttributesNameTheCategoryAndNothingElse() {
        Map<String, Object> noCategory = Map.of("LimitClass", "API_CATEGORY", "Attributes", Map.of());
        Map<String, Object> extra = Map.of(
                "LimitClass", "API_CATEGORY", "Attributes", Map.of("Category", "UserRead", "Region", "us-east-1"));

        assertThat(this.fixture
                        .call("GetProvisionedLimit", Map.of("LimitDefinition", noCategory))
                        .error())
                .isEqualTo("400 InvalidParameterException: The attributes of an API_CATEGORY limit definition must"
                        + " name its Category.");
        assertThat(this.fixture
                        .call("UpdateProvisionedLimit", Map.of("LimitDefinition", extra, "RequestedLimitValue", 120))
                        .error())
                .isEqualTo("400 InvalidParameterException: Attribute Region is not defined for limit class"
                        + " API_CATEGORY.");
    }

    @Test
    void theLimitClassAndRequiredMembersAreValidated() {
        assertThat(this.fixture.call("GetProvisionedLimit", Map.of()).error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'limitDefinition' failed to satisfy constraint: Member must not be null");
        assertThat(this.fixture
                        .call("GetProvisionedLimit", Map.of("LimitDefinition", Map.of("LimitClass", "RESOURCE")))
                        .error())
                .isEqualTo("400 InvalidParameterException: 2 validation errors detected: Value 'RESOURCE' at"
                        + " 'limitDefinition.limitClass' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [API_CATEGORY]; Value null at 'limitDefinition.attributes' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThat(this.fixture
                        .call("UpdateProvisionedLimit", Map.of("LimitDefinition", definition("UserRead")))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'requestedLimitValue' failed to satisfy constraint: Member must not be null");
        assertThat(this.fixture
                        .call(
                                "UpdateProvisionedLimit",
                                Map.of("LimitDefinition", Map.of("Attributes", Map.of("Category", "UserRead"))))
                        .error())
                .isEqualTo("400 InvalidParameterException: 2 validation errors detected: Value null at"
                        + " 'limitDefinition.limitClass' failed to satisfy constraint: Member must not be null; Value"
                        + " null at 'requestedLimitValue' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void bothActionsRequireASignedRequest() {
        for (String action : new String[] {"GetProvisionedLimit", "UpdateProvisionedLimit"}) {
            Reply reply = this.fixture.call(new ProtocolRequest(
                    AwsJsonProtocol.TARGET_PREFIX + action,
                    CognitoJson.write(Map.of("LimitDefinition", definition("UserRead"))),
                    null,
                    null,
                    false));
            assertThat(reply.error())
                    .isEqualTo("400 MissingAuthenticationTokenException: Missing Authentication Token");
        }
    }

    @Test
    void aPrefixDomainWithManagedLoginBlocksRaisingAuthenticationInItsRegion() {
        CognitoEmulator emulator = CognitoEmulator.builder()
                .keySource(io.github.cognitoemulator.core.ReusableRsaKeys.source())
                .provisionedLimitMaximum("UserAuthentication", 500)
                .build();
        Map<?, ?> pool = (Map<?, ?>) CognitoJson.readMap(emulator.handle("CreateUserPool", "{\"PoolName\":\"p\"}")
                        .body())
                .get("UserPool");
        String poolId = (String) pool.get("Id");
        String raise = "{\"LimitDefinition\":{\"LimitClass\":\"API_CATEGORY\",\"Attributes\":{\"Category\":"
                + "\"UserAuthentication\"}},\"RequestedLimitValue\":200}";
        emulator.handle(
                "CreateUserPoolDomain",
                "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"classic-login\",\"ManagedLoginVersion\":1}");

        assertThat(emulator.handle("UpdateProvisionedLimit", raise).status()).isEqualTo(200);

        emulator.handle("DeleteUserPoolDomain", "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"classic-login\"}");
        emulator.handle(
                "CreateUserPoolDomain",
                "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"managed-login\",\"ManagedLoginVersion\":2}");

        assertThat(emulator.handle("UpdateProvisionedLimit", raise).status()).isEqualTo(400);
    }

    @Test
    void managedLoginPoolsRaiseAuthenticationAndFederationThroughServiceQuotasOnly() {
        ProvisionedLimitActions actions = new ProvisionedLimitActions(
                Map.of(
                        ApiCategory.USER_AUTHENTICATION,
                        500,
                        ApiCategory.USER_FEDERATION,
                        130,
                        ApiCategory.USER_CREATION,
                        100),
                "eu-west-1"::equals,
                new InMemoryStore().resources());
        RequestContext managed = new RequestContext("eu-west-1", "id", "https://issuer");
        RequestContext classic = new RequestContext("us-east-1", "id", "https://issuer");

        for (String category : new String[] {"UserAuthentication", "UserFederation"}) {
            UpdateRequest raise =
                    new UpdateRequest(new LimitDefinition("API_CATEGORY", Map.of("Category", category)), 130);
            assertThatThrownBy(() -> actions.updateProvisionedLimit(raise, managed))
                    .isInstanceOf(CognitoException.class)
                    .hasMessage("The " + category + " category cannot be adjusted with UpdateProvisionedLimit while"
                            + " a user pool uses managed login. Request a Service Quotas increase instead.");
            assertThat(actions.updateProvisionedLimit(raise, classic))
                    .isEqualTo(limit(
                            category,
                            130,
                            ApiCategory.named(category).orElseThrow().freeLimit()));
        }
        UpdateRequest creation =
                new UpdateRequest(new LimitDefinition("API_CATEGORY", Map.of("Category", "UserCreation")), 100);
        assertThat(actions.updateProvisionedLimit(creation, managed)).isEqualTo(limit("UserCreation", 100, 50));
        GetRequest read = new GetRequest(new LimitDefinition("API_CATEGORY", Map.of("Category", "UserAuthentication")));
        assertThat(actions.getProvisionedLimit(read, managed)).isEqualTo(limit("UserAuthentication", 120, 120));
    }

    @Test
    void aMaximumIsAnAdjustableCategoryAtOrAboveItsFreeRate() {
        assertThatThrownBy(() -> CognitoEmulator.builder().provisionedLimitMaximum("UserList", 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'UserList' is not an API category with a provisioned limit");
        assertThatThrownBy(() -> CognitoEmulator.builder().provisionedLimitMaximum("UserCreation", 49))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The maximum of UserCreation must be at least its free rate of 50 but was 49");
        CognitoEmulator.builder().provisionedLimitMaximum("UserCreation", 50);
        assertThatThrownBy(() -> new ProvisionedLimitActions(
                        Map.of(ApiCategory.USER_FEDERATION, 24),
                        ManagedLoginPools.NONE,
                        new InMemoryStore().resources()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The maximum of UserFederation must be at least its free rate of 25 but was 24");
        assertThat(ManagedLoginPools.NONE.anyIn("us-east-1")).isFalse();
    }
}
