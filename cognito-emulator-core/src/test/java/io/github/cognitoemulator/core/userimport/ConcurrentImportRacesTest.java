package io.github.cognitoemulator.core.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Things taken once stay taken once when callers race for them: a job's start, a domain name, and the one style of
 * an app client.
 */
class ConcurrentImportRacesTest {

    private final PausingStore store = new PausingStore(new InMemoryStore());

    private final EmulatorFixture fixture =
            EmulatorFixture.create(CognitoEmulator.builder().store(this.store));

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
    }

    private List<Reply> race(Callable<Reply> first, Callable<Reply> second) throws Exception {
        this.store.holdUntil(Operation.RESOURCE_WRITE, 2);
        List<Future<Reply>> futures = List.of(this.executor.submit(first), this.executor.submit(second));
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

    @Test
    void twoRacingStartsImportTheFileOnce() throws Exception {
        String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
        String jobId = this.fixture
                .call(
                        "CreateUserImportJob",
                        Map.of("UserPoolId", poolId, "JobName", "j", "CloudWatchLogsRoleArn", "arn:aws:iam::0:role/r"))
                .string("UserImportJob", "JobId");
        this.fixture
                .emulator()
                .acceptImportCsv(
                        jobId,
                        "email,email_verified,cognito:mfa_enabled,cognito:username\na@example.com,true,false,a"
                                .getBytes(StandardCharsets.UTF_8));
        Callable<Reply> start =
                () -> this.fixture.call("StartUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId));

        List<Reply> replies = race(start, start);

        assertThat(replies)
                .extracting(Reply::error)
                .containsExactlyInAnyOrder(
                        "200 (no error) "
                                + replies.get(replies.get(0).status() == 200 ? 0 : 1)
                                        .body(),
                        "400 PreconditionNotMetException: Job " + jobId + " has already been started.");
        Reply winner = replies.get(0).status() == 200 ? replies.get(0) : replies.get(1);
        assertThat(winner.map("UserImportJob"))
                .containsEntry("ImportedUsers", 1)
                .containsEntry("FailedUsers", 0);
    }

    @Test
    void twoPoolsRacingForOnePrefixGetItOnce() throws Exception {
        String first = this.fixture.createPool();
        String second = this.fixture.createPool();

        List<Reply> replies = race(
                () -> this.fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", first, "Domain", "contested")),
                () -> this.fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", second, "Domain", "contested")));

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 400);
        assertThat(replies)
                .filteredOn((reply) -> reply.status() == 400)
                .extracting(Reply::error)
                .containsExactly("400 InvalidParameterException: Domain already associated with another user pool.");
    }

    @Test
    void twoStylesRacingForOneClientAreCreatedOnce() throws Exception {
        String poolId = this.fixture.createPool();
        String clientId = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", poolId, "ClientName", "app"))
                .string("UserPoolClient", "ClientId");
        Callable<Reply> create = () -> this.fixture.call(
                "CreateManagedLoginBranding",
                Map.of("UserPoolId", poolId, "ClientId", clientId, "UseCognitoProvidedValues", true));

        List<Reply> replies = race(create, create);

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 400);
        assertThat(replies)
                .filteredOn((reply) -> reply.status() == 400)
                .extracting((reply) -> reply.string("__type"))
                .containsExactly("ManagedLoginBrandingExistsException");
    }
}
