package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitClass;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitDefinitionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ServiceQuotaExceededException;

/**
 * Reading and setting the account's provisioned request rates. The sample asks Service Quotas for no increase, so
 * each category's maximum is its free rate. These tests work in a region no other test uses, since the limits belong
 * to the account rather than to a pool.
 */
class ProvisionedLimitTests extends CognitoUseCase {

    private CognitoIdentityProviderClient limits() {
        return cognito(Region.AP_SOUTHEAST_4);
    }

    private static LimitDefinitionType category(String category) {
        return LimitDefinitionType.builder()
                .limitClass(LimitClass.API_CATEGORY)
                .attributes(Map.of("Category", category))
                .build();
    }

    @Test
    void aCategoryStartsAtItsFreeRateAndCanBeSetToIt() {
        LimitType limit = limits().getProvisionedLimit((request) -> request.limitDefinition(category("UserCreation")))
                .limit();

        assertThat(limit.limitDefinition()).isEqualTo(category("UserCreation"));
        assertThat(limit.provisionedLimitValue()).isEqualTo(50);
        assertThat(limit.freeLimitValue()).isEqualTo(50);
        LimitType updated = limits().updateProvisionedLimit((request) ->
                        request.limitDefinition(category("UserCreation")).requestedLimitValue(50))
                .limit();
        assertThat(updated).isEqualTo(limit);
    }

    @Test
    void aRateAboveTheAccountMaximumExceedsTheServiceQuota() {
        ServiceQuotaExceededException error = cognitoError(
                ServiceQuotaExceededException.class,
                () -> limits().updateProvisionedLimit((request) ->
                        request.limitDefinition(category("UserAuthentication")).requestedLimitValue(300)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("RequestedLimitValue 300 exceeds the account-level maximum limit of 120 for category"
                        + " UserAuthentication. Request a Service Quotas increase to raise the maximum.");
        assertThat(limits().getProvisionedLimit((request) -> request.limitDefinition(category("UserAuthentication")))
                        .limit()
                        .provisionedLimitValue())
                .isEqualTo(120);
    }

    @Test
    void aRateBelowTheFreeRateIsInvalid() {
        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> limits().updateProvisionedLimit((request) ->
                        request.limitDefinition(category("UserFederation")).requestedLimitValue(10)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("RequestedLimitValue 10 is below the default limit of 25 for category UserFederation.");
    }

    @Test
    void aCategoryWithAFixedRateHasNoProvisionedLimit() {
        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> limits().getProvisionedLimit((request) -> request.limitDefinition(category("UserList"))));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("No provisioned limit exists for API category UserList.");
    }
}
