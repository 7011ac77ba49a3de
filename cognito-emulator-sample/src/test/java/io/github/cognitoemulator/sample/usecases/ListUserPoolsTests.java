package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/** Listing user pools page by page. */
class ListUserPoolsTests extends CognitoUseCase {

    @Test
    void maxResultsIsRequired() {
        InvalidParameterException error =
                cognitoError(InvalidParameterException.class, () -> cognito().listUserPools((request) -> {}));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void maxResultsAbove60IsRejected() {
        InvalidParameterException error = cognitoError(
                InvalidParameterException.class, () -> cognito().listUserPools((request) -> request.maxResults(61)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
    }

    @Test
    void followingNextTokenVisitsEveryPoolExactlyOnce() {
        List<String> mine = IntStream.range(0, 5).mapToObj((i) -> createPool()).toList();

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserPoolsResponse page =
                    cognito().listUserPools((request) -> request.maxResults(2).nextToken(next));
            assertThat(page.userPools()).hasSizeLessThanOrEqualTo(2);
            page.userPools().stream().map(UserPoolDescriptionType::id).forEach(seen::add);
            token = page.nextToken();
        } while (token != null);

        // Other tests add pools to the same emulator meanwhile, so only this test's pools are counted.
        assertThat(seen).filteredOn(mine::contains).containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void aListedPoolCarriesItsIdNameAndDates() {
        String id = createPool();
        String name = cognito()
                .describeUserPool((request) -> request.userPoolId(id))
                .userPool()
                .name();

        UserPoolDescriptionType listed =
                cognito().listUserPoolsPaginator((request) -> request.maxResults(60)).userPools().stream()
                        .filter((pool) -> pool.id().equals(id))
                        .findFirst()
                        .orElseThrow();

        assertThat(listed.name()).isEqualTo(name);
        assertThat(listed.creationDate()).isNotNull();
        assertThat(listed.lastModifiedDate()).isNotNull();
        assertThat(listed.lambdaConfig()).isNotNull();
    }
}
