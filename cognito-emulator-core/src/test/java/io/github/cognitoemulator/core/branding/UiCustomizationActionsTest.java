package io.github.cognitoemulator.core.branding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiCustomizationActionsTest {

    private static final String CSS = ".banner-customizable {background-color: black;}";

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private final String clientId = this.fixture
            .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "app"))
            .requireSuccess()
            .string("UserPoolClient", "ClientId");

    @Test
    void withoutCustomizationTheShapeIsEmpty() {
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", this.poolId))
                        .json())
                .isEqualTo(Map.of("UICustomization", Map.of()));
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                        .json())
                .isEqualTo(Map.of("UICustomization", Map.of()));
    }

    @Test
    void thePoolsCustomizationServesClientsWithoutTheirOwn() {
        Reply set = this.fixture.call("SetUICustomization", Map.of("UserPoolId", this.poolId, "CSS", CSS));

        Map<String, Object> expected = Map.of(
                "UserPoolId",
                this.poolId,
                "ClientId",
                "ALL",
                "CSS",
                CSS,
                "CSSVersion",
                "20200716085418",
                "CreationDate",
                1.594889658976E9,
                "LastModifiedDate",
                1.594889658976E9);
        assertThat(set.requireSuccess().map("UICustomization")).isEqualTo(expected);
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                        .map("UICustomization"))
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", "ALL"))
                        .map("UICustomization"))
                .isEqualTo(expected);
    }

    @Test
    void aClientsOwnCustomizationWinsAndCarriesItsImage() {
        this.fixture
                .call("SetUICustomization", Map.of("UserPoolId", this.poolId, "CSS", CSS))
                .requireSuccess();
        String image = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        Reply set = this.fixture.call(
                "SetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", this.clientId, "ImageFile", image));

        Map<String, Object> own = set.requireSuccess().map("UICustomization");
        assertThat(own).containsEntry("ClientId", this.clientId).doesNotContainKey("CSS");
        assertThat((String) own.get("ImageUrl"))
                .matches("https://d[0-9a-z]{13}\\.cloudfront\\.net/" + this.poolId + "/" + this.clientId
                        + "/20200716085418/assets/images/image\\.jpg");
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                        .map("UICustomization"))
                .isEqualTo(own);
    }

    @Test
    void settingAgainKeepsTheCreationDate() {
        this.fixture
                .call("SetUICustomization", Map.of("UserPoolId", this.poolId, "CSS", CSS))
                .requireSuccess();

        Reply cleared = this.fixture.call("SetUICustomization", Map.of("UserPoolId", this.poolId));

        assertThat(cleared.requireSuccess().map("UICustomization"))
                .doesNotContainKey("CSS")
                .containsEntry("CreationDate", 1.594889658976E9);
    }

    @Test
    void theImageIsBounded() {
        String tooLarge = Base64.getEncoder().encodeToString(new byte[UiCustomizationActions.MAX_IMAGE_BYTES + 1]);
        String largest = Base64.getEncoder().encodeToString(new byte[UiCustomizationActions.MAX_IMAGE_BYTES]);

        Reply refused =
                this.fixture.call("SetUICustomization", Map.of("UserPoolId", this.poolId, "ImageFile", tooLarge));

        assertThat(refused.error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value"
                        + " 'java.nio.HeapByteBuffer[pos=0 lim=131073 cap=131073]' at 'imageFile' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 131072");
        this.fixture
                .call("SetUICustomization", Map.of("UserPoolId", this.poolId, "ImageFile", largest))
                .requireSuccess();
        assertThat(this.fixture
                        .call("SetUICustomization", Map.of("UserPoolId", this.poolId, "ImageFile", "not base64!"))
                        .error())
                .isEqualTo("400 SerializationException");
    }

    @Test
    void theClientMustBelongToThePool() {
        String otherPool = this.fixture.createPool();

        assertThat(this.fixture
                        .call(
                                "SetUICustomization",
                                Map.of("UserPoolId", otherPool, "ClientId", this.clientId, "CSS", CSS))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + this.clientId + " does not exist.");
        assertThat(this.fixture
                        .call("GetUICustomization", Map.of("UserPoolId", "us-east-1_missing00"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }
}
