package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DeleteUserAttributes: a signed-in user deletes some of its own attributes. */
class DeleteUserAttributesTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(
            Map.of("Schema", List.of(Map.of("Name", "email", "AttributeDataType", "String", "Required", true))));

    private String accessToken(AppClient client) {
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
    }

    private Reply delete(String accessToken, String... names) {
        return this.fixture.call(
                "DeleteUserAttributes", Map.of("AccessToken", accessToken, "UserAttributeNames", List.of(names)));
    }

    @Test
    void aUserDeletesItsOwnAttributes() {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true",
                "nickname",
                "al");

        Reply reply = delete(accessToken(client), "phone_number", "nickname");

        assertThat(reply.body()).isEqualTo("{}");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsOnlyKeys("sub", "email");
    }

    @Test
    void itNeedsNoSignature() {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "nickname", "al");
        String body = "{\"AccessToken\":\"" + accessToken(client) + "\",\"UserAttributeNames\":[\"nickname\"]}";

        ProtocolResponse response = this.fixture
                .emulator()
                .handle(new ProtocolRequest(
                        AwsJsonProtocol.TARGET_PREFIX + "DeleteUserAttributes",
                        body.getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        false));

        assertThat(response.status()).isEqualTo(200);
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).doesNotContainKey("nickname");
    }

    @Test
    void aRequiredAttributeStays() {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");

        assertThat(delete(accessToken(client), "email").error())
                .isEqualTo("400 InvalidParameterException: Invalid user attributes: email: Required attribute cannot"
                        + " be deleted.");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("email", "alice@example.com");
    }

    @Test
    void anAttributeTheClientCannotWriteIsRefused() {
        AppClient client = this.fixture.createPasswordClient(this.poolId, Map.of("WriteAttributes", List.of("email")));
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "nickname", "al");

        assertThat(delete(accessToken(client), "nickname").error())
                .isEqualTo("400 NotAuthorizedException: A client attempted to write unauthorized attribute");
        assertThat(delete(accessToken(client), "dev:custom:x").error())
                .isEqualTo("400 NotAuthorizedException: A client attempted to write unauthorized attribute");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("nickname", "al");
    }

    @Test
    void aBadTokenIsRefused() {
        assertThat(delete("not-a-token", "nickname").error())
                .isEqualTo("400 NotAuthorizedException: Invalid Access Token");
    }
}
