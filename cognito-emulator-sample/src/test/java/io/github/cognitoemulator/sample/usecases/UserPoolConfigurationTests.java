package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserVerificationType;

/** Changing a pool after it was created: UpdateUserPool, custom attributes, MFA, tags and deletion protection. */
class UserPoolConfigurationTests extends CognitoUseCase {

    private UserPoolType describe(String poolId) {
        return cognito()
                .describeUserPool((request) -> request.userPoolId(poolId))
                .userPool();
    }

    @Test
    void updateUserPoolReplacesTheSettingsAndTheNewPasswordPolicyApplies() {
        String poolId = createPool();
        createUser(poolId, "alice");

        cognito()
                .updateUserPool((request) -> request.userPoolId(poolId)
                        .poolName("renamed")
                        .policies((policies) -> policies.passwordPolicy((password) -> password.minimumLength(20)))
                        .deletionProtection(DeletionProtectionType.ACTIVE));

        UserPoolType pool = describe(poolId);
        assertThat(pool.name()).isEqualTo("renamed");
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(20);
        assertThat(pool.policies().passwordPolicy().requireSymbols()).isFalse();
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.ACTIVE);
        InvalidPasswordException error = cognitoError(
                InvalidPasswordException.class,
                () -> cognito()
                        .adminSetUserPassword((request) -> request.userPoolId(poolId)
                                .username("alice")
                                .password(STRONG_PASSWORD)
                                .permanent(true)));
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Password does not conform to policy: Password not long enough");
    }

    @Test
    void deletionProtectionKeepsThePoolUntilUpdateUserPoolLiftsIt() {
        String poolId = createPool((request) -> request.deletionProtection(DeletionProtectionType.ACTIVE))
                .id();

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito().deleteUserPool((request) -> request.userPoolId(poolId)));
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The user pool cannot be deleted because deletion protection is activated.");

        cognito()
                .updateUserPool(
                        (request) -> request.userPoolId(poolId).deletionProtection(DeletionProtectionType.INACTIVE));
        cognito().deleteUserPool((request) -> request.userPoolId(poolId));
        cognitoError(ResourceNotFoundException.class, () -> describe(poolId));
    }

    @Test
    void updateOfAnUnknownPoolIsNotFound() {
        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito().updateUserPool((request) -> request.userPoolId("us-east-1_missing00")));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void addedCustomAttributesCanBeWrittenAtOnce() {
        String poolId = createPool();
        createUser(poolId, "alice");

        cognito().addCustomAttributes((request) -> request.userPoolId(poolId).customAttributes(customString("tenant")));
        cognito()
                .adminUpdateUserAttributes((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .userAttributes(attribute("custom:tenant", "acme")));

        assertThat(attributesOf(poolId, "alice")).containsEntry("custom:tenant", "acme");
        assertThat(describe(poolId).schemaAttributes())
                .extracting(SchemaAttributeType::name)
                .endsWith("custom:tenant");
        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .addCustomAttributes(
                                (request) -> request.userPoolId(poolId).customAttributes(customString("tenant"))));
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Existing attribute already has name custom:tenant.");
    }

    @Test
    void aNewPoolAnswersTheMfaConfigurationAsTerraformReadsIt() {
        String poolId = createPool();

        GetUserPoolMfaConfigResponse config = cognito().getUserPoolMfaConfig((request) -> request.userPoolId(poolId));

        assertThat(config.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(config.softwareTokenMfaConfiguration()).isNull();
        assertThat(config.smsMfaConfiguration()).isNull();
        assertThat(config.emailMfaConfiguration()).isNull();
        assertThat(config.webAuthnConfiguration()).isNull();
    }

    @Test
    void softwareTokenMfaTurnedOnShowsInDescribeUserPool() {
        String poolId = createPool();

        SetUserPoolMfaConfigResponse set = cognito()
                .setUserPoolMfaConfig((request) -> request.userPoolId(poolId)
                        .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                        .softwareTokenMfaConfiguration((totp) -> totp.enabled(true))
                        .webAuthnConfiguration((passkeys) -> passkeys.relyingPartyId("example.com")
                                .userVerification(UserVerificationType.REQUIRED)));

        assertThat(set.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(set.softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(set.webAuthnConfiguration().userVerification()).isEqualTo(UserVerificationType.REQUIRED);
        assertThat(cognito()
                        .getUserPoolMfaConfig((request) -> request.userPoolId(poolId))
                        .softwareTokenMfaConfiguration()
                        .enabled())
                .isTrue();
        assertThat(describe(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
    }

    @Test
    void mfaRequiredWithoutAnyFactorIsRefused() {
        String poolId = createPool();

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .setUserPoolMfaConfig(
                                (request) -> request.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid MFA configuration given, can't disable all MFAs with a required or optional"
                        + " configuration.");
    }

    @Test
    void tagsFromCreationAndTagResourceShowInListTagsAndDescribe() {
        UserPoolType pool = createPool((request) -> request.userPoolTags(Map.of("team", "auth")));

        cognito().tagResource((request) -> request.resourceArn(pool.arn()).tags(Map.of("env", "dev")));
        cognito().untagResource((request) -> request.resourceArn(pool.arn()).tagKeys("team"));

        assertThat(cognito()
                        .listTagsForResource((request) -> request.resourceArn(pool.arn()))
                        .tags())
                .isEqualTo(Map.of("env", "dev"));
        assertThat(describe(pool.id()).userPoolTags()).isEqualTo(Map.of("env", "dev"));
    }

    @Test
    void tagsOfAnUnknownPoolAreNotFound() {
        String arn = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_missing00";

        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito().listTagsForResource((request) -> request.resourceArn(arn)));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Resource " + arn + " does not exist.");
    }
}
