package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DuplicateProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Resource servers and identity providers, and app clients that use their scopes and names. */
class ResourceServerAndProviderTests extends CognitoUseCase {

    private static ResourceServerScopeType scope(String name) {
        return ResourceServerScopeType.builder()
                .scopeName(name)
                .scopeDescription("Allows " + name)
                .build();
    }

    @Test
    void resourceServerLifecycle() {
        String poolId = createPool();

        ResourceServerType created = cognito()
                .createResourceServer((request) -> request.userPoolId(poolId)
                        .identifier("https://orders.example.com")
                        .name("Orders")
                        .scopes(scope("read"), scope("write")))
                .resourceServer();
        assertThat(created.scopes())
                .extracting(ResourceServerScopeType::scopeName)
                .containsExactly("read", "write");
        assertThat(cognito()
                        .describeResourceServer(
                                (request) -> request.userPoolId(poolId).identifier("https://orders.example.com"))
                        .resourceServer())
                .isEqualTo(created);

        cognito()
                .updateResourceServer((request) -> request.userPoolId(poolId)
                        .identifier("https://orders.example.com")
                        .name("Orders v2")
                        .scopes(scope("admin")));
        cognito()
                .createResourceServer((request) ->
                        request.userPoolId(poolId).identifier("users").name("Users"));

        ListResourceServersResponse page = cognito()
                .listResourceServers((request) -> request.userPoolId(poolId).maxResults(1));
        assertThat(page.resourceServers()).extracting(ResourceServerType::name).containsExactly("Orders v2");
        assertThat(cognito()
                        .listResourceServers((request) ->
                                request.userPoolId(poolId).maxResults(1).nextToken(page.nextToken()))
                        .resourceServers())
                .extracting(ResourceServerType::identifier)
                .containsExactly("users");

        cognito().deleteResourceServer((request) -> request.userPoolId(poolId).identifier("users"));
        assertThatThrownBy(() -> cognito()
                        .describeResourceServer(
                                (request) -> request.userPoolId(poolId).identifier("users")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aPoolHoldsTwentyFiveResourceServers() {
        String poolId = createPool();
        for (int i = 0; i < 25; i++) {
            String identifier = "server-" + i;
            cognito()
                    .createResourceServer((request) ->
                            request.userPoolId(poolId).identifier(identifier).name("S"));
        }

        assertThatThrownBy(() -> cognito()
                        .createResourceServer((request) ->
                                request.userPoolId(poolId).identifier("more").name("S")))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void clientsMayUseTheScopesOfTheirPoolsResourceServers() {
        String poolId = createPool();
        cognito()
                .createResourceServer((request) -> request.userPoolId(poolId)
                        .identifier("orders")
                        .name("Orders")
                        .scopes(scope("read")));

        UserPoolClientType machine = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("machine")
                        .generateSecret(true)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes("orders/read"))
                .userPoolClient();

        assertThat(machine.allowedOAuthScopes()).containsExactly("orders/read");
        assertThatThrownBy(() -> cognito()
                        .createUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientName("machine")
                                .generateSecret(true)
                                .allowedOAuthFlowsUserPoolClient(true)
                                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                                .allowedOAuthScopes("orders/write")))
                .isInstanceOf(ScopeDoesNotExistException.class)
                .hasMessageContaining("Invalid scope requested: orders/write");
        assertThatThrownBy(() -> cognito()
                        .createUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientName("public")
                                .allowedOAuthFlowsUserPoolClient(true)
                                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                                .allowedOAuthScopes("orders/read")))
                .isInstanceOf(InvalidOAuthFlowException.class);
    }

    @Test
    void identityProviderLifecycle() {
        String poolId = createPool();

        IdentityProviderType google = cognito()
                .createIdentityProvider((request) -> request.userPoolId(poolId)
                        .providerName("Google")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(Map.of(
                                "client_id", "google-client",
                                "client_secret", "google-secret",
                                "authorize_scopes", "openid email"))
                        .attributeMapping(Map.of("email", "email")))
                .identityProvider();
        assertThat(google.providerDetails())
                .containsEntry("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth")
                .containsEntry("token_url", "https://www.googleapis.com/oauth2/v4/token");
        assertThat(google.attributeMapping()).containsEntry("email", "email").containsEntry("username", "sub");

        cognito()
                .createIdentityProvider((request) -> request.userPoolId(poolId)
                        .providerName("Okta")
                        .providerType(IdentityProviderTypeType.SAML)
                        .providerDetails(Map.of("MetadataURL", "https://okta.example.com/metadata"))
                        .idpIdentifiers("example.com"));
        assertThat(cognito()
                        .getIdentityProviderByIdentifier(
                                (request) -> request.userPoolId(poolId).idpIdentifier("example.com"))
                        .identityProvider()
                        .providerName())
                .isEqualTo("Okta");

        IdentityProviderType updated = cognito()
                .updateIdentityProvider((request) ->
                        request.userPoolId(poolId).providerName("Okta").attributeMapping(Map.of("email", "mail")))
                .identityProvider();
        assertThat(updated.attributeMapping()).isEqualTo(Map.of("email", "mail"));
        assertThat(updated.idpIdentifiers()).containsExactly("example.com");
        assertThat(cognito()
                        .describeIdentityProvider(
                                (request) -> request.userPoolId(poolId).providerName("Okta"))
                        .identityProvider())
                .isEqualTo(updated);

        ListIdentityProvidersResponse listed = cognito()
                .listIdentityProviders((request) -> request.userPoolId(poolId).maxResults(10));
        assertThat(listed.providers())
                .extracting(ProviderDescription::providerName)
                .containsExactly("Google", "Okta");

        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("web")
                        .supportedIdentityProviders("COGNITO", "Google", "Okta"))
                .userPoolClient();
        assertThat(client.supportedIdentityProviders()).containsExactly("COGNITO", "Google", "Okta");

        cognito().deleteIdentityProvider((request) -> request.userPoolId(poolId).providerName("Okta"));
        assertThatThrownBy(() -> cognito()
                        .describeIdentityProvider(
                                (request) -> request.userPoolId(poolId).providerName("Okta")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void identityProvidersAreCheckedAsCognitoChecksThem() {
        String poolId = createPool();
        Map<String, String> details = Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid");

        assertThatThrownBy(() -> cognito()
                        .createIdentityProvider((request) -> request.userPoolId(poolId)
                                .providerName("MyGoogle")
                                .providerType(IdentityProviderTypeType.GOOGLE)
                                .providerDetails(details)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Provider MyGoogle cannot be of type Google.");
        assertThatThrownBy(() -> cognito()
                        .createIdentityProvider((request) -> request.userPoolId(poolId)
                                .providerName("Facebook")
                                .providerType(IdentityProviderTypeType.FACEBOOK)
                                .providerDetails(Map.of("client_id", "c"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("client_id, client_secret and authorize_scopes are all required idp details");
        cognito()
                .createIdentityProvider((request) -> request.userPoolId(poolId)
                        .providerName("Google")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(details));
        assertThatThrownBy(() -> cognito()
                        .createIdentityProvider((request) -> request.userPoolId(poolId)
                                .providerName("Google")
                                .providerType(IdentityProviderTypeType.GOOGLE)
                                .providerDetails(details)))
                .isInstanceOf(DuplicateProviderException.class);
        assertThatThrownBy(() -> cognito()
                        .createUserPoolClient((request) ->
                                request.userPoolId(poolId).clientName("web").supportedIdentityProviders("Okta")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The provider Okta does not exist for User Pool " + poolId);
    }

    @Test
    void updateUserPoolClientResetsWhatItLeavesOut() {
        String poolId = createPool();
        UserPoolClientType created = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("web")
                        .accessTokenValidity(2)
                        .readAttributes("email")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid")
                        .callbackURLs("https://app.example.com/callback"))
                .userPoolClient();

        UserPoolClientType updated = cognito()
                .updateUserPoolClient((request) ->
                        request.userPoolId(poolId).clientId(created.clientId()).idTokenValidity(5))
                .userPoolClient();

        assertThat(updated.clientName()).isEqualTo("web");
        assertThat(updated.idTokenValidity()).isEqualTo(5);
        assertThat(updated.accessTokenValidity()).isNull();
        assertThat(updated.readAttributes()).isEmpty();
        assertThat(updated.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(updated.allowedOAuthFlows()).isEmpty();
        assertThat(updated.callbackURLs()).isEmpty();
        assertThat(cognito()
                        .describeUserPoolClient(
                                (request) -> request.userPoolId(poolId).clientId(created.clientId()))
                        .userPoolClient())
                .isEqualTo(updated);
        assertThatThrownBy(() -> cognito()
                        .updateUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientId(created.clientId())
                                .allowedOAuthFlowsUserPoolClient(true)
                                .allowedOAuthFlows(OAuthFlowType.CODE)
                                .allowedOAuthScopes("openid")
                                .callbackURLs("http://app.example.com/callback")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("http://app.example.com/callback cannot use the HTTP protocol.");
        assertThat(List.of(updated.clientId())).containsExactly(created.clientId());
    }
}
