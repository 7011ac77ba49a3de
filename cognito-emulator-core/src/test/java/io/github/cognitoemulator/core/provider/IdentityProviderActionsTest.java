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

class IdentityProviderActionsTest {

    private static final Map<String, String> SOCIAL =
            Map.of("client_id", "id-1", "client_secret", "s3cret", "authorize_scopes", "openid email");

    private static final Map<String, String> OIDC = Map.of(
            "client_id", "id-1",
            "authorize_scopes", "openid",
            "oidc_issuer", "https://idp.example.com",
            "attributes_request_method", "GET");

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply create(String name, String type, Map<String, String> details, String... identifiers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("ProviderName", name);
        body.put("ProviderType", type);
        body.put("ProviderDetails", details);
        if (identifiers.length > 0) {
            body.put("IdpIdentifiers", List.of(identifiers));
        }
        return this.fixture.call("CreateIdentityProvider", body);
    }

    private Reply describe(String name) {
        return this.fixture.call("DescribeIdentityProvider", Map.of("UserPoolId", this.poolId, "ProviderName", name));
    }

    @Test
    void googleGetsTheEndpointsCognitoAdds() {
        Reply reply = create("Google", "Google", SOCIAL).requireSuccess();

        assertThat(reply.map("IdentityProvider", "ProviderDetails"))
                .isEqualTo(Map.of(
                        "client_id", "id-1",
                        "client_secret", "s3cret",
                        "authorize_scopes", "openid email",
                        "attributes_url", "https://people.googleapis.com/v1/people/me?personFields=",
                        "attributes_url_add_attributes", "true",
                        "authorize_url", "https://accounts.google.com/o/oauth2/v2/auth",
                        "oidc_issuer", "https://accounts.google.com",
                        "token_request_method", "POST",
                        "token_url", "https://www.googleapis.com/oauth2/v4/token"));
        assertThat(reply.map("IdentityProvider", "AttributeMapping")).isEqualTo(Map.of("username", "sub"));
        assertThat(reply.at("IdentityProvider", "IdpIdentifiers")).isEqualTo(List.of());
        assertThat(reply.at("IdentityProvider", "UserPoolId")).isEqualTo(this.poolId);
        assertThat(reply.at("IdentityProvider", "ProviderType")).isEqualTo("Google");
        assertThat(reply.body()).contains("\"CreationDate\":" + EmulatorFixture.NOW_ON_THE_WIRE);
        assertThat(describe("Google").json()).isEqualTo(reply.json());
    }

    @Test
    void facebookEndpointsFollowTheApiVersion() {
        Map<String, String> details = new LinkedHashMap<>(SOCIAL);
        details.put("api_version", "v19.0");

        Map<String, Object> given =
                create("Facebook", "Facebook", details).requireSuccess().map("IdentityProvider", "ProviderDetails");

        assertThat(given)
                .containsEntry("attributes_url", "https://graph.facebook.com/v19.0/me?fields=")
                .containsEntry("attributes_url_add_attributes", "true")
                .containsEntry("authorize_url", "https://www.facebook.com/v19.0/dialog/oauth")
                .containsEntry("token_request_method", "GET")
                .containsEntry("token_url", "https://graph.facebook.com/v19.0/oauth/access_token");
        assertThat(describe("Facebook").map("IdentityProvider", "AttributeMapping"))
                .isEqualTo(Map.of("username", "id"));
    }

    @Test
    void facebookDefaultsToVersionSeventeen() {
        assertThat(create("Facebook", "Facebook", SOCIAL).requireSuccess().map("IdentityProvider", "ProviderDetails"))
                .containsEntry("api_version", "v17.0")
                .containsEntry("token_url", "https://graph.facebook.com/v17.0/oauth/access_token");
    }

    @Test
    void loginWithAmazonGetsItsEndpoints() {
        Reply reply = create("LoginWithAmazon", "LoginWithAmazon", SOCIAL).requireSuccess();

        assertThat(reply.map("IdentityProvider", "ProviderDetails"))
                .containsEntry("attributes_url", "https://api.amazon.com/user/profile")
                .containsEntry("attributes_url_add_attributes", "false")
                .containsEntry("authorize_url", "https://www.amazon.com/ap/oa")
                .containsEntry("token_request_method", "POST")
                .containsEntry("token_url", "https://api.amazon.com/auth/o2/token")
                .doesNotContainKey("oidc_issuer");
        assertThat(reply.map("IdentityProvider", "AttributeMapping")).isEqualTo(Map.of("username", "user_id"));
    }

    @Test
    void appleKeepsItsPrivateKeyToItself() {
        Map<String, String> details = Map.of(
                "client_id",
                "com.example",
                "team_id",
                "T1",
                "key_id",
                "K1",
                "private_key",
                "PK",
                "authorize_scopes",
                "email name");

        Reply reply = create("SignInWithApple", "SignInWithApple", details).requireSuccess();

        assertThat(reply.map("IdentityProvider", "ProviderDetails"))
                .doesNotContainKey("private_key")
                .containsEntry("attributes_url_add_attributes", "false")
                .containsEntry("authorize_url", "https://appleid.apple.com/auth/authorize")
                .containsEntry("oidc_issuer", "https://appleid.apple.com")
                .containsEntry("token_request_method", "POST")
                .containsEntry("token_url", "https://appleid.apple.com/auth/token")
                .containsEntry("team_id", "T1");
        assertThat(create("SignInWithApple", "SignInWithApple", SOCIAL).error())
                .isEqualTo("400 InvalidParameterException: client_id, team_id, key_id, private_key and"
                        + " authorize_scopes are all required idp details");
    }

    @Test
    void socialProvidersNeedTheirDetails() {
        assertThat(create("Google", "Google", Map.of("client_id", "x", "authorize_scopes", "openid"))
                        .error())
                .isEqualTo("400 InvalidParameterException: client_id, client_secret and authorize_scopes are all"
                        + " required idp details");
        assertThat(create("Facebook", "Facebook", Map.of()).status()).isEqualTo(400);
        assertThat(create("LoginWithAmazon", "LoginWithAmazon", Map.of()).status())
                .isEqualTo(400);
        assertThat(this.fixture
                        .call("ListIdentityProviders", Map.of("UserPoolId", this.poolId))
                        .list("Providers"))
                .isEmpty();
    }

    @Test
    void socialProviderIsNamedAfterItsType() {
        assertThat(create("MyGoogle", "Google", SOCIAL).error())
                .isEqualTo("400 InvalidParameterException: Provider MyGoogle cannot be of type Google.");
        assertThat(create("Google", "OIDC", OIDC).error())
                .isEqualTo("400 InvalidParameterException: Provider Google cannot be of type OIDC.");
        assertThat(create("cognito", "OIDC", OIDC).error())
                .isEqualTo("400 InvalidParameterException: Provider cognito cannot be of type OIDC.");
    }

    @Test
    void oidcNeedsIssuerScopesAndMethod() {
        Reply reply = create("Corp", "OIDC", OIDC).requireSuccess();

        assertThat(reply.map("IdentityProvider", "ProviderDetails"))
                .containsEntry("attributes_url_add_attributes", "false")
                .containsEntry("oidc_issuer", "https://idp.example.com")
                .doesNotContainKey("authorize_url");
        assertThat(reply.map("IdentityProvider", "AttributeMapping")).isEqualTo(Map.of("username", "sub"));
        assertThat(create("Corp2", "OIDC", Map.of("client_id", "x")).error())
                .isEqualTo("400 InvalidParameterException: client_id, authorize_scopes, oidc_issuer and"
                        + " attributes_request_method are all required idp details");
        Map<String, String> put = new LinkedHashMap<>(OIDC);
        put.put("attributes_request_method", "PUT");
        assertThat(create("Corp3", "OIDC", put).error())
                .isEqualTo("400 InvalidParameterException: attributes_request_method must be GET or POST");
        put.put("attributes_request_method", "POST");
        assertThat(create("Corp4", "OIDC", put).status()).isEqualTo(200);
    }

    @Test
    void samlNeedsExactlyOneMetadataSource() {
        Reply reply = create("Okta", "SAML", Map.of("MetadataURL", "https://okta.example.com/metadata"))
                .requireSuccess();
        assertThat(reply.map("IdentityProvider", "AttributeMapping")).isEmpty();
        assertThat(create("Okta2", "SAML", Map.of("MetadataFile", "<xml/>")).status())
                .isEqualTo(200);

        String expected = "400 InvalidParameterException: Either MetadataURL or MetadataFile is required, but not both";
        assertThat(create("Okta3", "SAML", Map.of()).error()).isEqualTo(expected);
        assertThat(create("Okta4", "SAML", Map.of("MetadataFile", "<xml/>", "MetadataURL", "https://x"))
                        .error())
                .isEqualTo(expected);
    }

    @Test
    void nameIsTakenOnce() {
        create("Google", "Google", SOCIAL).requireSuccess();

        assertThat(create("Google", "Google", SOCIAL).error())
                .isEqualTo("400 DuplicateProviderException: A provider with the name Google already exists in this"
                        + " user pool.");
    }

    @Test
    void identifiersAreUniqueInThePool() {
        create("Okta", "SAML", Map.of("MetadataFile", "<xml/>"), "example.com", "corp")
                .requireSuccess();

        assertThat(create("Okta2", "SAML", Map.of("MetadataFile", "<xml/>"), "corp")
                        .error())
                .isEqualTo("400 InvalidParameterException: Duplicate IdpIdentifier corp.");
        assertThat(create("Okta3", "SAML", Map.of("MetadataFile", "<xml/>"), "a", "a")
                        .error())
                .isEqualTo("400 InvalidParameterException: Duplicate IdpIdentifier a.");

        Reply found = this.fixture
                .call("GetIdentityProviderByIdentifier", Map.of("UserPoolId", this.poolId, "IdpIdentifier", "corp"))
                .requireSuccess();
        assertThat(found.at("IdentityProvider", "ProviderName")).isEqualTo("Okta");
        assertThat(this.fixture
                        .call(
                                "GetIdentityProviderByIdentifier",
                                Map.of("UserPoolId", this.poolId, "IdpIdentifier", "nothing"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Identity provider with identifier nothing does not"
                        + " exist.");
    }

    @Test
    void updateReplacesWhatIsGivenAndKeepsTheRest() {
        create("Okta", "SAML", Map.of("MetadataFile", "<xml/>"), "corp").requireSuccess();
        create("Other", "SAML", Map.of("MetadataFile", "<xml/>"), "other").requireSuccess();

        Reply updated = this.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ProviderName",
                                "Okta",
                                "AttributeMapping",
                                Map.of("email", "mail"),
                                "IdpIdentifiers",
                                List.of("corp2")))
                .requireSuccess();

        assertThat(updated.map("IdentityProvider", "ProviderDetails")).isEqualTo(Map.of("MetadataFile", "<xml/>"));
        assertThat(updated.map("IdentityProvider", "AttributeMapping")).isEqualTo(Map.of("email", "mail"));
        assertThat(updated.at("IdentityProvider", "IdpIdentifiers")).isEqualTo(List.of("corp2"));
        assertThat(this.fixture
                        .call(
                                "GetIdentityProviderByIdentifier",
                                Map.of("UserPoolId", this.poolId, "IdpIdentifier", "corp"))
                        .status())
                .isEqualTo(400);
        assertThat(this.fixture
                        .call(
                                "UpdateIdentityProvider",
                                Map.of(
                                        "UserPoolId",
                                        this.poolId,
                                        "ProviderName",
                                        "Okta",
                                        "IdpIdentifiers",
                                        List.of("other")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Duplicate IdpIdentifier other.");
        assertThat(this.fixture
                        .call(
                                "UpdateIdentityProvider",
                                Map.of("UserPoolId", this.poolId, "ProviderName", "Okta", "ProviderDetails", Map.of()))
                        .status())
                .isEqualTo(400);
        Reply details = this.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ProviderName",
                                "Okta",
                                "ProviderDetails",
                                Map.of("MetadataURL", "https://x")))
                .requireSuccess();
        assertThat(details.map("IdentityProvider", "ProviderDetails")).isEqualTo(Map.of("MetadataURL", "https://x"));
        assertThat(details.map("IdentityProvider", "AttributeMapping")).isEqualTo(Map.of("email", "mail"));
        assertThat(details.at("IdentityProvider", "IdpIdentifiers")).isEqualTo(List.of("corp2"));
    }

    @Test
    void unknownProviderIsNotFound() {
        String expected = "400 ResourceNotFoundException: Identity provider Okta does not exist.";

        assertThat(describe("Okta").error()).isEqualTo(expected);
        assertThat(this.fixture
                        .call("DeleteIdentityProvider", Map.of("UserPoolId", this.poolId, "ProviderName", "Okta"))
                        .error())
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("UpdateIdentityProvider", Map.of("UserPoolId", this.poolId, "ProviderName", "Okta"))
                        .error())
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("ListIdentityProviders", Map.of("UserPoolId", "us-east-1_nothere"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
    }

    @Test
    void deletedProviderFreesItsNameAndIdentifiers() {
        create("Okta", "SAML", Map.of("MetadataFile", "<xml/>"), "corp").requireSuccess();

        assertThat(this.fixture
                        .call("DeleteIdentityProvider", Map.of("UserPoolId", this.poolId, "ProviderName", "Okta"))
                        .body())
                .isEqualTo("{}");

        assertThat(describe("Okta").status()).isEqualTo(400);
        create("Okta", "SAML", Map.of("MetadataFile", "<xml/>"), "corp").requireSuccess();
    }

    @Test
    void listPagesByName() {
        create("Okta", "SAML", Map.of("MetadataFile", "<xml/>")).requireSuccess();
        create("Google", "Google", SOCIAL).requireSuccess();
        create("Corp", "OIDC", OIDC).requireSuccess();

        Reply first = this.fixture
                .call("ListIdentityProviders", Map.of("UserPoolId", this.poolId, "MaxResults", 2))
                .requireSuccess();
        assertThat(first.list("Providers"))
                .extracting((p) -> p.get("ProviderName") + ":" + p.get("ProviderType"))
                .containsExactly("Corp:OIDC", "Google:Google");
        assertThat(first.list("Providers").get(0))
                .containsOnlyKeys("ProviderName", "ProviderType", "LastModifiedDate", "CreationDate");
        Reply second = this.fixture
                .call(
                        "ListIdentityProviders",
                        Map.of("UserPoolId", this.poolId, "MaxResults", 2, "NextToken", first.string("NextToken")))
                .requireSuccess();
        assertThat(second.list("Providers"))
                .extracting((p) -> p.get("ProviderName"))
                .containsExactly("Okta");
        assertThat(second.at("NextToken")).isNull();
        assertThat(this.fixture
                        .call("ListIdentityProviders", Map.of("UserPoolId", this.poolId, "MaxResults", 0))
                        .list("Providers"))
                .hasSize(3);
    }

    @Test
    void aPoolHoldsAtMostThreeHundredProviders() {
        for (int i = 0; i < IdentityProviderActions.MAX_PROVIDERS; i++) {
            create("Saml" + i, "SAML", Map.of("MetadataFile", "<xml/>")).requireSuccess();
        }

        assertThat(create("OneMore", "SAML", Map.of("MetadataFile", "<xml/>")).error())
                .isEqualTo("400 LimitExceededException: The number of identity providers in this user pool has"
                        + " reached the limit of 300.");
    }

    @Test
    void recordsRoundTripThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_idp"));
            IdentityProvider provider = new IdentityProvider(
                    "Okta",
                    "SAML",
                    Map.of("MetadataFile", "<xml/>"),
                    Map.of("email", "mail"),
                    List.of("corp"),
                    Instant.parse("2020-01-01T00:00:00.123Z"),
                    Instant.parse("2020-01-02T00:00:00Z"));
            ProviderIndex index = ProviderIndex.EMPTY.with("Okta", List.of("corp"));

            assertThat(store.resources().create(IdentityProvider.KIND, "us-east-1_idp", "us-east-1_idp/Okta", provider))
                    .isTrue();
            assertThat(store.resources().create(ProviderIndex.KIND, "us-east-1_idp", "us-east-1_idp", index))
                    .isTrue();

            assertThat(store.resources()
                            .find(IdentityProvider.KIND, "us-east-1_idp/Okta")
                            .orElseThrow()
                            .value())
                    .isEqualTo(provider);
            assertThat(store.resources()
                            .find(ProviderIndex.KIND, "us-east-1_idp")
                            .orElseThrow()
                            .value())
                    .isEqualTo(index);
        }
    }
}
