package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** An administrator changing a user's attributes. */
class AdminUpdateUserAttributesTests extends CognitoUseCase {

    @Test
    void attributesCanBeAddedAndChanged() {
        String poolId = createPool();
        createUser(poolId, "alice", attribute("given_name", "Alice"));

        update(poolId, "alice", attribute("given_name", "Alicia"), attribute("family_name", "Smith"));

        assertThat(attributesOf(poolId, "alice"))
                .containsEntry("given_name", "Alicia")
                .containsEntry("family_name", "Smith");
    }

    @Test
    void aNewEmailIsNoLongerVerified() {
        String poolId = createPool();
        createUser(poolId, "bob", attribute("email", "bob@example.com"), attribute("email_verified", "true"));

        update(poolId, "bob", attribute("email", "robert@example.com"));

        assertThat(attributesOf(poolId, "bob"))
                .containsEntry("email", "robert@example.com")
                .containsEntry("email_verified", "false");
    }

    @Test
    void aNewEmailStaysVerifiedWhenTheAdministratorSaysSo() {
        String poolId = createPool();
        createUser(poolId, "carol", attribute("email", "carol@example.com"), attribute("email_verified", "true"));

        update(poolId, "carol", attribute("email", "caroline@example.com"), attribute("email_verified", "true"));

        assertThat(attributesOf(poolId, "carol"))
                .containsEntry("email", "caroline@example.com")
                .containsEntry("email_verified", "true");
    }

    @Test
    void customAttributesOfTheSchemaCanBeWritten() {
        String poolId =
                createPool((request) -> request.schema(customString("tenant"))).id();
        createUser(poolId, "dave");

        update(poolId, "dave", attribute("custom:tenant", "acme"));

        assertThat(attributesOf(poolId, "dave")).containsEntry("custom:tenant", "acme");
    }

    @Test
    void anAttributeOutsideTheSchemaIsRejectedAndNothingChanges() {
        String poolId = createPool();
        createUser(poolId, "erin", attribute("given_name", "Erin"));
        Map<String, String> before = attributesOf(poolId, "erin");

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> update(poolId, "erin", attribute("given_name", "Changed"), attribute("custom:nope", "x")));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.");
        assertThat(attributesOf(poolId, "erin")).isEqualTo(before);
    }

    @Test
    void theSubCannotBeChanged() {
        String poolId = createPool();
        String sub = attributes(createUser(poolId, "frank").attributes()).get("sub");

        cognitoError(
                InvalidParameterException.class,
                () -> update(poolId, "frank", attribute("sub", "00000000-0000-4000-8000-000000000000")));

        assertThat(attributesOf(poolId, "frank")).containsEntry("sub", sub);
    }

    @Test
    void theUserCanBeNamedByItsSub() {
        String poolId = createPool();
        String sub = attributes(createUser(poolId, "grace").attributes()).get("sub");

        update(poolId, sub, attribute("nickname", "G"));

        assertThat(attributesOf(poolId, "grace")).containsEntry("nickname", "G");
    }

    @Test
    void anUnknownUserCannotBeUpdated() {
        String poolId = createPool();

        UserNotFoundException error = cognitoError(
                UserNotFoundException.class, () -> update(poolId, "nobody", attribute("given_name", "Nobody")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
    }

    private void update(String poolId, String username, AttributeType... attributes) {
        cognito()
                .adminUpdateUserAttributes((request) ->
                        request.userPoolId(poolId).username(username).userAttributes(attributes));
    }
}
