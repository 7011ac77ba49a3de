package io.github.cognitoemulator.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Memberships under concurrent changes, each race lined up at the resource store's write so that it happens every
 * run: whichever write lands first, no membership outlives its group or its user, and quotas hold.
 */
abstract class ConcurrentMembershipTest {

    private final EmulatorStore backing = backing();

    private final PausingStore store = new PausingStore(this.backing);

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool();

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    /** The store the races run against. */
    abstract EmulatorStore backing();

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
        this.backing.close();
    }

    private Reply call(String action, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.fixture.call(action, body);
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

    /** Whether {@code thread} is held by the pausing store, rather than waiting for anything else. */
    private static boolean waitsAtTheBarrier(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch((frame) -> frame.getClassName().equals(CyclicBarrier.class.getName()));
    }

    private void assertNoMembershipRecords() {
        assertThat(this.backing.resources().list(GroupMember.KIND, this.poolId)).isEmpty();
        assertThat(this.backing.resources().list(UserGroupNames.KIND, this.poolId))
                .isEmpty();
    }

    @Test
    void addingToAGroupWhileItIsDeletedLeavesNoMembership() throws Exception {
        this.fixture.createUser(this.poolId, "alice");
        call("CreateGroup", "GroupName", "admins").requireSuccess();

        List<Reply> replies = race(
                () -> call("AdminAddUserToGroup", "GroupName", "admins", "Username", "alice"),
                () -> call("DeleteGroup", "GroupName", "admins"));

        // The addition either landed first (and the deletion took it along) or found the group gone.
        assertThat(replies.get(0).status() == 200
                        || replies.get(0).error().equals("400 ResourceNotFoundException: Group not found."))
                .as(replies.get(0).error())
                .isTrue();
        assertThat(replies.get(1).status()).isEqualTo(200);
        assertNoMembershipRecords();
        call("CreateGroup", "GroupName", "admins").requireSuccess();
        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .isEmpty();
        assertThat(call("AdminListGroupsForUser", "Username", "alice").list("Groups"))
                .isEmpty();
    }

    @Test
    void addingAUserWhileItIsDeletedLeavesNoMembership() throws Exception {
        this.fixture.createUser(this.poolId, "alice");
        call("CreateGroup", "GroupName", "staff").requireSuccess();
        call("CreateGroup", "GroupName", "admins").requireSuccess();
        // In a group already, so that the deletion's clean-up writes too and meets the addition at the barrier.
        call("AdminAddUserToGroup", "GroupName", "staff", "Username", "alice").requireSuccess();
        this.store.holdUntil(Operation.RESOURCE_WRITE, 2);
        AtomicReference<Reply> added = new AtomicReference<>();
        Thread adding =
                new Thread(() -> added.set(call("AdminAddUserToGroup", "GroupName", "admins", "Username", "alice")));
        adding.start();
        // The addition has found the user and waits at its write: only now is the user deleted.
        while (!waitsAtTheBarrier(adding)) {
            Thread.onSpinWait();
        }

        call("AdminDeleteUser", "Username", "alice").requireSuccess();
        adding.join(30_000);

        assertThat(added.get().status()).isEqualTo(200);
        assertNoMembershipRecords();
        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .isEmpty();
        assertThat(call("ListUsersInGroup", "GroupName", "staff").list("Users")).isEmpty();
    }

    @Test
    void twoAdditionsAtTheQuotaLetOneIn() throws Exception {
        this.fixture.createUser(this.poolId, "alice");
        for (int i = 0; i < GroupDirectory.MAX_GROUPS_PER_USER + 1; i++) {
            call("CreateGroup", "GroupName", "g" + i).requireSuccess();
        }
        for (int i = 0; i < GroupDirectory.MAX_GROUPS_PER_USER - 1; i++) {
            call("AdminAddUserToGroup", "GroupName", "g" + i, "Username", "alice")
                    .requireSuccess();
        }

        List<Reply> replies = race(
                () -> call("AdminAddUserToGroup", "GroupName", "g99", "Username", "alice"),
                () -> call("AdminAddUserToGroup", "GroupName", "g100", "Username", "alice"));

        assertThat(replies)
                .extracting(Reply::error)
                .containsOnlyOnce("400 LimitExceededException: A user can belong to at most 100 groups.");
        assertThat(this.backing.resources().list(GroupMember.KIND, this.poolId)).hasSize(100);
    }

    @Test
    void twoCreationsOfOneNameMakeOneGroup() throws Exception {
        List<Reply> replies = race(
                () -> call("CreateGroup", "GroupName", "admins", "Description", "one"),
                () -> call("CreateGroup", "GroupName", "admins", "Description", "two"));

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 400);
        assertThat(replies)
                .extracting(Reply::error)
                .contains("400 GroupExistsException: A group with the name admins already exists.");
        assertThat(this.backing
                        .resources()
                        .find(GroupCount.KIND, this.poolId)
                        .orElseThrow()
                        .value())
                .isEqualTo(new GroupCount(1));
    }
}
