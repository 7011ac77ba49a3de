package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Creating, describing, listing and deleting app clients. */
class UserPoolClientTests extends CognitoUseCase {

    @Test
    void aNewClientGetsACognitoShapedIdAndNoSecret() {
        String poolId = createPool();

        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName("web"))
                .userPoolClient();

        assertThat(client.clientId()).matches("[a-z0-9]{26}");
        assertThat(client.clientName()).isEqualTo("web");
        assertThat(client.userPoolId()).isEqualTo(poolId);
        assertThat(client.clientSecret()).isNull();
        assertThat(client.creationDate()).isNotNull();
        assertThat(client.refreshTokenValidity()).isEqualTo(30);
        assertThat(client.enableTokenRevocation()).isTrue();
        assertThat(client.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(client.authSessionValidity()).isEqualTo(3);
    }

    @Test
    void generateSecretGivesTheClientASecretThatDescribeRepeats() {
        String poolId = createPool();

        UserPoolClientType created = cognito()
                .createUserPoolClient((request) ->
                        request.userPoolId(poolId).clientName("backend").generateSecret(true))
                .userPoolClient();
        UserPoolClientType described = cognito()
                .describeUserPoolClient((request) -> request.userPoolId(poolId).clientId(created.clientId()))
                .userPoolClient();

        assertThat(created.clientSecret()).matches("[\\w+]{24,64}");
        assertThat(described.clientSecret()).isEqualTo(created.clientSecret());
        assertThat(described).isEqualTo(created);
    }

    @Test
    void explicitAuthFlowsAndTokenValidityAreKept() {
        String poolId = createPool();

        UserPoolClientType created = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("spa")
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .accessTokenValidity(30)
                        .idTokenValidity(45)
                        .refreshTokenValidity(7)
                        .tokenValidityUnits((units) -> units.accessToken(TimeUnitsType.MINUTES)
                                .idToken(TimeUnitsType.MINUTES)
                                .refreshToken(TimeUnitsType.DAYS)))
                .userPoolClient();
        UserPoolClientType client = cognito()
                .describeUserPoolClient((request) -> request.userPoolId(poolId).clientId(created.clientId()))
                .userPoolClient();

        assertThat(client.explicitAuthFlows())
                .containsExactly(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
        assertThat(client.accessTokenValidity()).isEqualTo(30);
        assertThat(client.idTokenValidity()).isEqualTo(45);
        assertThat(client.refreshTokenValidity()).isEqualTo(7);
        assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.DAYS);
    }

    @Test
    void oauthSettingsAreKept() {
        String poolId = createPool();

        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("hosted-ui")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid", "email")
                        .callbackURLs("https://app.example.com/callback", "http://localhost:8080/login")
                        .supportedIdentityProviders("COGNITO"))
                .userPoolClient();

        assertThat(client.allowedOAuthFlowsUserPoolClient()).isTrue();
        assertThat(client.allowedOAuthFlows()).containsExactly(OAuthFlowType.CODE);
        assertThat(client.allowedOAuthScopes()).containsExactly("openid", "email");
        assertThat(client.callbackURLs())
                .containsExactly("https://app.example.com/callback", "http://localhost:8080/login");
        assertThat(client.supportedIdentityProviders()).containsExactly("COGNITO");
    }

    @Test
    void allowFlowsWithoutRefreshTokenAuthAreRejectedAndNothingIsCreated() {
        String poolId = createPool();

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .createUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientName("no-refresh")
                                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("REFRESH_TOKEN_AUTH should always be allowed.");

        assertThat(cognito()
                        .listUserPoolClients((request) -> request.userPoolId(poolId))
                        .userPoolClients())
                .isEmpty();
    }

    @Test
    void listingReturnsOnlyTheIdNameAndPoolOfEachClientPageByPage() {
        String poolId = createPool();
        List<String> ids = IntStream.range(0, 5)
                .mapToObj((i) -> cognito()
                        .createUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientName("client" + i)
                                .generateSecret(true))
                        .userPoolClient()
                        .clientId())
                .toList();

        List<UserPoolClientDescription> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserPoolClientsResponse page = cognito()
                    .listUserPoolClients((request) ->
                            request.userPoolId(poolId).maxResults(2).nextToken(next));
            assertThat(page.userPoolClients()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.userPoolClients());
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).extracting(UserPoolClientDescription::clientId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen).allSatisfy((client) -> {
            assertThat(client.userPoolId()).isEqualTo(poolId);
            assertThat(client.clientName()).startsWith("client");
        });
    }

    @Test
    void aDeletedClientIsGone() {
        String poolId = createPool();
        String clientId = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName("short-lived"))
                .userPoolClient()
                .clientId();

        cognito().deleteUserPoolClient((request) -> request.userPoolId(poolId).clientId(clientId));

        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeUserPoolClient(
                                (request) -> request.userPoolId(poolId).clientId(clientId)));
        assertThat(cognito()
                        .listUserPoolClients((request) -> request.userPoolId(poolId))
                        .userPoolClients())
                .isEmpty();
    }

    @Test
    void anUnknownClientIsResourceNotFound() {
        String poolId = createPool();
        String clientId = "abcdefghijklmnopqrstuvwxyz";

        ResourceNotFoundException describe = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeUserPoolClient(
                                (request) -> request.userPoolId(poolId).clientId(clientId)));
        ResourceNotFoundException delete = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .deleteUserPoolClient(
                                (request) -> request.userPoolId(poolId).clientId(clientId)));

        assertThat(describe.awsErrorDetails().errorMessage())
                .isEqualTo("User pool client abcdefghijklmnopqrstuvwxyz does not exist.");
        assertThat(delete.awsErrorDetails().errorMessage())
                .isEqualTo("User pool client abcdefghijklmnopqrstuvwxyz does not exist.");
    }

    @Test
    void aClientOfAnotherPoolIsNotFoundInThisOne() {
        String poolId = createPool();
        String otherPoolId = createPool();
        String clientId = cognito()
                .createUserPoolClient(
                        (request) -> request.userPoolId(otherPoolId).clientName("elsewhere"))
                .userPoolClient()
                .clientId();

        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeUserPoolClient(
                                (request) -> request.userPoolId(poolId).clientId(clientId)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("User pool client " + clientId + " does not exist.");
    }

    @Test
    void aClientCannotBeCreatedInAnUnknownPool() {
        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .createUserPoolClient((request) ->
                                request.userPoolId("us-east-1_NoSuchOne").clientName("orphan")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User pool us-east-1_NoSuchOne does not exist.");
    }
}
