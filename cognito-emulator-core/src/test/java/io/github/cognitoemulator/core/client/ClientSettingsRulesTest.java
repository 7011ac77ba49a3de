package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of CreateUserPoolClient that go beyond the shape of the request. */
class ClientSettingsRulesTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(Map.of(
            "Schema",
            List.of(
                    Map.of("Name", "email", "AttributeDataType", "String", "Required", true),
                    Map.of("Name", "tier", "AttributeDataType", "String", "Mutable", true))));

    private Reply create(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", this.poolId);
        body.put("ClientName", "web");
        return this.fixture.call("CreateUserPoolClient", body);
    }

    private static Map<String, Object> oauth(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AllowedOAuthFlowsUserPoolClient", true);
        body.put("AllowedOAuthFlows", List.of("code"));
        body.put("AllowedOAuthScopes", List.of("openid"));
        body.put("CallbackURLs", List.of("https://example.com/cb"));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    @Test
    void readAttributesMustBeInTheSchema() {
        assertThat(create(Map.of("ReadAttributes", List.of("email", "custom:tier", "sub", "email_verified")))
                        .status())
                .isEqualTo(200);
        assertThat(create(Map.of("ReadAttributes", List.of("email", "custom:other")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid read attributes specified while creating a"
                        + " client");
    }

    @Test
    void writeAttributesMustBeWritableAndCoverTheRequiredOnes() {
        String expected = "400 InvalidParameterException: Invalid write attributes specified while creating a client";

        assertThat(create(Map.of("WriteAttributes", List.of("email", "custom:tier")))
                        .status())
                .isEqualTo(200);
        assertThat(create(Map.of("WriteAttributes", List.of("custom:tier"))).error())
                .isEqualTo(expected);
        assertThat(create(Map.of("WriteAttributes", List.of("email", "email_verified")))
                        .error())
                .isEqualTo(expected);
        assertThat(create(Map.of("WriteAttributes", List.of("email", "phone_number_verified")))
                        .error())
                .isEqualTo(expected);
        assertThat(create(Map.of("WriteAttributes", List.of("email", "sub"))).error())
                .isEqualTo(expected);
        assertThat(create(Map.of("WriteAttributes", List.of("email", "custom:other")))
                        .error())
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("ListUserPoolClients", Map.of("UserPoolId", this.poolId))
                        .list("UserPoolClients"))
                .hasSize(1);
    }

    @Test
    void identityProvidersMustExist() {
        assertThat(create(Map.of("SupportedIdentityProviders", List.of("COGNITO", "Google")))
                        .error())
                .isEqualTo("400 InvalidParameterException: The provider Google does not exist for User Pool "
                        + this.poolId + ".");

        this.fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ProviderName",
                                "Google",
                                "ProviderType",
                                "Google",
                                "ProviderDetails",
                                Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid")))
                .requireSuccess();

        assertThat(create(Map.of("SupportedIdentityProviders", List.of("COGNITO", "Google")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void redirectUrlsUseHttpsExceptOnTheLoopback() {
        assertThat(create(oauth(
                                "CallbackURLs",
                                List.of(
                                        "https://example.com/cb",
                                        "http://localhost:3000/cb",
                                        "http://127.0.0.1/cb",
                                        "http://[::1]:8080/cb",
                                        "HTTP://LOCALHOST/cb",
                                        "myapp://callback")))
                        .status())
                .isEqualTo(200);
        assertThat(create(oauth("CallbackURLs", List.of("http://example.com/cb")))
                        .error())
                .isEqualTo("400 InvalidParameterException: http://example.com/cb cannot use the HTTP protocol.");
        assertThat(create(Map.of("LogoutURLs", List.of("http://example.com/out")))
                        .error())
                .isEqualTo("400 InvalidParameterException: http://example.com/out cannot use the HTTP protocol.");
        assertThat(create(Map.of("LogoutURLs", List.of("http:/nohost"))).error())
                .isEqualTo("400 InvalidParameterException: http:/nohost cannot use the HTTP protocol.");
    }

    @Test
    void redirectUrlsAreAbsoluteWithoutAFragment() {
        assertThat(create(oauth("CallbackURLs", List.of("https://example.com/cb#top")))
                        .error())
                .isEqualTo("400 InvalidParameterException: https://example.com/cb#top cannot contain a fragment.");
        assertThat(create(oauth("CallbackURLs", List.of("/relative/cb"))).error())
                .isEqualTo("400 InvalidParameterException: /relative/cb is not a valid URL.");
        assertThat(create(oauth("CallbackURLs", List.of("https://example.com/a|b")))
                        .error())
                .isEqualTo("400 InvalidParameterException: https://example.com/a|b is not a valid URL.");
    }

    @Test
    void defaultRedirectIsOneOfTheCallbacks() {
        assertThat(create(oauth("DefaultRedirectURI", "https://example.com/cb")).status())
                .isEqualTo(200);
        assertThat(create(oauth("DefaultRedirectURI", "https://example.com/other"))
                        .error())
                .isEqualTo("400 InvalidParameterException: DefaultRedirectURI must be one of the CallbackURLs.");
        assertThat(create(oauth(
                                "CallbackURLs",
                                List.of("http://example.com/cb"),
                                "DefaultRedirectURI",
                                "http://example.com/cb"))
                        .error())
                .isEqualTo("400 InvalidParameterException: http://example.com/cb cannot use the HTTP protocol.");
    }

    @Test
    void oauthFlowsAndScopesNeedTheOAuthSwitch() {
        String expected = "400 InvalidParameterException: AllowedOAuthFlows and AllowedOAuthScopes are only allowed"
                + " if user pool client is allowed to use OAuth flows.";

        assertThat(create(Map.of("AllowedOAuthFlows", List.of("code"))).error()).isEqualTo(expected);
        assertThat(create(Map.of("AllowedOAuthScopes", List.of("openid"))).error())
                .isEqualTo(expected);
        assertThat(create(Map.of("AllowedOAuthFlowsUserPoolClient", false, "CallbackURLs", List.of("https://a.b")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOAuthSwitchNeedsFlowsAndScopes() {
        String expected = "400 InvalidParameterException: AllowedOAuthFlows and AllowedOAuthScopes are required if"
                + " user pool client is allowed to use OAuth flows.";

        assertThat(create(Map.of("AllowedOAuthFlowsUserPoolClient", true)).error())
                .isEqualTo(expected);
        assertThat(create(oauth("AllowedOAuthFlows", List.of())).error()).isEqualTo(expected);
        assertThat(create(oauth("AllowedOAuthScopes", List.of())).error()).isEqualTo(expected);
    }

    @Test
    void browserFlowsNeedCallbacks() {
        String expected = "400 InvalidOAuthFlowException: CallbackUrls can not be empty when code flow or implicit"
                + " flow is selected";

        assertThat(create(oauth("CallbackURLs", List.of())).error()).isEqualTo(expected);
        assertThat(create(oauth("AllowedOAuthFlows", List.of("implicit"), "CallbackURLs", List.of()))
                        .error())
                .isEqualTo(expected);
        assertThat(create(oauth("AllowedOAuthFlows", List.of("implicit"))).status())
                .isEqualTo(200);
    }

    @Test
    void clientCredentialsStandAloneAndNeedASecret() {
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

        assertThat(create(oauth("AllowedOAuthFlows", List.of("client_credentials", "code"), "GenerateSecret", true))
                        .error())
                .isEqualTo("400 InvalidOAuthFlowException: client_credentials flow can not be selected along with"
                        + " code flow or implicit flow.");
        assertThat(create(oauth("AllowedOAuthFlows", List.of("client_credentials", "implicit"), "GenerateSecret", true))
                        .status())
                .isEqualTo(400);
        assertThat(create(oauth(
                                "AllowedOAuthFlows",
                                List.of("client_credentials"),
                                "AllowedOAuthScopes",
                                List.of("orders/read")))
                        .error())
                .isEqualTo("400 InvalidOAuthFlowException: client_credentials flow can not be selected if client"
                        + " does not have a client secret.");
        assertThat(create(oauth(
                                "AllowedOAuthFlows", List.of("client_credentials"),
                                "AllowedOAuthScopes", List.of("orders/read"),
                                "CallbackURLs", List.of(),
                                "GenerateSecret", true))
                        .status())
                .isEqualTo(200);
        assertThat(create(oauth(
                                "AllowedOAuthFlows", List.of("client_credentials"),
                                "AllowedOAuthScopes", List.of("orders/read"),
                                "ClientSecret", "abcdefghijklmnopqrstuvwxyz0123"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void scopesMustExist() {
        assertThat(create(oauth(
                                "AllowedOAuthScopes",
                                List.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin")))
                        .status())
                .isEqualTo(200);
        assertThat(create(oauth("AllowedOAuthScopes", List.of("openid", "Cognito")))
                        .error())
                .isEqualTo("400 ScopeDoesNotExistException: Invalid scope requested: Cognito");
        assertThat(create(oauth("AllowedOAuthScopes", List.of("orders/read"))).error())
                .isEqualTo("400 ScopeDoesNotExistException: Invalid scope requested: orders/read");

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

        assertThat(create(oauth("AllowedOAuthScopes", List.of("openid", "orders/read")))
                        .status())
                .isEqualTo(200);
        assertThat(create(oauth("AllowedOAuthScopes", List.of("orders/write"))).error())
                .isEqualTo("400 ScopeDoesNotExistException: Invalid scope requested: orders/write");
    }

    @Test
    void aClientKeepsTheScopesOfADeletedServer() {
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
        String clientId = create(oauth("AllowedOAuthScopes", List.of("orders/read")))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");

        this.fixture
                .call("DeleteResourceServer", Map.of("UserPoolId", this.poolId, "Identifier", "orders"))
                .requireSuccess();

        assertThat(this.fixture
                        .call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", clientId))
                        .at("UserPoolClient", "AllowedOAuthScopes"))
                .isEqualTo(List.of("orders/read"));
    }
}
