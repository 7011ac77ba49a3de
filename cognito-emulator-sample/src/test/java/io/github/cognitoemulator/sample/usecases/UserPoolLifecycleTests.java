package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** Creating, describing and deleting user pools. */
class UserPoolLifecycleTests extends CognitoUseCase {

    private static final List<String> STANDARD_ATTRIBUTES = List.of(
            "sub",
            "name",
            "given_name",
            "family_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "email",
            "email_verified",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "phone_number",
            "phone_number_verified",
            "address",
            "updated_at");

    @Test
    void aNewPoolGetsARegionalIdAndAnArnInTheEmulatedAccount() {
        String name = unique("ids");
        UserPoolType pool =
                cognito().createUserPool((request) -> request.poolName(name)).userPool();

        assertThat(pool.id()).matches("us-east-1_[0-9A-Za-z]{9}");
        assertThat(pool.name()).isEqualTo(name);
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
        assertThat(pool.creationDate()).isNotNull();
        assertThat(pool.lastModifiedDate()).isEqualTo(pool.creationDate());
    }

    @Test
    void theRegionTheClientSignsForNamesThePool() {
        UserPoolType pool = cognito(Region.EU_WEST_1)
                .createUserPool((request) -> request.poolName(unique("eu")))
                .userPool();

        assertThat(pool.id()).matches("eu-west-1_[0-9A-Za-z]{9}");
        assertThat(pool.arn()).startsWith("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/");
    }

    @Test
    void aPoolCreatedWithoutSettingsHasCognitosDefaults() {
        String id = createPool();

        UserPoolType pool =
                cognito().describeUserPool((request) -> request.userPoolId(id)).userPool();

        assertThat(pool.policies().passwordPolicy())
                .isEqualTo(PasswordPolicyType.builder()
                        .minimumLength(8)
                        .requireUppercase(true)
                        .requireLowercase(true)
                        .requireNumbers(true)
                        .requireSymbols(true)
                        .temporaryPasswordValidityDays(7)
                        .build());
        assertThat(pool.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(pool.estimatedNumberOfUsers()).isZero();
        assertThat(pool.usernameAttributes()).isEmpty();
        assertThat(pool.aliasAttributes()).isEmpty();
    }

    @Test
    void aPoolListsTheTwentyStandardAttributesInCognitosOrder() {
        String id = createPool();

        List<SchemaAttributeType> schema = cognito()
                .describeUserPool((request) -> request.userPoolId(id))
                .userPool()
                .schemaAttributes();

        assertThat(schema).extracting(SchemaAttributeType::name).containsExactlyElementsOf(STANDARD_ATTRIBUTES);
        SchemaAttributeType sub = schema.get(0);
        assertThat(sub.mutable()).isFalse();
        assertThat(sub.required()).isTrue();
        assertThat(sub.attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(sub.stringAttributeConstraints().minLength()).isEqualTo("1");
        assertThat(sub.stringAttributeConstraints().maxLength()).isEqualTo("2048");
        assertThat(schema.subList(1, schema.size())).allSatisfy((attribute) -> {
            assertThat(attribute.mutable()).isTrue();
            assertThat(attribute.required()).isFalse();
            assertThat(attribute.developerOnlyAttribute()).isFalse();
        });
        assertThat(schema)
                .filteredOn((attribute) -> attribute.name().endsWith("_verified"))
                .allSatisfy(
                        (attribute) -> assertThat(attribute.attributeDataType()).isEqualTo(AttributeDataType.BOOLEAN));
        assertThat(schema.get(STANDARD_ATTRIBUTES.indexOf("updated_at")).attributeDataType())
                .isEqualTo(AttributeDataType.NUMBER);
        assertThat(schema.get(STANDARD_ATTRIBUTES.indexOf("birthdate"))
                        .stringAttributeConstraints()
                        .minLength())
                .isEqualTo("10");
    }

    @Test
    void aCustomAttributeOfTheSchemaFollowsTheStandardOnesWithItsPrefix() {
        UserPoolType created = createPool((request) -> request.schema(customString("tenant")));

        List<SchemaAttributeType> schema = cognito()
                .describeUserPool((request) -> request.userPoolId(created.id()))
                .userPool()
                .schemaAttributes();

        assertThat(schema).hasSize(21);
        assertThat(schema.get(20).name()).isEqualTo("custom:tenant");
        assertThat(schema.get(20).attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(schema.get(20).mutable()).isTrue();
        assertThat(created.schemaAttributes()).isEqualTo(schema);
    }

    @Test
    void aGivenPasswordPolicyIsKept() {
        PasswordPolicyType policy = PasswordPolicyType.builder()
                .minimumLength(12)
                .requireUppercase(true)
                .requireLowercase(true)
                .requireNumbers(false)
                .requireSymbols(false)
                .temporaryPasswordValidityDays(3)
                .build();
        String id = createPool((request) -> request.policies((policies) -> policies.passwordPolicy(policy)))
                .id();

        UserPoolType pool =
                cognito().describeUserPool((request) -> request.userPoolId(id)).userPool();

        assertThat(pool.policies().passwordPolicy()).isEqualTo(policy);
    }

    @Test
    void theEstimatedNumberOfUsersCountsThePoolsUsers() {
        String id = createPool();
        createUser(id, "first");
        createUser(id, "second");

        UserPoolType pool =
                cognito().describeUserPool((request) -> request.userPoolId(id)).userPool();

        assertThat(pool.estimatedNumberOfUsers()).isEqualTo(2);
    }

    @Test
    void aDeletedPoolIsGone() {
        String id = createPool();
        createUser(id, "someone");

        cognito().deleteUserPool((request) -> request.userPoolId(id));

        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class, () -> cognito().describeUserPool((request) -> request.userPoolId(id)));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User pool " + id + " does not exist.");
        assertThat(allPoolIds()).doesNotContain(id);
    }

    @Test
    void aPoolWithDeletionProtectionCannotBeDeleted() {
        String id = createPool((request) -> request.deletionProtection(DeletionProtectionType.ACTIVE))
                .id();

        cognitoError(
                InvalidParameterException.class, () -> cognito().deleteUserPool((request) -> request.userPoolId(id)));

        assertThat(cognito()
                        .describeUserPool((request) -> request.userPoolId(id))
                        .userPool()
                        .deletionProtection())
                .isEqualTo(DeletionProtectionType.ACTIVE);
    }

    @Test
    void describingOrDeletingAnUnknownPoolIsResourceNotFound() {
        String id = "us-east-1_NoSuchOne";

        assertThat(cognitoError(
                                ResourceNotFoundException.class,
                                () -> cognito().describeUserPool((request) -> request.userPoolId(id)))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo("User pool us-east-1_NoSuchOne does not exist.");
        assertThat(cognitoError(
                                ResourceNotFoundException.class,
                                () -> cognito().deleteUserPool((request) -> request.userPoolId(id)))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo("User pool us-east-1_NoSuchOne does not exist.");
    }

    @Test
    void aPoolNameOutsideTheModelsPatternIsRejectedAndNothingIsCreated() {
        String name = unique("bad/name");

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class, () -> cognito().createUserPool((request) -> request.poolName(name)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value '" + name + "' at 'poolName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
        assertThat(allPools()).extracting(UserPoolDescriptionType::name).doesNotContain(name);
    }

    private List<String> allPoolIds() {
        return allPools().stream().map(UserPoolDescriptionType::id).toList();
    }

    private List<UserPoolDescriptionType> allPools() {
        List<UserPoolDescriptionType> pools = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserPoolsResponse page =
                    cognito().listUserPools((request) -> request.maxResults(60).nextToken(next));
            pools.addAll(page.userPools());
            token = page.nextToken();
        } while (token != null);
        return pools;
    }
}
