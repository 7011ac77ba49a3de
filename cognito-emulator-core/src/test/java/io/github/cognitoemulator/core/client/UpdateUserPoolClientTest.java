package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateUserPoolClientTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Map<String, Object> createFull() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("ClientName", "web");
        body.put("GenerateSecret", true);
        body.put("AccessTokenValidity", 2);
        body.put("IdTokenValidity", 3);
        body.put("RefreshTokenValidity", 7);
        body.put("TokenValidityUnits", Map.of("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"));
        body.put("ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        body.put("PreventUserExistenceErrors", "ENABLED");
        body.put("ReadAttributes", List.of("email"));
        body.put("WriteAttributes", List.of("name"));
        body.put("SupportedIdentityProviders", List.of("COGNITO"));
        body.put("CallbackURLs", List.of("https://example.com/callback"));
        body.put("LogoutURLs", List.of("https://example.com/logout"));
        body.put("DefaultRedirectURI", "https://example.com/callback");
        body.put("AllowedOAuthFlows", List.of("code"));
        body.put("AllowedOAuthScopes", List.of("openid"));
        body.put("AllowedOAuthFlowsUserPoolClient", true);
        body.put("EnableTokenRevocation", false);
        body.put("AuthSessionValidity", 10);
        return this.fixture.call("CreateUserPoolClient", body).requireSuccess().map("UserPoolClient");
    }

    private Reply update(String clientId, Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", this.poolId);
        body.put("ClientId", clientId);
        return this.fixture.call("UpdateUserPoolClient", body);
    }

    @Test
    void membersLeftOutReturnToTheirDefaults() {
        Map<String, Object> created = createFull();
        String clientId = (String) created.get("ClientId");
        // Created a day before the fixture's clock, so that the update's own timestamp shows.
        UserPoolClient stored =
                this.fixture.emulator().store().clients().find(clientId).orElseThrow();
        Instant dayBefore = EmulatorFixture.NOW.minus(Duration.ofDays(1));
        UserPoolClient older = new UserPoolClient(
                stored.userPoolId(),
                stored.clientName(),
                stored.clientId(),
                stored.clientSecret(),
                dayBefore,
                dayBefore,
                stored.tokenValidity(),
                stored.explicitAuthFlows(),
                stored.preventUserExistenceErrors(),
                stored.enableTokenRevocation(),
                stored.authSessionValidity(),
                stored.settings());
        assertThat(this.fixture.emulator().store().clients().replace(stored, older))
                .isTrue();

        Map<String, Object> updated =
                update(clientId, Map.of()).requireSuccess().map("UserPoolClient");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("UserPoolId", this.poolId);
        expected.put("ClientName", "web");
        expected.put("ClientId", clientId);
        expected.put("ClientSecret", created.get("ClientSecret"));
        expected.put("CreationDate", dayBefore.getEpochSecond() + dayBefore.getNano() / 1e9);
        expected.put("LastModifiedDate", created.get("LastModifiedDate"));
        expected.put("RefreshTokenValidity", 30);
        expected.put("TokenValidityUnits", Map.of());
        expected.put("AllowedOAuthFlowsUserPoolClient", false);
        expected.put("EnablePropagateAdditionalUserContextData", false);
        expected.put("EnableTokenRevocation", true);
        expected.put("AuthSessionValidity", 3);
        assertThat(updated).isEqualTo(expected);
        assertThat(this.fixture
                        .call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", clientId))
                        .map("UserPoolClient"))
                .isEqualTo(updated);
    }

    @Test
    void givenMembersReplaceTheOldOnes() {
        String clientId = (String) createFull().get("ClientId");

        Map<String, Object> updated = update(
                        clientId,
                        Map.of(
                                "ClientName",
                                "renamed",
                                "AccessTokenValidity",
                                30,
                                "TokenValidityUnits",
                                Map.of("AccessToken", "minutes"),
                                "ExplicitAuthFlows",
                                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                                "PreventUserExistenceErrors",
                                "LEGACY",
                                "AuthSessionValidity",
                                5))
                .requireSuccess()
                .map("UserPoolClient");

        assertThat(updated)
                .containsEntry("ClientName", "renamed")
                .containsEntry("AccessTokenValidity", 30)
                .containsEntry("TokenValidityUnits", Map.of("AccessToken", "minutes"))
                .containsEntry("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .containsEntry("PreventUserExistenceErrors", "LEGACY")
                .containsEntry("AuthSessionValidity", 5)
                .doesNotContainKeys("IdTokenValidity", "ReadAttributes", "CallbackURLs", "AllowedOAuthFlows");
    }

    @Test
    void updatedLifetimesAndFlowsTakeEffect() {
        String clientId = (String) createFull().get("ClientId");
        update(clientId, Map.of("AccessTokenValidity", 10, "TokenValidityUnits", Map.of("AccessToken", "minutes")))
                .requireSuccess();

        UserPoolClient stored =
                this.fixture.emulator().store().clients().find(clientId).orElseThrow();

        assertThat(stored.tokenValidity().accessTokenDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(stored.allowedFlows()).isEqualTo(UserPoolClient.DEFAULT_FLOWS);
        assertThat(stored.hasSecret()).isTrue();
    }

    @Test
    void anEmptyListOfFlowsAllowsNone() {
        String clientId = (String) createFull().get("ClientId");
        update(clientId, Map.of("ExplicitAuthFlows", List.of())).requireSuccess();

        assertThat(this.fixture
                        .call(
                                "InitiateAuth",
                                Map.of(
                                        "AuthFlow",
                                        "USER_PASSWORD_AUTH",
                                        "ClientId",
                                        clientId,
                                        "AuthParameters",
                                        Map.of("USERNAME", "alice", "PASSWORD", "x")))
                        .status())
                .isEqualTo(400);
        assertThat(this.fixture
                        .emulator()
                        .store()
                        .clients()
                        .find(clientId)
                        .orElseThrow()
                        .allowedFlows())
                .isEmpty();
    }

    @Test
    void updateIsCheckedLikeCreate() {
        String clientId = (String) createFull().get("ClientId");

        assertThat(update(clientId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH")))
                        .error())
                .isEqualTo("400 InvalidParameterException: REFRESH_TOKEN_AUTH should always be allowed.");
        assertThat(update(
                                clientId,
                                Map.of("AccessTokenValidity", 2, "TokenValidityUnits", Map.of("AccessToken", "days")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid range for token validity.");
        assertThat(update(clientId, Map.of("ReadAttributes", List.of("custom:nothing")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid read attributes specified while updating a"
                        + " client");
        assertThat(update(clientId, Map.of("WriteAttributes", List.of("email_verified")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid write attributes specified while updating a"
                        + " client");
        assertThat(this.fixture
                        .call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", clientId))
                        .map("UserPoolClient"))
                .containsEntry("AccessTokenValidity", 2)
                .containsEntry("ReadAttributes", List.of("email"));
    }

    @Test
    void clientCredentialsNeedTheSecretTheClientHas() {
        String publicClient = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "public"))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
        String secretClient = (String) createFull().get("ClientId");
        this.fixture
                .call(
                        "CreateResourceServer",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Identifier",
                                "orders",
                                "Name",
                                "Orders",
                                "Scopes",
                                List.of(Map.of("ScopeName", "read", "ScopeDescription", "Read"))))
                .requireSuccess();
        Map<String, Object> machine = Map.of(
                "AllowedOAuthFlowsUserPoolClient", true,
                "AllowedOAuthFlows", List.of("client_credentials"),
                "AllowedOAuthScopes", List.of("orders/read"));

        assertThat(update(publicClient, machine).error())
                .isEqualTo("400 InvalidOAuthFlowException: client_credentials flow can not be selected if client"
                        + " does not have a client secret.");
        assertThat(update(secretClient, machine).requireSuccess().at("UserPoolClient", "AllowedOAuthScopes"))
                .isEqualTo(List.of("orders/read"));
    }

    @Test
    void unknownClientOrPoolIsNotFound() {
        assertThat(update("0123456789abcdefghijklmnop", Map.of()).error())
                .isEqualTo("400 ResourceNotFoundException: User pool client 0123456789abcdefghijklmnop does not"
                        + " exist.");
        assertThat(this.fixture
                        .call(
                                "UpdateUserPoolClient",
                                Map.of("UserPoolId", "us-east-1_nothere", "ClientId", "0123456789abcdefghijklmnop"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
    }
}
