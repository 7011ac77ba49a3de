package io.github.cognitoemulator.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One TOTP code sent twice at the same moment, each copy answering its own sign-in: both read the token's last used
 * step before either writes, lined up at the resource store's write so the race happens every run, and exactly one
 * sign-in gets tokens.
 */
class ConcurrentTotpTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private final List<EmulatorStore> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
        this.stores.forEach(EmulatorStore::close);
    }

    private EmulatorStore backing(String kind) {
        EmulatorStore store = kind.equals("memory")
                ? new InMemoryStore()
                : JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        this.stores.add(store);
        return store;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aCodeAnsweringTwoSignInsAtOnceWorksForOne(String kind) throws Exception {
        PausingStore store = new PausingStore(backing(kind));
        SignInFixture fixture = SignInFixture.create(store);
        MfaFixture mfa = new MfaFixture(fixture);
        String poolId = mfa.createPool("OPTIONAL", false, true, false);
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String accessToken = SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
        String secret = mfa.setUpSoftwareToken(accessToken, "phone");
        mfa.setPreference(accessToken, "SoftwareTokenMfaSettings", true, true).requireSuccess();
        fixture.clock().advance(Duration.ofSeconds(30));
        Reply first = fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD);
        Reply second = fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD);
        String code = MfaFixture.code(secret, fixture.clock().instant());
        Callable<Reply> answerFirst = () -> mfa.respond(
                client.id(),
                "SOFTWARE_TOKEN_MFA",
                first.string("Session"),
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                code);
        Callable<Reply> answerSecond = () -> mfa.respond(
                client.id(),
                "SOFTWARE_TOKEN_MFA",
                second.string("Session"),
                "USERNAME",
                "alice",
                "SOFTWARE_TOKEN_MFA_CODE",
                code);

        store.holdUntil(Operation.RESOURCE_WRITE, 2);
        List<Future<Reply>> futures = List.of(this.executor.submit(answerFirst), this.executor.submit(answerSecond));
        List<String> outcomes = new ArrayList<>();
        for (Future<Reply> future : futures) {
            Reply reply = future.get(30, TimeUnit.SECONDS);
            outcomes.add((reply.status() == 200) ? "tokens" : reply.error());
        }

        assertThat(outcomes)
                .containsExactlyInAnyOrder(
                        "tokens", "400 ExpiredCodeException: Your software token has already been used once.");
    }
}
