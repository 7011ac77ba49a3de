package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("UserPoolTags", Map.of("team", "auth")));

    private final String arn = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + this.poolId;

    private Reply list(String arn) {
        return this.fixture.call("ListTagsForResource", Map.of("ResourceArn", arn));
    }

    @Test
    void tagsGivenAtCreationAreListed() {
        assertThat(list(this.arn).body()).isEqualTo("{\"Tags\":{\"team\":\"auth\"}}");
    }

    @Test
    void aPoolWithoutTagsListsAnEmptyMap() {
        String other = this.fixture.createPool();

        assertThat(list("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + other)
                        .body())
                .isEqualTo("{\"Tags\":{}}");
    }

    @Test
    void tagResourceAddsAndOverwritesAndDescribeShowsIt() {
        Reply reply = this.fixture.call(
                "TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("team", "identity", "env", "dev")));

        assertThat(reply.body()).isEqualTo("{}");
        assertThat(list(this.arn).json()).isEqualTo(Map.of("Tags", Map.of("team", "identity", "env", "dev")));
        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                        .at("UserPool", "UserPoolTags"))
                .isEqualTo(Map.of("team", "identity", "env", "dev"));
    }

    @Test
    void untagResourceRemovesTheKeysGivenAndIgnoresUnknownOnes() {
        this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("env", "dev")));

        Reply reply =
                this.fixture.call("UntagResource", Map.of("ResourceArn", this.arn, "TagKeys", List.of("team", "nope")));

        assertThat(reply.body()).isEqualTo("{}");
        assertThat(list(this.arn).json()).isEqualTo(Map.of("Tags", Map.of("env", "dev")));
    }

    @Test
    void aPoolCarriesAtMostFiftyTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 49; i++) {
            tags.put("k" + i, "v");
        }
        this.fixture
                .call("TagResource", Map.of("ResourceArn", this.arn, "Tags", tags))
                .requireSuccess();
        this.fixture
                .call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("k0", "overwritten")))
                .requireSuccess();

        Reply reply = this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("one", "more")));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: A user pool can have at most 50 tags.");
        assertThat(list(this.arn).map("Tags")).hasSize(50).doesNotContainKey("one");
    }

    @Test
    void anArnOfAnotherAccountRegionOrUnknownPoolIsNotFound() {
        for (String arn : List.of(
                "arn:aws:cognito-idp:us-east-1:111111111111:userpool/" + this.poolId,
                "arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + this.poolId,
                "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_missing00",
                "arn:aws:cognito-idp:us-east-1:000000000000:something-else")) {
            assertThat(list(arn).error())
                    .isEqualTo("400 ResourceNotFoundException: Resource " + arn + " does not exist.");
            assertThat(this.fixture
                            .call("TagResource", Map.of("ResourceArn", arn, "Tags", Map.of("a", "b")))
                            .error())
                    .startsWith("400 ResourceNotFoundException");
            assertThat(this.fixture
                            .call("UntagResource", Map.of("ResourceArn", arn, "TagKeys", List.of("a")))
                            .error())
                    .startsWith("400 ResourceNotFoundException");
        }
    }

    @Test
    void aCallToAnotherRegionDoesNotSeeThePool() {
        Reply reply = this.fixture.call(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "ListTagsForResource",
                ("{\"ResourceArn\":\"" + this.arn + "\"}").getBytes(StandardCharsets.UTF_8),
                "eu-west-1"));

        assertThat(reply.error()).startsWith("400 ResourceNotFoundException");
    }

    @Test
    void tagsAndKeysAreRequired() {
        assertThat(this.fixture
                        .call("TagResource", Map.of("ResourceArn", this.arn))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at 'tags' failed to"
                        + " satisfy constraint: Member must not be null");
        assertThat(this.fixture
                        .call("UntagResource", Map.of("ResourceArn", this.arn))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at 'tagKeys'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void taggingLeavesLastModifiedDateAlone() {
        Object before = this.fixture
                .call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                .at("UserPool", "LastModifiedDate");

        this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("a", "b")));

        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                        .at("UserPool", "LastModifiedDate"))
                .isEqualTo(before);
    }
}
