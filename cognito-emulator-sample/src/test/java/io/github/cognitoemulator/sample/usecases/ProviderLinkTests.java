package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Linking a Google identity to an existing user, and unlinking it again. */
class ProviderLinkTests extends CognitoUseCase {

    private static ProviderUserIdentifierType identity(String provider, String attributeName, String value) {
        return ProviderUserIdentifierType.builder()
                .providerName(provider)
                .providerAttributeName(attributeName)
                .providerAttributeValue(value)
                .build();
    }

    private String identities(String poolId, String username) {
        return cognito()
                .adminGetUser((request) -> request.userPoolId(poolId).username(username))
                .userAttributes()
                .stream()
                .filter((attribute) -> attribute.name().equals("identities"))
                .map(AttributeType::value)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aGoogleIdentityIsLinkedAndUnlinked() {
        String poolId = createPool();
        cognito()
                .createIdentityProvider((request) -> request.userPoolId(poolId)
                        .providerName("Google")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(Map.of(
                                "client_id", "google-client",
                                "client_secret", "google-secret",
                                "authorize_scopes", "openid email")));
        createUser(poolId, "alice");

        cognito()
                .adminLinkProviderForUser((request) -> request.userPoolId(poolId)
                        .destinationUser(identity("Cognito", "Cognito_Subject", "alice"))
                        .sourceUser(identity("Google", "Cognito_Subject", "109876543210")));

        assertThat(identities(poolId, "alice"))
                .startsWith("[{\"userId\":\"109876543210\",\"providerName\":\"Google\",\"providerType\":\"Google\","
                        + "\"issuer\":null,\"primary\":false,\"dateCreated\":");
        assertThat(cognito()
                        .listUsers((request) -> request.userPoolId(poolId))
                        .users()
                        .get(0)
                        .attributes())
                .extracting(AttributeType::name)
                .contains("identities");

        assertThatThrownBy(() -> cognito()
                        .adminLinkProviderForUser((request) -> request.userPoolId(poolId)
                                .destinationUser(identity("Cognito", "Cognito_Subject", "alice"))
                                .sourceUser(identity("Google", "email", "alice@gmail.com"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Cognito_Subject");
        assertThatThrownBy(() -> cognito()
                        .adminLinkProviderForUser((request) -> request.userPoolId(poolId)
                                .destinationUser(identity("Cognito", "Cognito_Subject", "nobody"))
                                .sourceUser(identity("Google", "Cognito_Subject", "1"))))
                .isInstanceOf(UserNotFoundException.class);

        cognito()
                .adminDisableProviderForUser((request) ->
                        request.userPoolId(poolId).user(identity("Google", "Cognito_Subject", "109876543210")));
        assertThat(identities(poolId, "alice")).isNull();
    }
}
