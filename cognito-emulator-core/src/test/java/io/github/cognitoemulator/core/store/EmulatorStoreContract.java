package io.github.cognitoemulator.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.auth.AuthSession;
import io.github.cognitoemulator.core.auth.ChallengeName;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.TokenValidity;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.code.CodeStore.PendingCode;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.PoolKeys;
import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.UserStore.UserChange;
import io.github.cognitoemulator.core.user.UserWriteConflict;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link EmulatorStore} must do, the in-memory store and the database ones alike: each implementation
 * runs this suite through a subclass that says how to make a fresh, empty store.
 *
 * <p>The races at the end release their threads together from a barrier and repeat a few rounds, so that each
 * atomic operation is contended for real: exactly one creator, one taker, one winning replacement.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class EmulatorStoreContract {

    /** An instant with nanoseconds, which every store must give back exactly. */
    public static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456789Z");

    protected static final String POOL = "us-east-1_Contract1";

    protected static final String OTHER_POOL = "eu-west-1_Contract2";

    private static final int THREADS = 8;

    private static final int ROUNDS = 5;

    /** RSA keys take a while to generate: four for the whole run, made on first use. */
    private static final List<RSAKey> KEYS = new ArrayList<>();

    protected EmulatorStore store;

    /** A new, empty store that keeps {@code messageCapacity} messages. */
    protected abstract EmulatorStore newStore(int messageCapacity);

    /** A fresh store, with two pools that most tests use. */
    @BeforeEach
    void openStore() {
        this.store = newStore(1000);
        this.store.pools().create(pool(POOL));
        this.store.pools().create(pool(OTHER_POOL));
    }

    @AfterEach
    void closeStore() {
        this.store.close();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pools

    @Test
    void createStoresAPoolOnceAndGivesItBackEqual() {
        UserPool pool = pool("us-east-1_Fresh");

        assertThat(store.pools().create(pool)).isTrue();
        assertThat(store.pools().create(withName(pool, "another"))).isFalse();

        assertThat(store.pools().find("us-east-1_Fresh")).contains(pool);
        assertThat(store.pools().find(POOL)).contains(pool(POOL));
        assertThat(store.pools().find("us-east-1_missing")).isEmpty();
    }

    @Test
    void aPoolWithoutOptionalValuesRoundTrips() {
        UserPool pool = new UserPool(
                "us-east-1_Bare",
                "bare",
                "arn",
                NOW,
                NOW,
                PasswordPolicy.DEFAULT,
                List.of(),
                List.of(),
                List.of(),
                List.of("email", "phone_number"),
                null,
                "OFF",
                "INACTIVE",
                MfaSettings.NONE,
                Map.of());
        store.pools().create(pool);

        assertThat(store.pools().find("us-east-1_Bare")).contains(pool);
    }

    @Test
    void listIsOrderedById() {
        for (String id : List.of("us-east-1_b", "us-east-1_Z", "eu-west-1_a", "us-east-1_A")) {
            store.pools().create(pool(id));
        }

        assertThat(store.pools().list())
                .extracting(UserPool::id)
                .containsExactly(
                        "eu-west-1_Contract2",
                        "eu-west-1_a",
                        "us-east-1_A",
                        "us-east-1_Contract1",
                        "us-east-1_Z",
                        "us-east-1_b");
    }

    @Test
    void findInRegionSeesOnlyThatRegion() {

        assertThat(store.pools().findInRegion(POOL, "us-east-1")).isPresent();
        assertThat(store.pools().findInRegion(POOL, "eu-west-1")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clients

    @Test
    void createStoresAClientOnceAcrossPools() {
        UserPoolClient client = client(POOL, "client1");

        assertThat(store.clients().create(client)).isTrue();
        assertThat(store.clients().create(client(OTHER_POOL, "client1"))).isFalse();

        assertThat(store.clients().find("client1")).contains(client);
        assertThat(store.clients().find("missing")).isEmpty();
    }

    @Test
    void aClientOfAMissingPoolIsRefused() {
        assertThat(store.clients().create(client("us-east-1_missing", "client1")))
                .isFalse();
        assertThat(store.clients().find("client1")).isEmpty();
    }

    @Test
    void aClientWithoutOptionalValuesRoundTrips() {
        UserPoolClient client = new UserPoolClient(
                POOL,
                "public",
                "client2",
                null,
                NOW,
                NOW,
                new TokenValidity(null, null, null, null, null, null),
                null,
                null,
                false,
                3,
                Map.of());
        store.clients().create(client);

        assertThat(store.clients().find("client2")).contains(client);
    }

    @Test
    void listGivesAPoolsClientsOrderedById() {
        for (String id : List.of("c", "B", "a")) {
            store.clients().create(client(POOL, id));
        }
        store.clients().create(client(OTHER_POOL, "other"));

        assertThat(store.clients().list(POOL))
                .extracting(UserPoolClient::clientId)
                .containsExactly("B", "a", "c");
        assertThat(store.clients().list("us-east-1_missing")).isEmpty();
    }

    @Test
    void deleteRemovesOnce() {
        store.clients().create(client(POOL, "client1"));

        assertThat(store.clients().delete("client1")).isTrue();
        assertThat(store.clients().delete("client1")).isFalse();
        assertThat(store.clients().find("client1")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Replacing pools and clients

    @Test
    void replaceTakesAPoolOnlyFromTheVersionRead() {
        UserPool read = store.pools().find(POOL).orElseThrow();
        UserPool renamed = withName(read, "renamed");

        assertThat(store.pools().replace(read, renamed)).isTrue();
        assertThat(store.pools().find(POOL)).contains(renamed);
        assertThat(store.pools().replace(read, withName(read, "stale"))).isFalse();
        assertThat(store.pools().find(POOL)).contains(renamed);
        assertThat(store.pools().replace(pool("us-east-1_missing"), pool("us-east-1_missing")))
                .isFalse();
        assertThat(store.pools().find("us-east-1_missing")).isEmpty();
    }

    @Test
    void replaceTakesAClientOnlyFromTheVersionRead() {
        UserPoolClient read = client(POOL, "client1");
        store.clients().create(read);
        UserPoolClient renamed = withClientName(read, "renamed");

        assertThat(store.clients().replace(read, renamed)).isTrue();
        assertThat(store.clients().find("client1")).contains(renamed);
        assertThat(store.clients().replace(read, withClientName(read, "stale"))).isFalse();
        assertThat(store.clients().find("client1")).contains(renamed);
        assertThat(store.clients().replace(client(POOL, "missing"), client(POOL, "missing")))
                .isFalse();
        assertThat(store.clients().find("missing")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pools' small records

    /** A record of the kind a feature keeps: nested values, a time with nanoseconds, nulls. */
    public record Sample(String name, @Nullable String description, Instant created, List<String> tags, int count) {}

    protected static final ResourceKind<Sample> SAMPLES = ResourceKind.of("sample", Sample.class);

    protected static final ResourceKind<Sample> OTHER_SAMPLES = ResourceKind.of("sample-other", Sample.class);

    private static Sample sample(String name) {
        return new Sample(name, null, NOW, List.of("a", "b"), 3);
    }

    @Test
    void aCreatedRecordReadsBackEqualAtVersionOne() {
        Sample value = new Sample("g", "ünïcode ✓", NOW, List.of(), -1);

        assertThat(store.resources().create(SAMPLES, POOL, POOL + "/g", value)).isTrue();

        assertThat(store.resources().find(SAMPLES, POOL + "/g"))
                .contains(new Resource<>(SAMPLES, POOL, POOL + "/g", 1, value));
        assertThat(store.resources().find(OTHER_SAMPLES, POOL + "/g")).isEmpty();
        assertThat(store.resources().find(SAMPLES, POOL + "/missing")).isEmpty();
    }

    @Test
    void aRecordKeyIsTakenOnceAcrossPoolsAndNeedsItsPool() {
        assertThat(store.resources().create(SAMPLES, POOL, "domain.example", sample("a")))
                .isTrue();

        assertThat(store.resources().create(SAMPLES, OTHER_POOL, "domain.example", sample("b")))
                .isFalse();
        assertThat(store.resources().create(OTHER_SAMPLES, OTHER_POOL, "domain.example", sample("c")))
                .isTrue();
        assertThat(store.resources().create(SAMPLES, "us-east-1_missing", "other", sample("d")))
                .isFalse();
        assertThat(store.resources()
                        .find(SAMPLES, "domain.example")
                        .orElseThrow()
                        .value()
                        .name())
                .isEqualTo("a");
        assertThat(store.resources().find(SAMPLES, "other")).isEmpty();
    }

    @Test
    void listGivesAPoolsRecordsOfOneKindByKeyAndPrefix() {
        for (String name : List.of("b", "a_", "a%", "A", "ab")) {
            store.resources().create(SAMPLES, POOL, POOL + "/" + name, sample(name));
        }
        store.resources().create(SAMPLES, OTHER_POOL, OTHER_POOL + "/a", sample("x"));
        store.resources().create(OTHER_SAMPLES, POOL, POOL + "/a", sample("y"));
        store.resources().create(SAMPLES, POOL, "global-key", sample("g"));

        assertThat(store.resources().list(SAMPLES, POOL))
                .extracting(Resource::key)
                .containsExactly("global-key", POOL + "/A", POOL + "/a%", POOL + "/a_", POOL + "/ab", POOL + "/b");
        assertThat(store.resources().list(SAMPLES, POOL, POOL + "/a_"))
                .extracting(Resource::key)
                .containsExactly(POOL + "/a_");
        assertThat(store.resources().list(SAMPLES, POOL, POOL + "/a"))
                .extracting(Resource::key)
                .containsExactly(POOL + "/a%", POOL + "/a_", POOL + "/ab");
        assertThat(store.resources().list(SAMPLES, OTHER_POOL, POOL)).isEmpty();
    }

    @Test
    void replaceAndDeleteTakeOnlyTheVersionRead() {
        store.resources().create(SAMPLES, POOL, "k", sample("v1"));
        Resource<Sample> first = store.resources().find(SAMPLES, "k").orElseThrow();

        assertThat(store.resources().replace(first, sample("v2"))).isTrue();
        Resource<Sample> second = store.resources().find(SAMPLES, "k").orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.value()).isEqualTo(sample("v2"));

        assertThat(store.resources().replace(first, sample("stale"))).isFalse();
        assertThat(store.resources().delete(first)).isFalse();
        assertThat(store.resources().find(SAMPLES, "k")).contains(second);

        assertThat(store.resources().delete(second)).isTrue();
        assertThat(store.resources().find(SAMPLES, "k")).isEmpty();
        assertThat(store.resources().replace(second, sample("gone"))).isFalse();
        assertThat(store.resources().find(SAMPLES, "k")).isEmpty();
    }

    @Test
    void aWriteAppliesAllOfItsChangesOrNone() {
        store.resources().create(SAMPLES, POOL, "kept", sample("kept"));
        store.resources().create(SAMPLES, POOL, "taken", sample("taken"));
        Resource<Sample> kept = store.resources().find(SAMPLES, "kept").orElseThrow();

        boolean written = store.resources()
                .write(List.of(
                        new ResourceChange.Replace<>(kept, sample("changed")),
                        new ResourceChange.Create<>(SAMPLES, POOL, "new", sample("new")),
                        new ResourceChange.DeleteIfPresent(SAMPLES, "kept2"),
                        new ResourceChange.Create<>(SAMPLES, POOL, "taken", sample("again"))));

        assertThat(written).isFalse();
        assertThat(store.resources().find(SAMPLES, "kept")).contains(kept);
        assertThat(store.resources().find(SAMPLES, "new")).isEmpty();

        assertThat(store.resources()
                        .write(List.of(
                                new ResourceChange.Replace<>(kept, sample("changed")),
                                new ResourceChange.Create<>(SAMPLES, POOL, "new", sample("new")),
                                new ResourceChange.DeleteIfPresent(SAMPLES, "taken"),
                                new ResourceChange.DeleteIfPresent(SAMPLES, "never-there"))))
                .isTrue();
        assertThat(store.resources().find(SAMPLES, "kept").orElseThrow().value())
                .isEqualTo(sample("changed"));
        assertThat(store.resources().find(SAMPLES, "new")).isPresent();
        assertThat(store.resources().find(SAMPLES, "taken")).isEmpty();
    }

    @Test
    void aWriteThatDeletesAndRecreatesAKeyInOneGoSucceeds() {
        store.resources().create(SAMPLES, POOL, "k", sample("old"));
        Resource<Sample> old = store.resources().find(SAMPLES, "k").orElseThrow();

        assertThat(store.resources()
                        .write(List.of(
                                new ResourceChange.Delete(old),
                                new ResourceChange.Create<>(SAMPLES, POOL, "k", sample("new")))))
                .isTrue();

        assertThat(store.resources().find(SAMPLES, "k").orElseThrow())
                .isEqualTo(new Resource<>(SAMPLES, POOL, "k", 1, sample("new")));
    }

    @Test
    void deletingAPoolTakesItsRecordsAlong() {
        store.resources().create(SAMPLES, POOL, POOL + "/a", sample("a"));
        store.resources().create(SAMPLES, OTHER_POOL, "global", sample("b"));
        store.resources().create(SAMPLES, OTHER_POOL, OTHER_POOL + "/a", sample("c"));

        store.deletePool(OTHER_POOL);

        assertThat(store.resources().find(SAMPLES, "global")).isEmpty();
        assertThat(store.resources().list(SAMPLES, OTHER_POOL)).isEmpty();
        assertThat(store.resources().find(SAMPLES, POOL + "/a")).isPresent();
        assertThat(store.resources().create(SAMPLES, OTHER_POOL, "late", sample("late")))
                .isFalse();
    }

    @Test
    void aRecordOfTheAccountHasNoPoolAndOutlivesEveryPool() {
        assertThat(store.resources().create(SAMPLES, null, "us-east-1/UserCreation", sample("account")))
                .isTrue();
        store.resources().create(SAMPLES, POOL, POOL + "/a", sample("pool"));

        store.deletePool(POOL);

        assertThat(store.resources().find(SAMPLES, "us-east-1/UserCreation"))
                .contains(new Resource<>(SAMPLES, null, "us-east-1/UserCreation", 1, sample("account")));
        assertThat(store.resources().list(SAMPLES, null))
                .extracting(Resource::key)
                .containsExactly("us-east-1/UserCreation");
        assertThat(store.resources().list(SAMPLES, null, "eu-")).isEmpty();
        assertThat(store.resources().list(SAMPLES, OTHER_POOL)).isEmpty();
        Resource<Sample> read =
                store.resources().find(SAMPLES, "us-east-1/UserCreation").orElseThrow();
        assertThat(store.resources().replace(read, sample("raised"))).isTrue();
        assertThat(store.resources()
                        .find(SAMPLES, "us-east-1/UserCreation")
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void racingWritesOfOneRecordLetOneIn() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "raced-" + round;
            assertThat(race(() -> store.resources().create(SAMPLES, POOL, key, sample("c"))))
                    .containsOnlyOnce(true);
            Resource<Sample> read = store.resources().find(SAMPLES, key).orElseThrow();
            AtomicInteger thread = new AtomicInteger();
            List<Object> replaced = race(() -> store.resources().replace(read, sample("r" + thread.getAndIncrement())));
            assertThat(replaced).containsOnlyOnce(true);
            assertThat(store.resources().find(SAMPLES, key).orElseThrow().version())
                    .isEqualTo(2);
            Resource<Sample> latest = store.resources().find(SAMPLES, key).orElseThrow();
            assertThat(race(() -> store.resources().delete(latest))).containsOnlyOnce(true);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Users: writes

    @Test
    void aCreatedUserIsFoundBySubAndByEachKeyAndRoundTrips() {
        User alice = user(POOL, "alice", "email", "alice@example.com", "name", "Alice", "custom:tier", "3");
        write(create(alice, "username:alice", "email:alice@example.com"));

        assertThat(store.users().find(POOL, alice.sub())).contains(alice);
        assertThat(store.users()
                        .find(POOL, alice.sub())
                        .orElseThrow()
                        .attributes()
                        .keySet())
                .containsExactly("sub", "email", "name", "custom:tier");
        assertThat(store.users().findByKey(POOL, "username:alice")).contains(alice);
        assertThat(store.users().findByKey(POOL, "email:alice@example.com")).contains(alice);
        assertThat(store.users().findByKey(POOL, "username:bob")).isEmpty();
        assertThat(store.users().find(OTHER_POOL, alice.sub())).isEmpty();
        assertThat(store.users().findByKey(OTHER_POOL, "username:alice")).isEmpty();
    }

    @Test
    void aUserWithoutPasswordRoundTrips() {
        User bare = new User(
                POOL,
                "bare",
                sub("bare"),
                Map.of("sub", sub("bare")),
                UserStatus.FORCE_CHANGE_PASSWORD,
                false,
                NOW,
                NOW.plusNanos(7),
                null,
                null,
                0);
        write(create(bare, "username:bare"));

        assertThat(store.users().find(POOL, bare.sub())).contains(bare);
    }

    @Test
    void theSameKeyIsFreeInAnotherPool() {
        write(create(user(POOL, "alice"), "username:alice"));
        write(create(user(OTHER_POOL, "alice"), "username:alice"));

        assertThat(store.users().count(POOL)).isEqualTo(1);
        assertThat(store.users().count(OTHER_POOL)).isEqualTo(1);
    }

    @Test
    void creatingAnExistingSubIsStale() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));

        assertStale(create(alice, "username:alice2"));
        assertThat(store.users().findByKey(POOL, "username:alice2")).isEmpty();
    }

    @Test
    void aUserOfAMissingPoolIsStale() {
        assertStale(create(user("us-east-1_missing", "alice"), "username:alice"));
        assertThat(store.users().count("us-east-1_missing")).isZero();
    }

    @Test
    void aTakenKeyIsNamedFirstInTheOrderOfTheChangesKeys() {
        write(create(user(POOL, "alice", "email", "a@example.com"), "username:alice", "email:a@example.com"));

        assertKeyTaken(
                "email:a@example.com",
                create(
                        user(POOL, "bob"),
                        "username:bob",
                        "phone_number:+15550100",
                        "email:a@example.com",
                        "username:alice"));
        assertKeyTaken("username:alice", create(user(POOL, "bob"), "username:alice", "email:a@example.com"));
        assertThat(store.users().findByKey(POOL, "username:bob")).isEmpty();
        assertThat(store.users().count(POOL)).isEqualTo(1);
    }

    @Test
    void twoChangesClaimingOneKeyConflictOnIt() {
        assertKeyTaken(
                "email:shared@example.com",
                create(user(POOL, "alice"), "username:alice", "email:shared@example.com"),
                create(user(POOL, "bob"), "username:bob", "email:shared@example.com"));
        assertThat(store.users().count(POOL)).isZero();
    }

    @Test
    void replaceWritesTheNextVersionAndMovesItsKeys() {
        User alice = user(POOL, "alice", "email", "old@example.com");
        write(create(alice, "username:alice", "email:old@example.com"));
        User updated = alice.withAttributes(Map.of("sub", alice.sub(), "email", "new@example.com"), NOW.plusSeconds(1))
                .nextVersion();

        write(new UserChange.Replace(alice, updated, List.of("username:alice", "email:new@example.com")));

        assertThat(store.users().find(POOL, alice.sub())).contains(updated);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(store.users().findByKey(POOL, "email:new@example.com")).contains(updated);
        assertThat(store.users().findByKey(POOL, "email:old@example.com")).isEmpty();
        // The released key is free for another user.
        write(create(user(POOL, "bob"), "username:bob", "email:old@example.com"));
    }

    @Test
    void aReplacementFromAStaleVersionIsRefusedAndWritesNothing() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));
        User first = alice.withEnabled(false, NOW).nextVersion();
        write(new UserChange.Replace(alice, first, List.of("username:alice")));

        User second = alice.withStatus(UserStatus.RESET_REQUIRED, NOW).nextVersion();
        assertStale(new UserChange.Replace(alice, second, List.of("username:alice", "email:x@example.com")));

        assertThat(store.users().find(POOL, alice.sub())).contains(first);
        assertThat(store.users().findByKey(POOL, "email:x@example.com")).isEmpty();
    }

    @Test
    void replacingOrDeletingAMissingUserIsStale() {
        User ghost = user(POOL, "ghost");

        assertStale(new UserChange.Replace(ghost, ghost.nextVersion(), List.of("username:ghost")));
        assertStale(new UserChange.Delete(ghost));
        assertThat(store.users().count(POOL)).isZero();
    }

    @Test
    void deleteRemovesTheUserAndFreesItsKeys() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice", "email:a@example.com"));

        write(new UserChange.Delete(alice));

        assertThat(store.users().find(POOL, alice.sub())).isEmpty();
        assertThat(store.users().findByKey(POOL, "username:alice")).isEmpty();
        assertThat(store.users().findByKey(POOL, "email:a@example.com")).isEmpty();
        assertThat(store.users().list(POOL, null, null, 10)).isEmpty();
        assertThat(store.users().list(POOL, new UserFilter("username", false, "alice"), null, 10))
                .isEmpty();
        assertThat(store.users().count(POOL)).isZero();
        write(create(user(POOL, "alice2"), "username:alice2", "email:a@example.com"));
    }

    @Test
    void aStaleDeleteIsRefused() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));
        write(new UserChange.Replace(alice, alice.nextVersion(), List.of("username:alice")));

        assertStale(new UserChange.Delete(alice));
        assertThat(store.users().find(POOL, alice.sub())).isPresent();
    }

    @Test
    void severalChangesApplyAllOrNothingOnAStaleOne() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));
        write(new UserChange.Replace(alice, alice.nextVersion(), List.of("username:alice")));
        User carol = user(POOL, "carol");

        assertStale(
                create(carol, "username:carol"),
                new UserChange.Replace(alice, alice.withEnabled(false, NOW).nextVersion(), List.of("username:a")));

        assertThat(store.users().find(POOL, carol.sub())).isEmpty();
        assertThat(store.users().findByKey(POOL, "username:carol")).isEmpty();
        assertThat(store.users().find(POOL, alice.sub()).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void severalChangesApplyAllOrNothingOnATakenKey() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));
        User bob = user(POOL, "bob");
        write(create(bob, "username:bob"));

        assertKeyTaken(
                "username:bob",
                new UserChange.Delete(alice),
                create(user(POOL, "carol"), "username:carol"),
                create(user(POOL, "dave"), "username:dave", "username:bob"));

        assertThat(store.users().find(POOL, alice.sub())).contains(alice);
        assertThat(store.users().findByKey(POOL, "username:alice")).contains(alice);
        assertThat(store.users().findByKey(POOL, "username:carol")).isEmpty();
        assertThat(store.users().count(POOL)).isEqualTo(2);
    }

    @Test
    void severalChangesApplyTogether() {
        User alice = user(POOL, "alice", "email", "a@example.com");
        write(create(alice, "username:alice", "email:a@example.com"));
        User bob = user(POOL, "bob");
        write(create(bob, "username:bob"));
        User carol = user(POOL, "carol");

        write(
                new UserChange.Delete(alice),
                new UserChange.Replace(bob, bob.withEnabled(false, NOW).nextVersion(), List.of("username:bob")),
                create(carol, "username:carol", "email:a@example.com"));

        assertThat(store.users().find(POOL, alice.sub())).isEmpty();
        assertThat(store.users().find(POOL, bob.sub()).orElseThrow().enabled()).isFalse();
        assertThat(store.users()
                        .findByKey(POOL, "email:a@example.com")
                        .orElseThrow()
                        .sub())
                .isEqualTo(carol.sub());
    }

    @Test
    void oneWriteMovesAKeyFromOneUserToAnotherInEitherOrder() {
        User alice = user(POOL, "alice");
        User bob = user(POOL, "bob");
        write(create(alice, "username:alice", "email:shared@example.com"), create(bob, "username:bob"));

        write(
                new UserChange.Replace(bob, bob.nextVersion(), List.of("username:bob", "email:shared@example.com")),
                new UserChange.Replace(alice, alice.nextVersion(), List.of("username:alice")));
        assertThat(store.users()
                        .findByKey(POOL, "email:shared@example.com")
                        .orElseThrow()
                        .sub())
                .isEqualTo(bob.sub());

        User alice1 = alice.nextVersion();
        User bob1 = bob.nextVersion();
        write(
                new UserChange.Replace(
                        alice1, alice1.nextVersion(), List.of("username:alice", "email:shared@example.com")),
                new UserChange.Replace(bob1, bob1.nextVersion(), List.of("username:bob")));
        assertThat(store.users()
                        .findByKey(POOL, "email:shared@example.com")
                        .orElseThrow()
                        .sub())
                .isEqualTo(alice.sub());
    }

    @Test
    void aKeyFreedByADeletionIsClaimedInTheSameWrite() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));
        User alice2 = user(POOL, "alice-again");

        write(create(alice2, "username:alice"), new UserChange.Delete(alice));

        assertThat(store.users().findByKey(POOL, "username:alice").orElseThrow().sub())
                .isEqualTo(alice2.sub());
    }

    @Test
    void oneWriteChangesOneUserOfOnePoolOnce() {
        User alice = user(POOL, "alice");
        write(create(alice, "username:alice"));

        assertThatThrownBy(() -> store.users()
                        .write(List.of(
                                new UserChange.Replace(alice, alice.nextVersion(), List.of()),
                                new UserChange.Delete(alice))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.users()
                        .write(List.of(
                                create(user(POOL, "bob"), "username:bob"),
                                create(user(OTHER_POOL, "carol"), "username:carol"))))
                .isInstanceOf(IllegalArgumentException.class);
        store.users().write(List.of());
        assertThat(store.users().count(POOL)).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Users: listing and filters

    @Test
    void pagesAreOrderedByUsernameFromAUsernameUpToALimit() {
        List<String> usernames = List.of("bob", "Alice", "alice", "carol", "émile", "Zed", "_under", "0", "dave");
        for (String username : usernames) {
            write(create(user(POOL, username), "username:" + username));
        }
        write(create(user(OTHER_POOL, "aaron"), "username:aaron"));
        List<String> sorted = usernames.stream().sorted().toList();

        assertThat(usernames(store.users().list(POOL, null, null, 100))).isEqualTo(sorted);
        assertThat(usernames(store.users().list(POOL, null, null, 3))).isEqualTo(sorted.subList(0, 3));
        assertThat(usernames(store.users().list(POOL, null, sorted.get(3), 3))).isEqualTo(sorted.subList(3, 6));
        assertThat(usernames(store.users().list(POOL, null, "b", 100)))
                .containsExactly("bob", "carol", "dave", "émile");
        assertThat(store.users().list(POOL, null, "\u4e00", 100)).isEmpty();
        assertThat(store.users().list(POOL, null, null, 0)).isEmpty();
        assertThat(store.users().list("us-east-1_missing", null, null, 10)).isEmpty();
        assertThat(store.users().count(POOL)).isEqualTo(usernames.size());
        assertThat(store.users().count("us-east-1_missing")).isZero();
    }

    @Test
    void listedUsersRoundTrip() {
        User alice = user(POOL, "alice", "email", "a@example.com");
        write(create(alice, "username:alice"));

        assertThat(store.users().list(POOL, null, null, 10)).containsExactly(alice);
        assertThat(store.users().list(POOL, new UserFilter("email", false, "a@example.com"), null, 10))
                .containsExactly(alice);
    }

    static Stream<String> searchable() {
        return UserFilter.SEARCHABLE.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("searchable")
    void eachSearchableAttributeFiltersByEqualityAndPrefix(String attribute) {
        User match = searchableUser("match", "1");
        User prefixOnly = searchableUser("matchmore", "2");
        User other = searchableUser("other", "3");
        write(create(match, "username:" + match.username()));
        write(create(prefixOnly, "username:" + prefixOnly.username()));
        write(create(other, "username:" + other.username()));
        write(create(disabled(user(POOL, "quiet")), "username:quiet"));
        String value = UserFilter.searchValue(match, attribute);

        List<User> equal = store.users().list(POOL, new UserFilter(attribute, false, value), null, 10);
        List<User> prefixed = store.users()
                .list(POOL, new UserFilter(attribute, true, value.substring(0, value.length() - 1)), null, 10);

        List<User> expectedEqual = Stream.of(match, prefixOnly, other, disabled(user(POOL, "quiet")))
                .filter(new UserFilter(attribute, false, value))
                .sorted(Comparator.comparing(User::username))
                .toList();
        assertThat(equal).isEqualTo(expectedEqual).contains(match);
        assertThat(prefixed)
                .isEqualTo(Stream.of(match, prefixOnly, other, disabled(user(POOL, "quiet")))
                        .filter(new UserFilter(attribute, true, value.substring(0, value.length() - 1)))
                        .sorted(Comparator.comparing(User::username))
                        .toList())
                .contains(match);
        assertThat(store.users().list(POOL, new UserFilter(attribute, false, value + "-none"), null, 10))
                .isEmpty();
        assertThat(store.users().list(OTHER_POOL, new UserFilter(attribute, false, value), null, 10))
                .isEmpty();
    }

    @Test
    void prefixesAndValuesMatchLiterally() {
        User percent = user(POOL, "percent", "email", "a%b_c!d\\e@example.com");
        User plain = user(POOL, "plain", "email", "aXbYc!d\\e@example.com");
        write(create(percent, "username:percent"));
        write(create(plain, "username:plain"));

        assertThat(usernames(store.users().list(POOL, new UserFilter("email", true, "a%b_"), null, 10)))
                .containsExactly("percent");
        assertThat(usernames(store.users().list(POOL, new UserFilter("email", true, "a%b_c!d\\"), null, 10)))
                .containsExactly("percent");
        assertThat(usernames(store.users().list(POOL, new UserFilter("email", true, "a"), null, 10)))
                .containsExactly("percent", "plain");
        assertThat(usernames(store.users().list(POOL, new UserFilter("email", true, ""), null, 10)))
                .containsExactly("percent", "plain");
        assertThat(store.users().list(POOL, new UserFilter("email", false, "a%"), null, 10))
                .isEmpty();
    }

    @Test
    void userStatusMatchesRegardlessOfCase() {
        write(create(user(POOL, "alice"), "username:alice"));

        assertThat(store.users().list(POOL, new UserFilter("cognito:user_status", false, "Confirmed"), null, 10))
                .hasSize(1);
        assertThat(store.users().list(POOL, new UserFilter("cognito:user_status", true, "CONF"), null, 10))
                .hasSize(1);
    }

    @Test
    void longValuesAreMatchedOnTheWholeValue() {
        String common = "é".repeat(150) + "x".repeat(150);
        User first = user(POOL, "first", "name", common + "-first");
        User second = user(POOL, "second", "name", common + "-second");
        User shorter = user(POOL, "shorter", "name", common);
        write(create(first, "username:first"));
        write(create(second, "username:second"));
        write(create(shorter, "username:shorter"));

        assertThat(usernames(store.users().list(POOL, new UserFilter("name", false, common + "-first"), null, 10)))
                .containsExactly("first");
        assertThat(usernames(store.users().list(POOL, new UserFilter("name", false, common), null, 10)))
                .containsExactly("shorter");
        assertThat(usernames(store.users().list(POOL, new UserFilter("name", true, common), null, 10)))
                .containsExactly("first", "second", "shorter");
        assertThat(usernames(store.users().list(POOL, new UserFilter("name", true, common + "-s"), null, 10)))
                .containsExactly("second");
        assertThat(usernames(store.users().list(POOL, new UserFilter("name", true, common + "-"), null, 1)))
                .containsExactly("first");
    }

    @Test
    void filteredPagesStartFromAUsernameAndStopAtTheLimit() {
        for (String username : List.of("e", "d", "c", "b", "a")) {
            write(create(user(POOL, username, "email", username + "@example.com"), "username:" + username));
        }
        write(create(user(POOL, "z", "email", "z@other.org"), "username:z"));
        UserFilter byDomain = new UserFilter("status", false, "Enabled");

        assertThat(usernames(store.users().list(POOL, byDomain, null, 2))).containsExactly("a", "b");
        assertThat(usernames(store.users().list(POOL, byDomain, "c", 2))).containsExactly("c", "d");
        assertThat(usernames(store.users().list(POOL, byDomain, "e", 10))).containsExactly("e", "z");
        assertThat(usernames(store.users().list(POOL, new UserFilter("email", true, "c"), "b", 10)))
                .containsExactly("c");
    }

    @Test
    void filtersSeeReplacementsAndDeletions() {
        User alice = user(POOL, "alice", "email", "old@example.com");
        write(create(alice, "username:alice"));
        User updated = alice.withAttributes(Map.of("sub", alice.sub(), "email", "new@example.com"), NOW)
                .nextVersion();
        write(new UserChange.Replace(alice, updated, List.of("username:alice")));

        assertThat(store.users().list(POOL, new UserFilter("email", false, "old@example.com"), null, 10))
                .isEmpty();
        assertThat(store.users().list(POOL, new UserFilter("email", false, "new@example.com"), null, 10))
                .containsExactly(updated);

        write(new UserChange.Delete(updated));
        assertThat(store.users().list(POOL, new UserFilter("email", true, "new"), null, 10))
                .isEmpty();
    }

    private User searchableUser(String username, String digit) {
        return user(
                POOL,
                username,
                "email",
                username + "@example.com",
                "phone_number",
                "+1555010" + digit,
                "name",
                username + " name",
                "given_name",
                username + "given",
                "family_name",
                username + "family",
                "preferred_username",
                username + "pref");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cascades

    @Test
    void deletingAUserRemovesThatUsersCodesAndSignInsOnly() {
        User alice = user(POOL, "alice");
        User bob = user(POOL, "bob");
        User otherAlice = user(OTHER_POOL, "alice");
        write(create(alice, "username:alice"), create(bob, "username:bob"));
        write(create(otherAlice, "username:alice"));
        store.codes().put(code(POOL, alice.sub(), CodePurpose.SIGN_UP, "111111"));
        store.codes().put(code(POOL, alice.sub(), CodePurpose.FORGOT_PASSWORD, "222222"));
        store.codes().put(code(POOL, bob.sub(), CodePurpose.SIGN_UP, "333333"));
        store.codes().put(code(OTHER_POOL, otherAlice.sub(), CodePurpose.SIGN_UP, "444444"));
        store.refreshSessions().save(refresh("a1", POOL, alice.sub()));
        store.refreshSessions().save(refresh("a2", POOL, alice.sub()));
        store.refreshSessions().save(refresh("b1", POOL, bob.sub()));
        store.refreshSessions().save(refresh("o1", OTHER_POOL, otherAlice.sub()));

        write(new UserChange.Delete(alice));

        assertThat(store.codes().find(POOL, alice.sub(), CodePurpose.SIGN_UP)).isEmpty();
        assertThat(store.codes().find(POOL, alice.sub(), CodePurpose.FORGOT_PASSWORD))
                .isEmpty();
        assertThat(store.refreshSessions().findByTokenDigest("digest-a1")).isEmpty();
        assertThat(store.refreshSessions().findByTokenDigest("digest-a2")).isEmpty();
        assertThat(store.codes().find(POOL, bob.sub(), CodePurpose.SIGN_UP)).isPresent();
        assertThat(store.codes().find(OTHER_POOL, otherAlice.sub(), CodePurpose.SIGN_UP))
                .isPresent();
        assertThat(store.refreshSessions().findByTokenDigest("digest-b1")).isPresent();
        assertThat(store.refreshSessions().findByTokenDigest("digest-o1")).isPresent();
    }

    @Test
    void deletingAPoolRemovesEverythingItOwnsAndNothingElse() {
        for (String pool : List.of(POOL, OTHER_POOL)) {
            store.clients().create(client(pool, "client-" + pool));
            User alice = user(pool, "alice", "email", "alice@example.com");
            write(create(alice, "username:alice", "email:alice@example.com"));
            store.authSessions().open("session-" + pool, authSession(pool, alice.sub(), NOW));
            store.codes().put(code(pool, alice.sub(), CodePurpose.SIGN_UP, "123456"));
            store.refreshSessions().save(refresh(pool, pool, alice.sub()));
            store.signingKeys().keysFor(pool, () -> keys(pool, 0));
            store.messages().add(message("m-" + pool, pool, "alice", NOW));
        }
        String aliceSub = user(POOL, "alice").sub();

        assertThat(store.deletePool(POOL)).isTrue();

        assertThat(store.pools().find(POOL)).isEmpty();
        assertThat(store.clients().find("client-" + POOL)).isEmpty();
        assertThat(store.clients().list(POOL)).isEmpty();
        assertThat(store.users().find(POOL, aliceSub)).isEmpty();
        assertThat(store.users().findByKey(POOL, "username:alice")).isEmpty();
        assertThat(store.users().list(POOL, null, null, 10)).isEmpty();
        assertThat(store.users().list(POOL, new UserFilter("email", true, "alice"), null, 10))
                .isEmpty();
        assertThat(store.users().count(POOL)).isZero();
        assertThat(store.authSessions().find("session-" + POOL)).isEmpty();
        assertThat(store.codes().find(POOL, aliceSub, CodePurpose.SIGN_UP)).isEmpty();
        assertThat(store.refreshSessions().findByTokenDigest("digest-" + POOL)).isEmpty();
        assertThat(store.signingKeys().find(POOL)).isEmpty();
        assertThat(store.messages().list(POOL, null)).isEmpty();

        assertThat(store.pools().find(OTHER_POOL)).isPresent();
        assertThat(store.clients().find("client-" + OTHER_POOL)).isPresent();
        assertThat(store.users().count(OTHER_POOL)).isEqualTo(1);
        assertThat(store.users().findByKey(OTHER_POOL, "email:alice@example.com"))
                .isPresent();
        assertThat(store.users().list(OTHER_POOL, new UserFilter("email", true, "alice"), null, 10))
                .hasSize(1);
        assertThat(store.authSessions().find("session-" + OTHER_POOL)).isPresent();
        String otherSub = user(OTHER_POOL, "alice").sub();
        assertThat(store.codes().find(OTHER_POOL, otherSub, CodePurpose.SIGN_UP))
                .isPresent();
        assertThat(store.refreshSessions().findByTokenDigest("digest-" + OTHER_POOL))
                .isPresent();
        assertThat(store.signingKeys().find(OTHER_POOL)).isPresent();
        assertThat(store.signingKeys().list()).extracting(PoolKeys::userPoolId).containsExactly(OTHER_POOL);
        assertThat(store.messages().list(null, null)).extracting(Message::id).containsExactly("m-" + OTHER_POOL);

        assertThat(store.deletePool(POOL)).isFalse();
        assertThat(store.deletePool("us-east-1_missing")).isFalse();
    }

    @Test
    void clearingRemovesEveryPoolWithAllItOwnsAndTheAccountsResourcesButKeepsTheSecrets() {
        for (String pool : List.of(POOL, OTHER_POOL)) {
            store.clients().create(client(pool, "client-" + pool));
            User alice = user(pool, "alice", "email", "alice@example.com");
            write(create(alice, "username:alice", "email:alice@example.com"));
            store.authSessions().open("session-" + pool, authSession(pool, alice.sub(), NOW));
            store.codes().put(code(pool, alice.sub(), CodePurpose.SIGN_UP, "123456"));
            store.refreshSessions().save(refresh(pool, pool, alice.sub()));
            store.signingKeys().keysFor(pool, () -> keys(pool, 0));
            store.messages().add(message("m-" + pool, pool, "alice", NOW));
            assertThat(store.resources().create(SAMPLES, pool, pool + "/group", sample("group")))
                    .isTrue();
        }
        assertThat(store.resources().create(SAMPLES, null, "us-east-1/UserCreation", sample("account")))
                .isTrue();
        byte[] secret = store.secrets().secret("srp", () -> bytes("kept"));
        String aliceSub = user(POOL, "alice").sub();

        store.clear();

        assertThat(store.pools().list()).isEmpty();
        for (String pool : List.of(POOL, OTHER_POOL)) {
            assertThat(store.clients().find("client-" + pool)).isEmpty();
            assertThat(store.clients().list(pool)).isEmpty();
            assertThat(store.users().count(pool)).isZero();
            assertThat(store.users().findByKey(pool, "email:alice@example.com")).isEmpty();
            assertThat(store.authSessions().find("session-" + pool)).isEmpty();
            assertThat(store.refreshSessions().findByTokenDigest("digest-" + pool))
                    .isEmpty();
            assertThat(store.resources().find(SAMPLES, pool + "/group")).isEmpty();
        }
        assertThat(store.codes().find(POOL, aliceSub, CodePurpose.SIGN_UP)).isEmpty();
        assertThat(store.signingKeys().list()).isEmpty();
        assertThat(store.messages().list(null, null)).isEmpty();
        assertThat(store.resources().find(SAMPLES, "us-east-1/UserCreation")).isEmpty();
        assertThat(store.resources().list(SAMPLES, null)).isEmpty();
        assertThat(store.secrets().secret("srp", () -> bytes("new"))).isEqualTo(secret);

        // The store is as good as new: the same ids can be used again.
        assertThat(store.pools().create(pool(POOL))).isTrue();
        assertThat(store.clients().create(client(POOL, "client-" + POOL))).isTrue();
        write(create(user(POOL, "alice", "email", "alice@example.com"), "username:alice", "email:alice@example.com"));
        assertThat(store.users().count(POOL)).isEqualTo(1);
        assertThat(store.resources().create(SAMPLES, POOL, POOL + "/group", sample("group")))
                .isTrue();
        store.clear();
        store.clear();
        assertThat(store.pools().list()).isEmpty();
    }

    @Test
    void aDeletedPoolTakesNoNewUsersOrClients() {
        store.deletePool(POOL);

        assertStale(create(user(POOL, "alice"), "username:alice"));
        assertThat(store.clients().create(client(POOL, "client1"))).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Challenge sessions, codes, sign-ins

    @Test
    void aSessionIsFoundUntilItIsTakenOnce() {
        AuthSession session = authSession(POOL, "sub-1", NOW);
        store.authSessions().open("key-1", session);

        assertThat(store.authSessions().find("key-1")).contains(session);
        assertThat(store.authSessions().find("key-1")).contains(session);
        assertThat(store.authSessions().take("key-1")).contains(session);
        assertThat(store.authSessions().take("key-1")).isEmpty();
        assertThat(store.authSessions().find("key-1")).isEmpty();
        assertThat(store.authSessions().take("missing")).isEmpty();
    }

    @Test
    void aKeyIsOpenedOnce() {
        store.authSessions().open("key-1", authSession(POOL, "sub-1", NOW));

        assertThatThrownBy(() -> store.authSessions().open("key-1", authSession(POOL, "sub-2", NOW)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.authSessions().find("key-1").orElseThrow().sub()).isEqualTo("sub-1");
    }

    @Test
    void putReplacesTheCodeOfAUserAndPurpose() {
        PendingCode first = code(POOL, "sub-1", CodePurpose.SIGN_UP, "111111");
        PendingCode second = new PendingCode(
                POOL, "sub-1", CodePurpose.SIGN_UP, "222222", NOW.plusSeconds(60), 0, List.of("111111"));
        PendingCode other = code(POOL, "sub-1", CodePurpose.FORGOT_PASSWORD, "333333");
        store.codes().put(first);
        store.codes().put(other);
        store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 5);

        store.codes().put(second);

        assertThat(store.codes().find(POOL, "sub-1", CodePurpose.SIGN_UP)).contains(second);
        assertThat(store.codes().find(POOL, "sub-1", CodePurpose.FORGOT_PASSWORD))
                .contains(other);
        assertThat(store.codes().find(POOL, "sub-2", CodePurpose.SIGN_UP)).isEmpty();
    }

    @Test
    void countFailureCountsOnTheCurrentCodeUpToTheLimit() {
        store.codes().put(code(POOL, "sub-1", CodePurpose.SIGN_UP, "111111"));

        assertThat(store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "999999", 3))
                .isFalse();
        assertThat(store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isTrue();
        assertThat(store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isTrue();
        assertThat(store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isTrue();
        assertThat(store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isFalse();
        assertThat(store.codes()
                        .find(POOL, "sub-1", CodePurpose.SIGN_UP)
                        .orElseThrow()
                        .failedAttempts())
                .isEqualTo(3);
        assertThat(store.codes().countFailure(POOL, "sub-2", CodePurpose.SIGN_UP, "111111", 3))
                .isFalse();
    }

    @Test
    void takeRemovesTheCodeIfItMatchesAndIsUnderTheLimit() {
        store.codes().put(code(POOL, "sub-1", CodePurpose.SIGN_UP, "111111"));

        assertThat(store.codes().take(POOL, "sub-1", CodePurpose.SIGN_UP, "999999", 3))
                .isFalse();
        assertThat(store.codes().take(POOL, "sub-1", CodePurpose.FORGOT_PASSWORD, "111111", 3))
                .isFalse();
        assertThat(store.codes().take(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isTrue();
        assertThat(store.codes().take(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 3))
                .isFalse();
        assertThat(store.codes().find(POOL, "sub-1", CodePurpose.SIGN_UP)).isEmpty();
    }

    @Test
    void aCodeAtItsLimitCannotBeTaken() {
        store.codes().put(code(POOL, "sub-1", CodePurpose.SIGN_UP, "111111"));
        store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 2);
        store.codes().countFailure(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 2);

        assertThat(store.codes().take(POOL, "sub-1", CodePurpose.SIGN_UP, "111111", 2))
                .isFalse();
        assertThat(store.codes().find(POOL, "sub-1", CodePurpose.SIGN_UP)).isPresent();
    }

    @Test
    void aSignInIsFoundByItsTokenDigest() {
        RefreshSession session = refresh("s1", POOL, "sub-1");
        store.refreshSessions().save(session);

        assertThat(store.refreshSessions().findByTokenDigest("digest-s1")).contains(session);
        assertThat(store.refreshSessions().findByTokenDigest("digest-missing")).isEmpty();
        assertThat(store.refreshSessions().isRevoked("origin-s1")).isFalse();
    }

    @Test
    void revokeMarksOneSignInRevoked() {
        store.refreshSessions().save(refresh("s1", POOL, "sub-1"));
        store.refreshSessions().save(refresh("s2", POOL, "sub-1"));

        store.refreshSessions().revoke("origin-s1");
        store.refreshSessions().revoke("origin-s1");
        store.refreshSessions().revoke("origin-missing");

        assertThat(store.refreshSessions().isRevoked("origin-s1")).isTrue();
        assertThat(store.refreshSessions().findByTokenDigest("digest-s1"))
                .contains(refresh("s1", POOL, "sub-1").asRevoked());
        assertThat(store.refreshSessions().isRevoked("origin-s2")).isFalse();
        assertThat(store.refreshSessions().isRevoked("origin-missing")).isFalse();
    }

    @Test
    void revokeUserRevokesThatUsersSignInsOnly() {
        store.refreshSessions().save(refresh("a1", POOL, "alice"));
        store.refreshSessions().save(refresh("a2", POOL, "alice"));
        store.refreshSessions().save(refresh("b1", POOL, "bob"));
        store.refreshSessions().save(refresh("o1", OTHER_POOL, "alice"));

        store.refreshSessions().revokeUser(POOL, "alice");
        store.refreshSessions().revokeUser(POOL, "nobody");

        assertThat(store.refreshSessions().isRevoked("origin-a1")).isTrue();
        assertThat(store.refreshSessions().isRevoked("origin-a2")).isTrue();
        assertThat(store.refreshSessions().isRevoked("origin-b1")).isFalse();
        assertThat(store.refreshSessions().isRevoked("origin-o1")).isFalse();
    }

    @Test
    void savingAgainReplacesTheSignIn() {
        store.refreshSessions().save(refresh("s1", POOL, "sub-1"));
        RefreshSession revoked = refresh("s1", POOL, "sub-1").asRevoked();

        store.refreshSessions().save(revoked);

        assertThat(store.refreshSessions().findByTokenDigest("digest-s1")).contains(revoked);
        assertThat(store.refreshSessions().isRevoked("origin-s1")).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Keys, messages, secrets

    @Test
    void keysAreCreatedOnceWithTheirPrivateParts() {
        PoolKeys first = keys(POOL, 0);
        AtomicInteger generated = new AtomicInteger();

        PoolKeys created = store.signingKeys().keysFor(POOL, () -> {
            generated.incrementAndGet();
            return first;
        });
        PoolKeys again = store.signingKeys().keysFor(POOL, () -> {
            generated.incrementAndGet();
            return keys(POOL, 2);
        });

        assertThat(created).isEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(generated).hasValue(1);
        PoolKeys found = store.signingKeys().find(POOL).orElseThrow();
        assertThat(found).isEqualTo(first);
        assertThat(found.idToken().isPrivate()).isTrue();
        assertThat(found.idToken().toJSONObject()).isEqualTo(first.idToken().toJSONObject());
        assertThat(found.accessToken().toJSONObject())
                .isEqualTo(first.accessToken().toJSONObject());
        assertThat(store.signingKeys().find(OTHER_POOL)).isEmpty();
    }

    @Test
    void listIsOrderedByPoolId() {
        store.signingKeys().keysFor("us-east-1_b", () -> keys("us-east-1_b", 0));
        store.signingKeys().keysFor("us-east-1_B", () -> keys("us-east-1_B", 2));
        store.signingKeys().keysFor("eu-west-1_a", () -> keys("eu-west-1_a", 1));

        assertThat(store.signingKeys().list())
                .extracting(PoolKeys::userPoolId)
                .containsExactly("eu-west-1_a", "us-east-1_B", "us-east-1_b");
    }

    @Test
    void messagesAreListedNewestFirstAndFiltered() {
        Message first = message("m1", POOL, "alice", NOW);
        Message second = new Message(
                "m2", POOL, "bob", "ForgotPassword", "SMS", "+15550100", null, "Code 1", null, NOW.plusNanos(1));
        Message third = message("m3", OTHER_POOL, "alice", NOW.plusSeconds(1));
        Message fourth = new Message(
                "m4", POOL, "carol", "SignUp", "EMAIL", "alice", "Hi", "to alice", "000000", NOW.plusSeconds(2));
        for (Message message : List.of(first, second, third, fourth)) {
            store.messages().add(message);
        }

        assertThat(store.messages().list(null, null)).containsExactly(fourth, third, second, first);
        assertThat(store.messages().list(POOL, null)).containsExactly(fourth, second, first);
        assertThat(store.messages().list(null, "alice")).containsExactly(fourth, third, first);
        assertThat(store.messages().list(POOL, "alice")).containsExactly(fourth, first);
        assertThat(store.messages().list(POOL, "+15550100")).containsExactly(second);
        assertThat(store.messages().list("us-east-1_missing", null)).isEmpty();
    }

    @Test
    void theOldestMessagesAreDroppedPastTheCapacity() {
        try (EmulatorStore small = newStore(3)) {
            for (int i = 1; i <= 5; i++) {
                small.messages().add(message("m" + i, POOL, "alice", NOW.plusSeconds(i)));
            }

            assertThat(small.messages().list(null, null))
                    .extracting(Message::id)
                    .containsExactly("m5", "m4", "m3");
        }
    }

    @Test
    void clearRemovesEveryMessage() {
        store.messages().add(message("m1", POOL, "alice", NOW));
        store.messages().add(message("m2", OTHER_POOL, "bob", NOW));

        store.messages().clear();

        assertThat(store.messages().list(null, null)).isEmpty();
        store.messages().add(message("m3", POOL, "alice", NOW));
        assertThat(store.messages().list(null, null)).extracting(Message::id).containsExactly("m3");
    }

    @Test
    void aSecretIsCreatedOnceAndGivenBackAsACopy() {
        byte[] first = store.secrets().secret("srp", () -> bytes("first"));
        byte[] again = store.secrets().secret("srp", () -> bytes("second"));
        byte[] other = store.secrets().secret("other", () -> bytes("other"));

        assertThat(first).isEqualTo(bytes("first"));
        assertThat(again).isEqualTo(bytes("first"));
        assertThat(other).isEqualTo(bytes("other"));
        again[0] = 'X';
        assertThat(store.secrets().secret("srp", () -> bytes("third"))).isEqualTo(bytes("first"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Expiry

    @Test
    void sweepRemovesExactlyWhatExpiredByTheGivenInstant() {
        Instant now = NOW.plusSeconds(3600);
        List<Instant> times = List.of(now.minusNanos(1), now, now.plusNanos(1));
        for (int i = 0; i < times.size(); i++) {
            Instant time = times.get(i);
            store.authSessions().open("session-" + i, authSession(POOL, "sub-" + i, time));
            store.codes().put(new PendingCode(POOL, "sub-" + i, CodePurpose.SIGN_UP, "123456", time, 0, List.of()));
            store.refreshSessions()
                    .save(new RefreshSession(
                            "digest-" + i,
                            POOL,
                            "client",
                            "sub-" + i,
                            "origin-" + i,
                            NOW,
                            NOW.minusSeconds(1),
                            time,
                            false));
        }

        assertThat(store.sweepExpired(now)).isEqualTo(6);

        for (int i = 0; i < times.size(); i++) {
            boolean kept = i == 2;
            assertThat(store.authSessions().find("session-" + i).isPresent()).isEqualTo(kept);
            assertThat(store.codes().find(POOL, "sub-" + i, CodePurpose.SIGN_UP).isPresent())
                    .isEqualTo(kept);
            assertThat(store.refreshSessions().findByTokenDigest("digest-" + i).isPresent())
                    .isEqualTo(kept);
        }
        assertThat(store.sweepExpired(now)).isZero();
        assertThat(store.sweepExpired(now.plusNanos(1))).isEqualTo(3);
    }

    @Test
    void sweepingKeepsPoolsUsersAndKeys() {
        write(create(user(POOL, "alice"), "username:alice"));

        assertThat(store.sweepExpired(NOW.plusSeconds(365L * 24 * 3600 * 100))).isZero();
        assertThat(store.users().count(POOL)).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Races

    @Test
    void ofCreatesOfOneUsernameExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String username = "user" + round;
            AtomicInteger thread = new AtomicInteger();
            List<Object> outcomes = race(() -> {
                User user = user(POOL, username + "-" + thread.incrementAndGet());
                store.users().write(List.of(create(user, "username:" + username)));
                return "created";
            });

            assertThat(outcomes).as("round %d", round).containsOnlyOnce("created");
            assertThat(outcomes)
                    .filteredOn((outcome) -> !"created".equals(outcome))
                    .hasSize(THREADS - 1)
                    .allSatisfy((outcome) -> assertThat(outcome)
                            .isInstanceOfSatisfying(
                                    UserWriteConflict.class,
                                    (conflict) ->
                                            assertThat(conflict.takenKey()).isEqualTo("username:" + username)));
        }
        assertThat(store.users().count(POOL)).isEqualTo(ROUNDS);
    }

    @Test
    void ofCreatesOfOneSubExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            User user = user(POOL, "same" + round);
            String keyPrefix = "username:same" + round + "-";
            AtomicInteger thread = new AtomicInteger();
            List<Object> outcomes = race(() -> {
                store.users().write(List.of(create(user, keyPrefix + thread.incrementAndGet())));
                return "created";
            });

            assertThat(outcomes).as("round %d", round).containsOnlyOnce("created");
            assertThat(outcomes)
                    .filteredOn((outcome) -> !"created".equals(outcome))
                    .allSatisfy((outcome) -> assertThat(outcome)
                            .isInstanceOfSatisfying(
                                    UserWriteConflict.class,
                                    (conflict) ->
                                            assertThat(conflict.takenKey()).isNull()));
        }
        assertThat(store.users().count(POOL)).isEqualTo(ROUNDS);
    }

    @Test
    void createsOfDistinctUsersAllSucceed() throws Exception {
        AtomicInteger thread = new AtomicInteger();
        List<Object> outcomes = race(() -> {
            String username = "distinct" + thread.incrementAndGet();
            store.users().write(List.of(create(user(POOL, username), "username:" + username)));
            return "created";
        });

        assertThat(outcomes).containsOnly("created");
        assertThat(store.users().count(POOL)).isEqualTo(THREADS);
    }

    @Test
    void ofReplacementsFromOneReadVersionExactlyOneSucceeds() throws Exception {
        User user = user(POOL, "contended");
        write(create(user, "username:contended"));
        for (int round = 0; round < ROUNDS; round++) {
            User read = store.users().find(POOL, user.sub()).orElseThrow();
            AtomicInteger thread = new AtomicInteger();
            List<Object> outcomes = race(() -> {
                User updated = read.withAttributes(
                                Map.of("sub", read.sub(), "name", "writer " + thread.incrementAndGet()), NOW)
                        .nextVersion();
                store.users().write(List.of(new UserChange.Replace(read, updated, List.of("username:contended"))));
                return "replaced";
            });

            assertThat(outcomes).as("round %d", round).containsOnlyOnce("replaced");
            assertThat(outcomes)
                    .filteredOn((outcome) -> !"replaced".equals(outcome))
                    .allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(UserWriteConflict.class));
            assertThat(store.users().find(POOL, user.sub()).orElseThrow().version())
                    .isEqualTo(round + 1);
        }
    }

    @Test
    void ofTakesOfOneSessionExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "session-" + round;
            store.authSessions().open(key, authSession(POOL, "sub", NOW));

            List<Object> outcomes = race(() -> store.authSessions().take(key).isPresent());

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true).hasSize(THREADS);
        }
    }

    @Test
    void concurrentFailuresAreCountedUpToTheLimitExactly() throws Exception {
        int max = 3;
        for (int round = 0; round < ROUNDS; round++) {
            String sub = "sub-" + round;
            store.codes().put(code(POOL, sub, CodePurpose.SIGN_UP, "111111"));

            List<Object> outcomes =
                    race(() -> store.codes().countFailure(POOL, sub, CodePurpose.SIGN_UP, "111111", max));

            assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count())
                    .as("round %d", round)
                    .isEqualTo(max);
            assertThat(store.codes()
                            .find(POOL, sub, CodePurpose.SIGN_UP)
                            .orElseThrow()
                            .failedAttempts())
                    .isEqualTo(max);
        }
    }

    @Test
    void ofTakesOfOneCodeExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String sub = "sub-" + round;
            store.codes().put(code(POOL, sub, CodePurpose.SIGN_UP, "111111"));

            List<Object> outcomes = race(() -> store.codes().take(POOL, sub, CodePurpose.SIGN_UP, "111111", 3));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void racingPutsLeaveOneCode() throws Exception {
        AtomicInteger thread = new AtomicInteger();
        List<Object> outcomes = race(() -> {
            store.codes().put(code(POOL, "sub", CodePurpose.SIGN_UP, "00000" + thread.incrementAndGet()));
            return "put";
        });

        assertThat(outcomes).containsOnly("put");
        assertThat(store.codes().find(POOL, "sub", CodePurpose.SIGN_UP)).isPresent();
    }

    @Test
    void racingCreatesOfOnePoolOrClientLetOneIn() throws Exception {
        List<Object> pools = race(() -> store.pools().create(pool("us-east-1_Raced")));
        List<Object> clients = race(() -> store.clients().create(client(POOL, "raced-client")));

        assertThat(pools).containsOnlyOnce(true);
        assertThat(clients).containsOnlyOnce(true);
    }

    @Test
    void racingCallersAllGetTheKeysStoredFirst() throws Exception {
        AtomicInteger thread = new AtomicInteger();
        List<Object> outcomes =
                race(() -> store.signingKeys().keysFor(POOL, () -> keys(POOL, thread.getAndIncrement() % 2 * 2)));

        PoolKeys stored = store.signingKeys().find(POOL).orElseThrow();
        assertThat(outcomes).hasSize(THREADS).containsOnly(stored);
    }

    @Test
    void racingCallersAllGetTheSecretStoredFirst() throws Exception {
        AtomicInteger thread = new AtomicInteger();
        List<Object> outcomes = race(() -> new String(
                store.secrets().secret("raced", () -> bytes("secret" + thread.incrementAndGet())),
                StandardCharsets.UTF_8));

        assertThat(outcomes).hasSize(THREADS).containsOnly(outcomes.get(0));
        assertThat(new String(store.secrets().secret("raced", () -> bytes("late")), StandardCharsets.UTF_8))
                .isEqualTo(outcomes.get(0));
    }

    @Test
    void racingRevocationsAndSavesKeepEverySignIn() throws Exception {
        AtomicInteger thread = new AtomicInteger();
        List<Object> outcomes = race(() -> {
            int n = thread.incrementAndGet();
            store.refreshSessions().save(refresh("r" + n, POOL, "alice"));
            store.refreshSessions().revokeUser(POOL, "alice");
            return "done";
        });

        assertThat(outcomes).containsOnly("done");
        for (int n = 1; n <= THREADS; n++) {
            assertThat(store.refreshSessions().findByTokenDigest("digest-r" + n))
                    .isPresent();
        }
    }

    @Test
    void racingMessagesStayWithinTheCapacity() throws Exception {
        try (EmulatorStore small = newStore(5)) {
            for (int round = 0; round < ROUNDS; round++) {
                String prefix = "r" + round + "-";
                AtomicInteger thread = new AtomicInteger();
                List<Object> outcomes = race(() -> {
                    int n = thread.incrementAndGet();
                    for (int i = 0; i < 3; i++) {
                        small.messages().add(message(prefix + n + "-" + i, POOL, "alice", NOW));
                    }
                    return "sent";
                });

                assertThat(outcomes).containsOnly("sent");
                assertThat(small.messages().list(null, null))
                        .as("round %d", round)
                        .hasSize(5)
                        .allSatisfy((message) -> assertThat(message.id()).startsWith(prefix));
                assertThat(small.messages().list(POOL, "alice")).hasSize(5);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    /**
     * Runs {@code task} on {@value #THREADS} threads released together, and returns what each returned or threw.
     */
    public static List<Object> race(Callable<Object> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(executor.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return task.call();
                    } catch (UserWriteConflict ex) {
                        return ex;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException ex) {
                    throw new AssertionError("A racing call failed", ex.getCause());
                }
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private void write(UserChange... changes) {
        this.store.users().write(List.of(changes));
    }

    private void assertStale(UserChange... changes) {
        assertThatThrownBy(() -> write(changes))
                .isInstanceOfSatisfying(
                        UserWriteConflict.class,
                        (ex) -> assertThat(ex.takenKey()).isNull());
    }

    private void assertKeyTaken(String key, UserChange... changes) {
        assertThatThrownBy(() -> write(changes))
                .isInstanceOfSatisfying(
                        UserWriteConflict.class,
                        (ex) -> assertThat(ex.takenKey()).isEqualTo(key));
    }

    private static List<String> usernames(List<User> users) {
        return users.stream().map(User::username).toList();
    }

    public static UserChange.Create create(User user, String... keys) {
        return new UserChange.Create(user, List.of(keys));
    }

    /** A deterministic {@code sub} per pool and username. */
    public static String sub(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A confirmed user with a password, its {@code sub} first among its attributes and then {@code pairs}. */
    public static User user(String userPoolId, String username, String... pairs) {
        String sub = sub(userPoolId + "/" + username);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", sub);
        for (int i = 0; i < pairs.length; i += 2) {
            attributes.put(pairs[i], pairs[i + 1]);
        }
        return new User(
                userPoolId,
                username,
                sub,
                attributes,
                UserStatus.CONFIRMED,
                true,
                NOW,
                NOW.plusMillis(1),
                new PasswordCredential("0a1b2c", "fedcba9876543210"),
                NOW.plusNanos(3),
                0);
    }

    private static User disabled(User user) {
        return new User(
                user.userPoolId(),
                user.username(),
                user.sub(),
                user.attributes(),
                UserStatus.UNCONFIRMED,
                false,
                user.createDate(),
                user.lastModifiedDate(),
                user.password(),
                user.passwordSetDate(),
                user.version());
    }

    /** A pool with every kind of value its settings can hold, so that a store must keep each exactly. */
    public static UserPool pool(String id) {
        Map<String, Object> adminCreateUser = new LinkedHashMap<>();
        adminCreateUser.put("AllowAdminCreateUserOnly", false);
        adminCreateUser.put("UnusedAccountValidityDays", 7);
        adminCreateUser.put("InviteMessageTemplate", null);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("AdminCreateUserConfig", adminCreateUser);
        settings.put("UserPoolTags", Map.of("team", "identity"));
        settings.put("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP")));
        settings.put("UserPoolTier", "ESSENTIALS");
        settings.put("AnInteger", 7);
        settings.put("ASmallLong", 7L);
        settings.put("ALargeLong", 1L << 40);
        settings.put("ADouble", 0.25);
        settings.put("ADecimal", new BigDecimal("1.50"));
        settings.put("ABigInteger", new BigInteger("123456789012345678901234567890"));
        settings.put("AList", Arrays.asList(1, "two", null, List.of(3L), Map.of("four", 4.0)));
        settings.put("$dollar", Map.of("$long", "not a number", "$$twice", 1));
        return new UserPool(
                id,
                "pool " + id,
                "arn:aws:cognito-idp:" + id.substring(0, id.indexOf('_')) + ":000000000000:userpool/" + id,
                NOW,
                NOW.plusNanos(1),
                new PasswordPolicy(10, true, false, true, false, 3, 5),
                List.of(
                        SchemaAttribute.STANDARD.get(0),
                        SchemaAttribute.STANDARD.get(11),
                        new SchemaAttribute(
                                "custom:tier", "Number", false, true, false, null, Map.of("MinValue", "1"))),
                List.of("email"),
                List.of("preferred_username", "email"),
                List.of(),
                Boolean.FALSE,
                "OPTIONAL",
                "ACTIVE",
                new MfaSettings(true, true, new MfaSettings.EmailMfa("Code {####}", null), null),
                settings);
    }

    private static UserPoolClient withClientName(UserPoolClient client, String name) {
        return new UserPoolClient(
                client.userPoolId(),
                name,
                client.clientId(),
                client.clientSecret(),
                client.creationDate(),
                client.lastModifiedDate(),
                client.tokenValidity(),
                client.explicitAuthFlows(),
                client.preventUserExistenceErrors(),
                client.enableTokenRevocation(),
                client.authSessionValidity(),
                client.settings());
    }

    private static UserPool withName(UserPool pool, String name) {
        return new UserPool(
                pool.id(),
                name,
                pool.arn(),
                pool.creationDate(),
                pool.lastModifiedDate(),
                pool.passwordPolicy(),
                pool.schema(),
                pool.autoVerifiedAttributes(),
                pool.aliasAttributes(),
                pool.usernameAttributes(),
                pool.usernameCaseSensitive(),
                pool.mfaConfiguration(),
                pool.deletionProtection(),
                pool.mfaSettings(),
                pool.settings());
    }

    public static UserPoolClient client(String userPoolId, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ReadAttributes", List.of("email", "name"));
        settings.put("CallbackURLs", List.of("https://example.com/callback"));
        settings.put("AllowedOAuthFlowsUserPoolClient", true);
        return new UserPoolClient(
                userPoolId,
                "client " + clientId,
                clientId,
                "secret-" + clientId,
                NOW,
                NOW.plusSeconds(1),
                new TokenValidity(60, 30, 10, "minutes", "minutes", "days"),
                List.of(ExplicitAuthFlow.ALLOW_USER_SRP_AUTH, ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH),
                "ENABLED",
                true,
                5,
                settings);
    }

    public static AuthSession authSession(String userPoolId, String sub, Instant expiresAt) {
        return new AuthSession(
                userPoolId,
                "client1",
                sub,
                ChallengeName.PASSWORD_VERIFIER,
                expiresAt,
                Map.of("SRP_B", "abc123", "USERNAME", sub));
    }

    public static PendingCode code(String userPoolId, String sub, CodePurpose purpose, String code) {
        return new PendingCode(userPoolId, sub, purpose, code, NOW.plusSeconds(3600), 0, List.of("000001", "000002"));
    }

    /** A sign-in whose token digest is {@code digest-<name>} and origin {@code origin-<name>}. */
    public static RefreshSession refresh(String name, String userPoolId, String sub) {
        return new RefreshSession(
                "digest-" + name,
                userPoolId,
                "client1",
                sub,
                "origin-" + name,
                NOW,
                NOW.plusSeconds(30 * 24 * 3600),
                NOW.plusSeconds(30 * 24 * 3600 + 3600),
                false);
    }

    public static Message message(String id, String userPoolId, String username, Instant sentAt) {
        return new Message(
                id,
                userPoolId,
                username,
                "SignUp",
                "EMAIL",
                username + "@example.com",
                "Your code",
                "Your code is 123456",
                "123456",
                sentAt);
    }

    /** Keys {@code first} and {@code first + 1} of the shared ones. */
    public static PoolKeys keys(String userPoolId, int first) {
        return new PoolKeys(userPoolId, key(first), key(first + 1));
    }

    private static RSAKey key(int index) {
        synchronized (KEYS) {
            while (KEYS.size() <= index) {
                KEYS.add(RsaKeySource.generate());
            }
            return KEYS.get(index);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
