package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

/** Prefix and custom domains of user pools. */
class UserPoolDomainTests extends CognitoUseCase {

    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:000000000000:certificate/1234";

    @Test
    void aPrefixDomainIsCreatedDescribedUpdatedAndDeleted() {
        String poolId = createPool();
        String prefix = unique("shop");

        CreateUserPoolDomainResponse created = cognito()
                .createUserPoolDomain((request) -> request.userPoolId(poolId).domain(prefix));

        assertThat(created.managedLoginVersion()).isEqualTo(1);
        assertThat(created.cloudFrontDomain()).isNull();
        DomainDescriptionType description = cognito()
                .describeUserPoolDomain((request) -> request.domain(prefix))
                .domainDescription();
        assertThat(description.userPoolId()).isEqualTo(poolId);
        assertThat(description.domain()).isEqualTo(prefix);
        assertThat(description.status()).isEqualTo(DomainStatusType.ACTIVE);
        assertThat(description.awsAccountId()).isEqualTo("000000000000");
        assertThat(cognito()
                        .describeUserPool((request) -> request.userPoolId(poolId))
                        .userPool()
                        .domain())
                .isEqualTo(prefix);

        assertThat(cognito()
                        .updateUserPoolDomain((request) ->
                                request.userPoolId(poolId).domain(prefix).managedLoginVersion(2))
                        .managedLoginVersion())
                .isEqualTo(2);
        InvalidParameterException refused = cognitoError(
                InvalidParameterException.class,
                () -> cognito().deleteUserPool((request) -> request.userPoolId(poolId)));
        assertThat(refused.awsErrorDetails().errorMessage())
                .isEqualTo("User pool cannot be deleted. It has a domain configured that should be deleted first.");

        cognito().deleteUserPoolDomain((request) -> request.userPoolId(poolId).domain(prefix));

        assertThat(cognito()
                        .describeUserPoolDomain((request) -> request.domain(prefix))
                        .domainDescription()
                        .domain())
                .isNull();
        cognito().deleteUserPool((request) -> request.userPoolId(poolId));
    }

    @Test
    void aCustomDomainAnswersItsCloudFrontDistribution() {
        String poolId = createPool();
        String domain = unique("auth") + ".example.com";

        CreateUserPoolDomainResponse created = cognito()
                .createUserPoolDomain((request) -> request.userPoolId(poolId)
                        .domain(domain)
                        .customDomainConfig((config) -> config.certificateArn(CERTIFICATE)));

        assertThat(created.cloudFrontDomain()).matches("d[0-9a-z]{13}\\.cloudfront\\.net");
        assertThat(cognito()
                        .describeUserPoolDomain((request) -> request.domain(domain))
                        .domainDescription()
                        .customDomainConfig()
                        .certificateArn())
                .isEqualTo(CERTIFICATE);
        assertThat(cognito()
                        .describeUserPool((request) -> request.userPoolId(poolId))
                        .userPool()
                        .customDomain())
                .isEqualTo(domain);
    }

    @Test
    void reservedWordsAndTakenPrefixesAreRefused() {
        String poolId = createPool();
        String prefix = unique("taken");
        cognito().createUserPoolDomain((request) -> request.userPoolId(poolId).domain(prefix));
        String other = createPool();

        InvalidParameterException reserved = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .createUserPoolDomain(
                                (request) -> request.userPoolId(other).domain("my-cognito-app")));
        InvalidParameterException taken = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .createUserPoolDomain(
                                (request) -> request.userPoolId(other).domain(prefix)));

        assertThat(reserved.awsErrorDetails().errorMessage()).isEqualTo("Domain cannot contain reserved word: cognito");
        assertThat(taken.awsErrorDetails().errorMessage())
                .isEqualTo("Domain already associated with another user pool.");
    }
}
