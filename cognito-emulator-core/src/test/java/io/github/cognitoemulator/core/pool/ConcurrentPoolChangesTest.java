package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Changes to one pool that race each other are applied one after the other: the loser of the compare-and-set reads
 * the pool again and decides again, so no change is lost and no limit is passed.
 */
class ConcurrentPoolChangesTest {

    private final PausingStore store = new PausingStore(new InMemoryStore());

    private final EmulatorFixture fixture =
            EmulatorFixture.create(CognitoEmulator.builder().store(this.store));

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private final String poolId = this.fixture.createPool();

    private final String arn = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + this.poolId;

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
    }

    private List<Reply> race(Callable<Reply> first, Callable<Reply> second) throws Exception {
        this.store.holdUntil(Operation.POOL_REPLACE, 2);
        List<Future<Reply>> futures = List.of(this.executor.submit(first), this.executor.submit(second));
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

    @Test
    void racingTagAndCustomAttributeChangesBothSurvive() throws Exception {
        List<Reply> replies = race(
                () -> this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("a", "1"))),
                () -> this.fixture.call(
                        "AddCustomAttributes",
                        Map.of("UserPoolId", this.poolId, "CustomAttributes", List.of(Map.of("Name", "tenant")))));

        assertThat(replies).extracting(Reply::status).containsExactly(200, 200);
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", this.poolId));
        assertThat(pool.at("UserPool", "UserPoolTags")).isEqualTo(Map.of("a", "1"));
        assertThat(pool.list("UserPool", "SchemaAttributes")).hasSize(21);
    }

    @Test
    void racingTaggersCannotPassFiftyTags() throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 49; i++) {
            tags.put("k" + i, "v");
        }
        this.fixture
                .call("TagResource", Map.of("ResourceArn", this.arn, "Tags", tags))
                .requireSuccess();

        List<Reply> replies = race(
                () -> this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("x", "1"))),
                () -> this.fixture.call("TagResource", Map.of("ResourceArn", this.arn, "Tags", Map.of("y", "1"))));

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 400);
        assertThat(this.fixture
                        .call("ListTagsForResource", Map.of("ResourceArn", this.arn))
                        .map("Tags"))
                .hasSize(50);
    }

    @Test
    void racingUpdateAndMfaConfigurationAreAppliedInTurn() throws Exception {
        List<Reply> replies = race(
                () -> this.fixture.call("UpdateUserPool", Map.of("UserPoolId", this.poolId, "PoolName", "renamed")),
                () -> this.fixture.call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "MfaConfiguration",
                                "OPTIONAL",
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true))));

        assertThat(replies).extracting(Reply::status).containsExactly(200, 200);
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", this.poolId));
        assertThat(pool.at("UserPool", "Name")).isEqualTo("renamed");
        // Whichever came second decided MFA: UpdateUserPool leaves it out, which turns it off.
        Object mfa = pool.at("UserPool", "MfaConfiguration");
        Reply config = this.fixture.call("GetUserPoolMfaConfig", Map.of("UserPoolId", this.poolId));
        if ("OFF".equals(mfa)) {
            assertThat(config.json()).isEqualTo(Map.of("MfaConfiguration", "OFF"));
        } else {
            assertThat(config.json())
                    .isEqualTo(Map.of(
                            "MfaConfiguration", "OPTIONAL", "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));
        }
    }
}
