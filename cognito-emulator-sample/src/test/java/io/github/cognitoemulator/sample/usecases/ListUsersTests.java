package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/** Searching and paging through a pool's users. */
class ListUsersTests extends CognitoUseCase {

    private String poolId;

    private String aliceSub;

    @BeforeEach
    void fourUsers() {
        this.poolId =
                createPool((request) -> request.schema(customString("tenant"))).id();
        this.aliceSub = attributes(createUser(
                                this.poolId,
                                "alice",
                                attribute("email", "alice@example.com"),
                                attribute("custom:tenant", "acme"))
                        .attributes())
                .get("sub");
        createUser(this.poolId, "anna", attribute("email", "anna@example.org"));
        createUser(this.poolId, "bob", attribute("email", "bob@example.com"));
        createUser(this.poolId, "carl", attribute("given_name", "Carl"));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(this.poolId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .permanent(true));
    }

    @Test
    void withoutAFilterEveryUserIsListed() {
        assertThat(usernames(null)).containsExactlyInAnyOrder("alice", "anna", "bob", "carl");
        assertThat(usernames("")).containsExactlyInAnyOrder("alice", "anna", "bob", "carl");
    }

    @Test
    void aUsernameFilterMatchesExactly() {
        assertThat(usernames("username = \"alice\"")).containsExactly("alice");
        assertThat(usernames("username = \"ali\"")).isEmpty();
    }

    @Test
    void aPrefixFilterMatchesTheStartOfTheValue() {
        assertThat(usernames("email ^= \"a\"")).containsExactlyInAnyOrder("alice", "anna");
    }

    @Test
    void spacesAroundTheOperatorAreOptional() {
        assertThat(usernames("email=\"bob@example.com\"")).containsExactly("bob");
        assertThat(usernames("email^=\"bob\"")).containsExactly("bob");
    }

    @Test
    void theUserStatusFilterIgnoresCase() {
        assertThat(usernames("cognito:user_status = \"confirmed\"")).containsExactly("alice");
        assertThat(usernames("cognito:user_status = \"CONFIRMED\"")).containsExactly("alice");
        assertThat(usernames("cognito:user_status = \"force_change_password\""))
                .containsExactlyInAnyOrder("anna", "bob", "carl");
    }

    @Test
    void theEnabledFilterMatchesEnabledUsers() {
        assertThat(usernames("status = \"Enabled\"")).containsExactlyInAnyOrder("alice", "anna", "bob", "carl");
        assertThat(usernames("status = \"Disabled\"")).isEmpty();
    }

    @Test
    void aSubFilterFindsTheOneUser() {
        assertThat(usernames("sub = \"" + this.aliceSub + "\"")).containsExactly("alice");
    }

    @Test
    void inAPoolWhereUsersSignInWithEmailTheUsernameFilterTakesTheSub() {
        String emailPoolId = createPool((request) -> request.usernameAttributes(UsernameAttributeType.EMAIL))
                .id();
        String sub = createUser(emailPoolId, "ed@example.com").username();

        List<UserType> bySub = cognito()
                .listUsers((request) -> request.userPoolId(emailPoolId).filter("username = \"" + sub + "\""))
                .users();
        List<UserType> byEmail = cognito()
                .listUsers((request) -> request.userPoolId(emailPoolId).filter("email = \"ed@example.com\""))
                .users();

        assertThat(bySub).extracting(UserType::username).containsExactly(sub);
        assertThat(byEmail).extracting(UserType::username).containsExactly(sub);
    }

    @Test
    void anUnquotedValueCannotBeParsed() {
        InvalidParameterException error =
                cognitoError(InvalidParameterException.class, () -> usernames("username = alice"));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Error while parsing filter.");
    }

    @Test
    void customAttributesAreNotSearchable() {
        InvalidParameterException error =
                cognitoError(InvalidParameterException.class, () -> usernames("custom:tenant = \"acme\""));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Error while parsing filter.");
    }

    @Test
    void attributesToGetLimitsTheAttributesReturned() {
        // Cognito fails the call when a listed user lacks a requested attribute, so the filter keeps to users with one.
        List<UserType> users = cognito()
                .listUsers((request) ->
                        request.userPoolId(this.poolId).filter("email ^= \"a\"").attributesToGet("email"))
                .users();

        assertThat(users).extracting(UserType::username).containsExactlyInAnyOrder("alice", "anna");
        assertThat(users)
                .flatExtracting(UserType::attributes)
                .extracting(AttributeType::name)
                .containsOnly("email");
    }

    @Test
    void aLimitAbove60IsRejected() {
        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .listUsers((request) -> request.userPoolId(this.poolId).limit(61)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
    }

    @Test
    void followingThePaginationTokenVisitsEveryUserExactlyOnce() {
        IntStream.rangeClosed(1, 5)
                .forEach((i) -> createUser(this.poolId, "paged" + i, attribute("given_name", "Paged")));

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUsersResponse page = cognito()
                    .listUsers((request) -> request.userPoolId(this.poolId)
                            .filter("given_name = \"Paged\"")
                            .limit(2)
                            .paginationToken(next));
            assertThat(page.users()).hasSizeLessThanOrEqualTo(2);
            page.users().stream().map(UserType::username).forEach(seen::add);
            token = page.paginationToken();
        } while (token != null);

        assertThat(seen).containsExactlyInAnyOrder("paged1", "paged2", "paged3", "paged4", "paged5");
    }

    @Test
    void pagingWithoutAFilterAlsoVisitsEveryUserExactlyOnce() {
        List<String> seen = new ArrayList<>();
        cognito()
                .listUsersPaginator((request) -> request.userPoolId(this.poolId).limit(1))
                .users()
                .forEach((user) -> seen.add(user.username()));

        assertThat(seen).containsExactlyInAnyOrder("alice", "anna", "bob", "carl");
    }

    private List<String> usernames(String filter) {
        return cognito().listUsers((request) -> request.userPoolId(this.poolId).filter(filter)).users().stream()
                .map(UserType::username)
                .toList();
    }
}
