package io.github.cognitoemulator.core.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registration completed twice at once, both completions lined up at the resource store's write so that the race
 * happens every run: the challenge is spent once and one passkey is registered.
 */
class ConcurrentRegistrationTest {

    private static EmulatorStore store(String kind) {
        return kind.equals("memory")
                ? new InMemoryStore()
                : JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aChallengeCompletedTwiceAtOnceRegistersOnce(String kind) throws Exception {
        EmulatorStore backing = store(kind);
        PausingStore store = new PausingStore(backing);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            SignInFixture fixture = SignInFixture.create(store);
            String poolId = PasskeyActionsTest.passkeyPool(fixture, Map.of());
            AppClient client = PasskeyActionsTest.userAuthClient(fixture, poolId);
            String token = PasskeyActionsTest.signedIn(fixture, poolId, client, "alice");
            Map<String, Object> options = fixture.call("StartWebAuthnRegistration", Map.of("AccessToken", token))
                    .requireSuccess()
                    .map("CredentialCreationOptions");
            Map<String, Object> credential = new SoftwarePasskey(PasskeyActionsTest.ORIGIN).register(options);

            store.holdUntil(Operation.RESOURCE_WRITE, 2);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(executor.submit(() -> fixture.call(
                        "CompleteWebAuthnRegistration", Map.of("AccessToken", token, "Credential", credential))));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<Reply> future : futures) {
                Reply reply = future.get(30, TimeUnit.SECONDS);
                outcomes.add((reply.status() == 200) ? "registered" : reply.error());
            }

            assertThat(outcomes)
                    .containsExactlyInAnyOrder(
                            "registered",
                            "400 WebAuthnChallengeNotFoundException: "
                                    + "The passkey registration challenge was not found or has expired.");
            assertThat(backing.resources().list(Passkeys.CREDENTIALS, poolId)).hasSize(1);
            assertThat(backing.resources().list(Passkeys.REGISTRATIONS, poolId)).isEmpty();
        } finally {
            executor.shutdownNow();
            backing.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aPasskeyStoredWhileItsUserIsDeletedDoesNotOutliveTheUser(String kind) throws Exception {
        EmulatorStore backing = store(kind);
        PausingStore store = new PausingStore(backing);
        try {
            SignInFixture fixture = SignInFixture.create(store);
            String poolId = PasskeyActionsTest.passkeyPool(fixture, Map.of());
            AppClient client = PasskeyActionsTest.userAuthClient(fixture, poolId);
            String token = PasskeyActionsTest.signedIn(fixture, poolId, client, "alice");
            Map<String, Object> options = fixture.call("StartWebAuthnRegistration", Map.of("AccessToken", token))
                    .requireSuccess()
                    .map("CredentialCreationOptions");
            Map<String, Object> credential = new SoftwarePasskey(PasskeyActionsTest.ORIGIN).register(options);
            store.holdUntil(Operation.RESOURCE_WRITE, 2);
            AtomicReference<Reply> completed = new AtomicReference<>();
            Thread completing = new Thread(() -> completed.set(fixture.call(
                    "CompleteWebAuthnRegistration", Map.of("AccessToken", token, "Credential", credential))));
            completing.start();
            // The completion has checked everything and waits at its write: only now is the user deleted, whose
            // clean-up meets it there.
            while (!waitsAtTheBarrier(completing)) {
                Thread.onSpinWait();
            }

            fixture.call("AdminDeleteUser", Map.of("UserPoolId", poolId, "Username", "alice"))
                    .requireSuccess();
            completing.join(30_000);

            assertThat(completed.get().status() == 200
                            || completed.get().error().startsWith("400 WebAuthnChallengeNotFoundException"))
                    .as(completed.get().error())
                    .isTrue();
            assertThat(backing.resources().list(Passkeys.CREDENTIALS, poolId)).isEmpty();
            assertThat(backing.resources().list(Passkeys.REGISTRATIONS, poolId)).isEmpty();
        } finally {
            backing.close();
        }
    }

    /** Whether {@code thread} is held by the pausing store, rather than waiting for anything else. */
    private static boolean waitsAtTheBarrier(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch((frame) -> frame.getClassName().equals(CyclicBarrier.class.getName()));
    }
}
