package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException;

/** An app client created with {@code EnableTokenRevocation} off: no {@code origin_jti}, and no RevokeToken. */
class TokenRevocationSettingTests extends SignInUseCase {

    @Test
    void tokensOfAClientWithoutRevocationCarryNoOriginJtiButEndWithGlobalSignOut() {
        String poolId = createPool();
        String clientId = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("no-revocation"))
                        .enableTokenRevocation(false)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        AuthenticationResultType tokens = signIn(clientId, "alice", STRONG_PASSWORD);

        assertThat(claims(tokens.accessToken()).has("origin_jti")).isFalse();
        assertThat(claims(tokens.idToken()).has("origin_jti")).isFalse();
        cognitoError(
                UnsupportedOperationException.class,
                () -> cognito()
                        .revokeToken((request) -> request.clientId(clientId).token(tokens.refreshToken())));

        cognito().globalSignOut((request) -> request.accessToken(tokens.accessToken()));

        NotAuthorizedException error = cognitoError(
                NotAuthorizedException.class,
                () -> cognito().getUser((request) -> request.accessToken(tokens.accessToken())));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Access Token has been revoked");
    }
}
