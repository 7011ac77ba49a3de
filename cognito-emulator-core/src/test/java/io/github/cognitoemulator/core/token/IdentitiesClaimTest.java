package io.github.cognitoemulator.core.token;

import static io.github.cognitoemulator.core.SignInFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A linked user's {@code identities} in the ID token: an array of objects whose values are strings. */
class IdentitiesClaimTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    IdentitiesClaimTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ProviderName",
                                "Google",
                                "ProviderType",
                                "Google",
                                "ProviderDetails",
                                Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid")))
                .requireSuccess();
    }

    private Tokens signIn() {
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void aLinkedIdentityIsAnObjectOfStrings() {
        this.fixture
                .call(
                        "AdminLinkProviderForUser",
                        Map.of(
                                "UserPoolId", this.poolId,
                                "DestinationUser",
                                        Map.of(
                                                "ProviderName", "Cognito",
                                                "ProviderAttributeName", "Cognito_Subject",
                                                "ProviderAttributeValue", "alice"),
                                "SourceUser",
                                        Map.of(
                                                "ProviderName", "Google",
                                                "ProviderAttributeName", "Cognito_Subject",
                                                "ProviderAttributeValue", "1234567890")))
                .requireSuccess();

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("userId", "1234567890");
        identity.put("providerName", "Google");
        identity.put("providerType", "Google");
        identity.put("issuer", null);
        identity.put("primary", "false");
        identity.put("dateCreated", Long.toString(SignInFixture.START.toEpochMilli()));
        assertThat(payload(signIn().idToken())).containsEntry("identities", List.of(identity));
        assertThat(payload(signIn().accessToken())).doesNotContainKey("identities");
    }

    @Test
    void aUserWithoutLinkedIdentitiesHasNoClaim() {
        assertThat(payload(signIn().idToken())).doesNotContainKey("identities");
    }
}
