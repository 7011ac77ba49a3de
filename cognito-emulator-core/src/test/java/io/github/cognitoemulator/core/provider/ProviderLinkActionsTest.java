package io.github.cognitoemulator.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderLinkActionsTest {

    private static final long NOW_MILLIS = EmulatorFixture.NOW.toEpochMilli();

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(
            Map.of("Schema", List.of(Map.of("Name", "badge", "AttributeDataType", "String", "Mutable", false))));

    ProviderLinkActionsTest() {
        provider("Google", "Google", Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid"));
        provider("Okta", "SAML", Map.of("MetadataFile", "<xml/>"));
        this.fixture.createUser(this.poolId, "alice").requireSuccess();
    }

    private void provider(String name, String type, Map<String, String> details) {
        this.fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId", this.poolId,
                                "ProviderName", name,
                                "ProviderType", type,
                                "ProviderDetails", details))
                .requireSuccess();
    }

    private static Map<String, String> user(String providerName, String attributeName, String value) {
        return Map.of(
                "ProviderName", providerName, "ProviderAttributeName", attributeName, "ProviderAttributeValue", value);
    }

    private Reply link(String destination, Map<String, String> source) {
        return this.fixture.call(
                "AdminLinkProviderForUser",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "DestinationUser",
                        user("Cognito", "Cognito_Subject", destination),
                        "SourceUser",
                        source));
    }

    private Reply disable(Map<String, String> user) {
        return this.fixture.call("AdminDisableProviderForUser", Map.of("UserPoolId", this.poolId, "User", user));
    }

    private String identities(String username) {
        return this.fixture
                .getUser(this.poolId, username)
                .attributes("UserAttributes")
                .get("identities");
    }

    @Test
    void aLinkedIdentityShowsInTheIdentitiesAttribute() {
        assertThat(link("alice", user("Google", "Cognito_Subject", "1234567890"))
                        .body())
                .isEqualTo("{}");

        assertThat(identities("alice"))
                .isEqualTo("[{\"userId\":\"1234567890\",\"providerName\":\"Google\",\"providerType\":\"Google\","
                        + "\"issuer\":null,\"primary\":false,\"dateCreated\":" + NOW_MILLIS + "}]");
        assertThat(this.fixture
                        .call("ListUsers", Map.of("UserPoolId", this.poolId))
                        .list("Users")
                        .get(0)
                        .toString())
                .contains("identities");
    }

    @Test
    void identitiesAddUpAndSamlMayLinkByAnyAttribute() {
        link("alice", user("Google", "Cognito_Subject", "g-1")).requireSuccess();
        link("alice", user("Okta", "email", "alice@corp.example")).requireSuccess();

        assertThat(Identities.read(identities("alice")))
                .extracting(
                        Identities.Identity::providerName,
                        Identities.Identity::providerType,
                        Identities.Identity::userId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Google", "Google", "g-1"),
                        org.assertj.core.groups.Tuple.tuple("Okta", "SAML", "alice@corp.example"));
    }

    @Test
    void socialSourcesAreIdentifiedByTheirSubject() {
        assertThat(link("alice", user("Google", "email", "alice@gmail.com")).error())
                .isEqualTo("400 InvalidParameterException: ProviderAttributeName must be Cognito_Subject for provider"
                        + " Google.");
        assertThat(identities("alice")).isNull();
    }

    @Test
    void theSourceIsAnExistingExternalProvider() {
        assertThat(link("alice", user("Facebook", "Cognito_Subject", "1")).error())
                .isEqualTo("400 InvalidParameterException: The provider Facebook does not exist for User Pool "
                        + this.poolId + ".");
        assertThat(link("alice", user("Cognito", "Cognito_Subject", "bob")).error())
                .isEqualTo("400 InvalidParameterException: SourceUser must be a user of an external identity"
                        + " provider.");
        assertThat(link("alice", user("Okta", "email", "")).error())
                .isEqualTo("400 InvalidParameterException: SourceUser ProviderAttributeValue is required.");
    }

    @Test
    void theDestinationMustExist() {
        assertThat(link("nobody", user("Google", "Cognito_Subject", "1")).error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call(
                                "AdminLinkProviderForUser",
                                Map.of(
                                        "UserPoolId", this.poolId,
                                        "DestinationUser", user("Google", "Cognito_Subject", "42"),
                                        "SourceUser", user("Okta", "email", "a@b.c")))
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void aFederatedDestinationIsFoundByItsProviderUserId() {
        this.fixture.createUser(this.poolId, "Google_42").requireSuccess();

        assertThat(this.fixture
                        .call(
                                "AdminLinkProviderForUser",
                                Map.of(
                                        "UserPoolId", this.poolId,
                                        "DestinationUser", user("Google", "Cognito_Subject", "42"),
                                        "SourceUser", user("Okta", "email", "a@b.c")))
                        .status())
                .isEqualTo(200);
        assertThat(identities("Google_42")).contains("\"providerName\":\"Okta\"");
    }

    @Test
    void anIdentityIsLinkedToOneUser() {
        this.fixture.createUser(this.poolId, "bob").requireSuccess();
        link("alice", user("Google", "Cognito_Subject", "g-1")).requireSuccess();

        assertThat(link("bob", user("Google", "Cognito_Subject", "g-1")).error())
                .isEqualTo("400 AliasExistsException: The SourceUser is already linked to a user in this pool.");
        assertThat(identities("bob")).isNull();
    }

    @Test
    void aDeletedUsersLinkIsFreeAgain() {
        this.fixture.createUser(this.poolId, "bob").requireSuccess();
        link("alice", user("Google", "Cognito_Subject", "g-1")).requireSuccess();
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(link("bob", user("Google", "Cognito_Subject", "g-1")).status())
                .isEqualTo(200);
        assertThat(identities("bob")).contains("\"userId\":\"g-1\"");
    }

    @Test
    void aUserHasAtMostFiveLinkedIdentities() {
        for (int i = 0; i < 5; i++) {
            link("alice", user("Okta", "email", "a" + i + "@corp.example")).requireSuccess();
        }

        assertThat(link("alice", user("Okta", "email", "a5@corp.example")).error())
                .isEqualTo("400 LimitExceededException: A user can have at most 5 linked identities.");
        assertThat(Identities.read(identities("alice"))).hasSize(5);
        this.fixture.createUser(this.poolId, "bob").requireSuccess();
        assertThat(link("bob", user("Okta", "email", "a5@corp.example")).status())
                .isEqualTo(200);
    }

    @Test
    void immutableCustomAttributesPreventLinking() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("Username", "carol");
        body.put("MessageAction", "SUPPRESS");
        body.put("UserAttributes", EmulatorFixture.attributes("custom:badge", "B-1"));
        this.fixture.call("AdminCreateUser", body).requireSuccess();

        assertThat(link("carol", user("Okta", "email", "c@corp.example")).error())
                .isEqualTo("400 InvalidParameterException: DestinationUser has the immutable attribute custom:badge"
                        + " and cannot be linked.");
    }

    @Test
    void disablingAProviderUserUnlinksIt() {
        link("alice", user("Google", "Cognito_Subject", "g-1")).requireSuccess();
        link("alice", user("Okta", "email", "alice@corp.example")).requireSuccess();

        assertThat(disable(user("Google", "Cognito_Subject", "g-1")).body()).isEqualTo("{}");
        assertThat(Identities.read(identities("alice")))
                .extracting(Identities.Identity::providerName)
                .containsExactly("Okta");

        assertThat(disable(user("Okta", "email", "alice@corp.example")).status())
                .isEqualTo(200);
        assertThat(identities("alice")).isNull();
        assertThat(disable(user("Okta", "email", "alice@corp.example")).error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void disablingNeedsTheLinkingAttributeOrTheSubject() {
        link("alice", user("Okta", "email", "alice@corp.example")).requireSuccess();

        assertThat(disable(user("Okta", "name", "alice@corp.example")).status()).isEqualTo(400);
        assertThat(disable(user("Okta", "Cognito_Subject", "alice@corp.example"))
                        .status())
                .isEqualTo(200);
        assertThat(disable(user("Google", "email", "x")).error())
                .isEqualTo("400 InvalidParameterException: ProviderAttributeName must be Cognito_Subject for provider"
                        + " Google.");
        assertThat(disable(user("Nope", "Cognito_Subject", "x")).status()).isEqualTo(400);
    }

    @Test
    void disablingTheLinkOfADeletedUserStillSucceeds() {
        link("alice", user("Okta", "email", "alice@corp.example")).requireSuccess();
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(disable(user("Okta", "email", "alice@corp.example")).status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .emulator()
                        .store()
                        .resources()
                        .find(ProviderLink.KIND, ProviderLink.key(this.poolId, "Okta", "alice@corp.example")))
                .isEmpty();
    }

    @Test
    void nativeUsersPasswordSignInCannotBeDisabledHere() {
        assertThat(disable(user("Cognito", "Cognito_Subject", "alice")).error())
                .isEqualTo("400 UnsupportedOperationException: Deactivating the password sign-in of a native user is"
                        + " not emulated.");
    }

    @Test
    void unknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call(
                                "AdminDisableProviderForUser",
                                Map.of("UserPoolId", "us-east-1_nothere", "User", user("Okta", "email", "x")))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
    }

    @Test
    void identitiesRoundTripThroughTheirAttribute() {
        List<Identities.Identity> identities = List.of(
                new Identities.Identity("a\"b", "Okta", "SAML", true, 1L),
                new Identities.Identity("2", "Google", "Google", false, 1705991781374L));

        String value = Identities.write(identities);

        assertThat(value)
                .isEqualTo("[{\"userId\":\"a\\\"b\",\"providerName\":\"Okta\",\"providerType\":\"SAML\","
                        + "\"issuer\":null,\"primary\":true,\"dateCreated\":1},{\"userId\":\"2\",\"providerName\":"
                        + "\"Google\",\"providerType\":\"Google\",\"issuer\":null,\"primary\":false,\"dateCreated\":"
                        + "1705991781374}]");
        assertThat(Identities.read(value)).isEqualTo(identities);
        assertThat(Identities.write(List.of())).isNull();
        assertThat(Identities.read(null)).isEmpty();
    }

    @Test
    void linkRoundTripsThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_link"));
            ProviderLink link = new ProviderLink(
                    "sub-1", "Okta", "SAML", "email", "a@b.c", Instant.parse("2024-01-01T00:00:00.123Z"));

            assertThat(store.resources().create(ProviderLink.KIND, "us-east-1_link", "us-east-1_link/Okta/a@b.c", link))
                    .isTrue();

            assertThat(store.resources()
                            .find(ProviderLink.KIND, "us-east-1_link/Okta/a@b.c")
                            .orElseThrow()
                            .value())
                    .isEqualTo(link);
        }
    }
}
