package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an app client accepts at creation, what it reports back, and how its list pages. */
class UserPoolClientSettingsTest {

    private static final String INVALID_RANGE = "400 InvalidParameterException: Invalid range for token validity.";

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply createClient(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", this.poolId);
        body.putIfAbsent("ClientName", "web");
        return this.fixture.call("CreateUserPoolClient", body);
    }

    private Reply inRegion(String region, String action, Map<String, ?> body) {
        return this.fixture.call(
                new ProtocolRequest(AwsJsonProtocol.TARGET_PREFIX + action, CognitoJson.write(body), region));
    }

    @Test
    void refreshTokenFlowMustBeAllowedAlongsideNewStyleFlows() {
        assertThat(createClient(Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH")))
                        .error())
                .isEqualTo("400 InvalidParameterException: REFRESH_TOKEN_AUTH should always be allowed.");
        assertThat(createClient(Map.of("ExplicitAuthFlows", List.of("ADMIN_NO_SRP_AUTH")))
                        .status())
                .isEqualTo(200);
        assertThat(createClient(Map.of("ExplicitAuthFlows", List.of())).status())
                .isEqualTo(200);
        assertThat(createClient(Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void accessAndIdTokensLiveFiveMinutesToOneDay() {
        assertThat(createClient(validity("AccessTokenValidity", 5, "AccessToken", "minutes"))
                        .status())
                .isEqualTo(200);
        assertThat(createClient(validity("AccessTokenValidity", 4, "AccessToken", "minutes"))
                        .error())
                .isEqualTo(INVALID_RANGE);
        assertThat(createClient(validity("AccessTokenValidity", 1, "AccessToken", "days"))
                        .status())
                .isEqualTo(200);
        assertThat(createClient(validity("AccessTokenValidity", 25, "AccessToken", "hours"))
                        .error())
                .isEqualTo(INVALID_RANGE);
        assertThat(createClient(validity("IdTokenValidity", 4, "IdToken", "minutes"))
                        .error())
                .isEqualTo(INVALID_RANGE);
        assertThat(createClient(validity("IdTokenValidity", 25, "IdToken", "hours"))
                        .error())
                .isEqualTo(INVALID_RANGE);
    }

    @Test
    void refreshTokensLiveOneHourToTenYears() {
        assertThat(createClient(validity("RefreshTokenValidity", 60, "RefreshToken", "minutes"))
                        .status())
                .isEqualTo(200);
        assertThat(createClient(validity("RefreshTokenValidity", 59, "RefreshToken", "minutes"))
                        .error())
                .isEqualTo(INVALID_RANGE);
        assertThat(createClient(validity("RefreshTokenValidity", 3650, "RefreshToken", "days"))
                        .status())
                .isEqualTo(200);
        assertThat(createClient(validity("RefreshTokenValidity", 3651, "RefreshToken", "days"))
                        .error())
                .isEqualTo(INVALID_RANGE);
    }

    private static Map<String, Object> validity(String member, int amount, String unitMember, String unit) {
        return Map.of(member, amount, "TokenValidityUnits", Map.of(unitMember, unit));
    }

    @Test
    void describedClientReportsOnlyWhatWasSet() {
        Reply reply = createClient(Map.of()).requireSuccess();

        assertThat(reply.map("UserPoolClient").keySet())
                .containsExactlyInAnyOrder(
                        "AllowedOAuthFlowsUserPoolClient",
                        "AuthSessionValidity",
                        "ClientId",
                        "ClientName",
                        "CreationDate",
                        "EnablePropagateAdditionalUserContextData",
                        "EnableTokenRevocation",
                        "LastModifiedDate",
                        "RefreshTokenValidity",
                        "TokenValidityUnits",
                        "UserPoolId");
    }

    @Test
    void describedClientReportsEverySetting() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("GenerateSecret", true);
        settings.put("AccessTokenValidity", 2);
        settings.put("IdTokenValidity", 3);
        settings.put("RefreshTokenValidity", 7);
        settings.put("TokenValidityUnits", Map.of("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"));
        settings.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        settings.put("PreventUserExistenceErrors", "ENABLED");
        settings.put("ReadAttributes", List.of("email"));
        settings.put("WriteAttributes", List.of("name"));
        settings.put("SupportedIdentityProviders", List.of("COGNITO"));
        settings.put("CallbackURLs", List.of("https://example.com/callback"));
        settings.put("LogoutURLs", List.of("https://example.com/logout"));
        settings.put("DefaultRedirectURI", "https://example.com/callback");
        settings.put("AllowedOAuthFlows", List.of("code"));
        settings.put("AllowedOAuthScopes", List.of("openid"));
        settings.put("AllowedOAuthFlowsUserPoolClient", true);
        settings.put("AnalyticsConfiguration", Map.of("ApplicationId", "0123abcd"));
        settings.put("RefreshTokenRotation", Map.of("Feature", "DISABLED"));
        String clientId = createClient(settings).requireSuccess().string("UserPoolClient", "ClientId");

        Map<String, Object> client = this.fixture
                .call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", clientId))
                .map("UserPoolClient");

        assertThat(client.get("ClientSecret")).asString().isNotEmpty();
        assertThat(client)
                .containsEntry("AccessTokenValidity", 2)
                .containsEntry("IdTokenValidity", 3)
                .containsEntry("RefreshTokenValidity", 7)
                .containsEntry(
                        "TokenValidityUnits",
                        Map.of("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"))
                .containsEntry("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .containsEntry("PreventUserExistenceErrors", "ENABLED")
                .containsEntry("ReadAttributes", List.of("email"))
                .containsEntry("WriteAttributes", List.of("name"))
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"))
                .containsEntry("CallbackURLs", List.of("https://example.com/callback"))
                .containsEntry("LogoutURLs", List.of("https://example.com/logout"))
                .containsEntry("DefaultRedirectURI", "https://example.com/callback")
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("AllowedOAuthScopes", List.of("openid"))
                .containsEntry("AnalyticsConfiguration", Map.of("ApplicationId", "0123abcd"))
                .containsEntry("RefreshTokenRotation", Map.of("Feature", "DISABLED"));
    }

    @Test
    void zeroRefreshTokenValidityIsReportedAsThirtyDays() {
        Reply reply = createClient(Map.of("RefreshTokenValidity", 0)).requireSuccess();

        assertThat(reply.at("UserPoolClient", "RefreshTokenValidity")).isEqualTo(30);
    }

    @Test
    void clientsArePagedWithANextToken() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createClient(Map.of("ClientName", "app" + i))
                    .requireSuccess()
                    .string("UserPoolClient", "ClientId"));
        }

        Reply first = this.fixture.call("ListUserPoolClients", Map.of("UserPoolId", this.poolId, "MaxResults", 2));
        Reply second = this.fixture.call(
                "ListUserPoolClients",
                Map.of("UserPoolId", this.poolId, "MaxResults", 2, "NextToken", first.string("NextToken")));

        assertThat(first.list("UserPoolClients")).hasSize(2);
        assertThat(second.list("UserPoolClients")).hasSize(1);
        assertThat(second.at("NextToken")).isNull();
        List<Object> listed = new ArrayList<>();
        first.list("UserPoolClients").forEach((client) -> listed.add(client.get("ClientId")));
        second.list("UserPoolClients").forEach((client) -> listed.add(client.get("ClientId")));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void poolOfAnotherRegionHasNoClients() {
        Reply pool = inRegion("eu-west-1", "CreateUserPool", Map.of("PoolName", "europe"))
                .requireSuccess();
        String europe = pool.string("UserPool", "Id");

        assertThat(this.fixture
                        .call("CreateUserPoolClient", Map.of("UserPoolId", europe, "ClientName", "web"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool " + europe + " does not exist.");
        assertThat(this.fixture
                        .call("ListUserPoolClients", Map.of("UserPoolId", europe))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool " + europe + " does not exist.");
        assertThat(inRegion("eu-west-1", "ListUserPoolClients", Map.of("UserPoolId", europe))
                        .list("UserPoolClients"))
                .isEmpty();
    }
}
