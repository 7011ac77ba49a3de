package io.github.cognitoemulator.core.store.memory;

import io.github.cognitoemulator.core.auth.AuthSession;
import io.github.cognitoemulator.core.auth.AuthSessionStore;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.code.CodeStore;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.message.MessageStore;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.store.SecretStore;
import io.github.cognitoemulator.core.token.PoolKeys;
import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.RefreshSessionStore;
import io.github.cognitoemulator.core.token.SigningKeyStore;
import io.github.cognitoemulator.core.user.UserStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps all state in memory: the default, for development and tests. Users are found by key in constant time; every
 * compound change is one atomic map operation or runs under the lock of the one pool it touches, never a global
 * lock. Nothing survives the JVM.
 *
 * <p>Records that come and go in large numbers (challenge sessions, codes, sign-ins) are kept in skip lists rather
 * than hash tables: a hash table never shrinks, so after a burst of 100,000 sign-ins expired its empty table would
 * stay behind, where a skip list gives the memory back as entries are removed.
 */
public final class InMemoryStore implements EmulatorStore {

    /** How many messages are kept when no capacity is given. */
    public static final int DEFAULT_MESSAGE_CAPACITY = 1000;

    private final Map<String, UserPool> pools = new ConcurrentSkipListMap<>();

    private final Map<String, UserPoolClient> clients = new ConcurrentSkipListMap<>();

    private final InMemoryUserStore users;

    private final Map<String, AuthSession> authSessions = new ConcurrentSkipListMap<>();

    private final Map<CodeKey, CodeStore.PendingCode> codes = new ConcurrentSkipListMap<>(CodeKey.ORDER);

    private final Map<String, RefreshSession> refreshByDigest = new ConcurrentSkipListMap<>();

    private final Map<String, String> digestByOrigin = new ConcurrentSkipListMap<>();

    private final Map<String, PoolKeys> keys = new ConcurrentSkipListMap<>();

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    private final InMemoryResourceStore resources = new InMemoryResourceStore(this.pools::containsKey);

    private final Deque<Message> messages = new ArrayDeque<>();

    private final int messageCapacity;

    /** A store that keeps the newest {@value #DEFAULT_MESSAGE_CAPACITY} messages. */
    public InMemoryStore() {
        this(DEFAULT_MESSAGE_CAPACITY);
    }

    /** @param messageCapacity how many messages to keep before dropping the oldest */
    public InMemoryStore(int messageCapacity) {
        if (messageCapacity < 1) {
            throw new IllegalArgumentException("'messageCapacity' must be positive");
        }
        this.messageCapacity = messageCapacity;
        this.users = new InMemoryUserStore(this.pools::containsKey, this::forgetUser);
    }

    @Override
    public PoolStore pools() {
        return this.poolStore;
    }

    @Override
    public ClientStore clients() {
        return this.clientStore;
    }

    @Override
    public UserStore users() {
        return this.users;
    }

    @Override
    public AuthSessionStore authSessions() {
        return this.authSessionStore;
    }

    @Override
    public CodeStore codes() {
        return this.codeStore;
    }

    @Override
    public RefreshSessionStore refreshSessions() {
        return this.refreshSessionStore;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return this.signingKeyStore;
    }

    @Override
    public MessageStore messages() {
        return this.messageStore;
    }

    @Override
    public SecretStore secrets() {
        return (name, generator) ->
                this.secrets.computeIfAbsent(name, (n) -> generator.get()).clone();
    }

    @Override
    public ResourceStore resources() {
        return this.resources;
    }

    @Override
    public boolean deletePool(String userPoolId) {
        if (this.pools.remove(userPoolId) == null) {
            return false;
        }
        this.clients.values().removeIf((client) -> client.userPoolId().equals(userPoolId));
        this.users.deletePool(userPoolId);
        this.authSessions.values().removeIf((session) -> session.userPoolId().equals(userPoolId));
        this.codes.keySet().removeIf((key) -> key.userPoolId().equals(userPoolId));
        this.refreshByDigest.values().stream()
                .filter((session) -> session.userPoolId().equals(userPoolId))
                .toList()
                .forEach(this::forgetRefreshSession);
        this.keys.remove(userPoolId);
        this.resources.deletePool(userPoolId);
        synchronized (this.messages) {
            this.messages.removeIf((message) -> message.userPoolId().equals(userPoolId));
        }
        return true;
    }

    @Override
    public void clear() {
        // Pools first, so that nothing can be added to one of them while the rest goes.
        for (String userPoolId : List.copyOf(this.pools.keySet())) {
            deletePool(userPoolId);
        }
        this.clients.clear();
        this.authSessions.clear();
        this.codes.clear();
        this.refreshByDigest.clear();
        this.digestByOrigin.clear();
        this.keys.clear();
        this.resources.clear();
        this.messageStore.clear();
    }

    @Override
    public int sweepExpired(Instant now) {
        AtomicInteger removed = new AtomicInteger();
        this.authSessions
                .entrySet()
                .removeIf((entry) -> expired(entry.getValue().expiresAt(), now, removed));
        this.codes.entrySet().removeIf((entry) -> expired(entry.getValue().expiresAt(), now, removed));
        this.refreshByDigest.values().stream()
                .filter((session) -> expired(session.retainUntil(), now, removed))
                .toList()
                .forEach(this::forgetRefreshSession);
        return removed.get();
    }

    @Override
    public void close() {}

    private static boolean expired(Instant expiresAt, Instant now, AtomicInteger removed) {
        boolean expired = !now.isBefore(expiresAt);
        if (expired) {
            removed.incrementAndGet();
        }
        return expired;
    }

    /** Removes what a deleted user owned: pending codes and sign-ins. */
    private void forgetUser(String userPoolId, String sub) {
        this.codes
                .keySet()
                .removeIf((key) ->
                        key.userPoolId().equals(userPoolId) && key.sub().equals(sub));
        // A scan, as for a global sign-out: rare next to sign-ins, and free of an index to keep in step.
        this.refreshByDigest.values().stream()
                .filter((session) ->
                        session.userPoolId().equals(userPoolId) && session.sub().equals(sub))
                .toList()
                .forEach(this::forgetRefreshSession);
    }

    private void forgetRefreshSession(RefreshSession session) {
        this.refreshByDigest.remove(session.tokenDigest());
        this.digestByOrigin.remove(session.originJti(), session.tokenDigest());
    }

    private final PoolStore poolStore = new PoolStore() {

        @Override
        public boolean create(UserPool pool) {
            return InMemoryStore.this.pools.putIfAbsent(pool.id(), pool) == null;
        }

        @Override
        public Optional<UserPool> find(String userPoolId) {
            return Optional.ofNullable(InMemoryStore.this.pools.get(userPoolId));
        }

        @Override
        public List<UserPool> list() {
            return List.copyOf(InMemoryStore.this.pools.values());
        }

        @Override
        public boolean replace(UserPool current, UserPool updated) {
            return InMemoryStore.this.pools.replace(current.id(), current, updated);
        }
    };

    private final ClientStore clientStore = new ClientStore() {

        @Override
        public boolean create(UserPoolClient client) {
            if (!InMemoryStore.this.pools.containsKey(client.userPoolId())) {
                return false;
            }
            return InMemoryStore.this.clients.putIfAbsent(client.clientId(), client) == null;
        }

        @Override
        public Optional<UserPoolClient> find(String clientId) {
            return Optional.ofNullable(InMemoryStore.this.clients.get(clientId));
        }

        @Override
        public List<UserPoolClient> list(String userPoolId) {
            return InMemoryStore.this.clients.values().stream()
                    .filter((client) -> client.userPoolId().equals(userPoolId))
                    .toList();
        }

        @Override
        public boolean replace(UserPoolClient current, UserPoolClient updated) {
            return InMemoryStore.this.clients.replace(current.clientId(), current, updated);
        }

        @Override
        public boolean delete(String clientId) {
            return InMemoryStore.this.clients.remove(clientId) != null;
        }
    };

    private final AuthSessionStore authSessionStore = new AuthSessionStore() {

        @Override
        public void open(String key, AuthSession session) {
            if (InMemoryStore.this.authSessions.putIfAbsent(key, session) != null) {
                throw new IllegalStateException("A session key was issued twice");
            }
        }

        @Override
        public Optional<AuthSession> find(String key) {
            return Optional.ofNullable(InMemoryStore.this.authSessions.get(key));
        }

        @Override
        public Optional<AuthSession> take(String key) {
            return Optional.ofNullable(InMemoryStore.this.authSessions.remove(key));
        }
    };

    private final CodeStore codeStore = new CodeStore() {

        @Override
        public void put(PendingCode code) {
            InMemoryStore.this.codes.put(new CodeKey(code.userPoolId(), code.sub(), code.purpose()), code);
        }

        @Override
        public Optional<PendingCode> find(String userPoolId, String sub, CodePurpose purpose) {
            return Optional.ofNullable(InMemoryStore.this.codes.get(new CodeKey(userPoolId, sub, purpose)));
        }

        @Override
        public boolean countFailure(
                String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
            CodeKey key = new CodeKey(userPoolId, sub, purpose);
            // Compare and set: of racing attempts, each counts once, and none past the limit.
            while (true) {
                PendingCode pending = InMemoryStore.this.codes.get(key);
                if (pending == null || !pending.code().equals(code) || pending.failedAttempts() >= maxFailedAttempts) {
                    return false;
                }
                PendingCode counted = new PendingCode(
                        pending.userPoolId(),
                        pending.sub(),
                        pending.purpose(),
                        pending.code(),
                        pending.expiresAt(),
                        pending.failedAttempts() + 1,
                        pending.superseded());
                if (InMemoryStore.this.codes.replace(key, pending, counted)) {
                    return true;
                }
            }
        }

        @Override
        public boolean take(String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
            CodeKey key = new CodeKey(userPoolId, sub, purpose);
            PendingCode pending = InMemoryStore.this.codes.get(key);
            if (pending == null || !pending.code().equals(code) || pending.failedAttempts() >= maxFailedAttempts) {
                return false;
            }
            // Removed only if still exactly as checked: of racing takers, one removes it.
            return InMemoryStore.this.codes.remove(key, pending);
        }
    };

    private final RefreshSessionStore refreshSessionStore = new RefreshSessionStore() {

        @Override
        public void save(RefreshSession session) {
            InMemoryStore.this.digestByOrigin.put(session.originJti(), session.tokenDigest());
            InMemoryStore.this.refreshByDigest.put(session.tokenDigest(), session);
        }

        @Override
        public Optional<RefreshSession> findByTokenDigest(String tokenDigest) {
            return Optional.ofNullable(InMemoryStore.this.refreshByDigest.get(tokenDigest));
        }

        @Override
        public boolean isRevoked(String originJti) {
            String digest = InMemoryStore.this.digestByOrigin.get(originJti);
            RefreshSession session = (digest != null) ? InMemoryStore.this.refreshByDigest.get(digest) : null;
            return session != null && session.revoked();
        }

        @Override
        public void revoke(String originJti) {
            String digest = InMemoryStore.this.digestByOrigin.get(originJti);
            if (digest != null) {
                InMemoryStore.this.refreshByDigest.computeIfPresent(digest, (d, session) -> session.asRevoked());
            }
        }

        @Override
        public void revokeUser(String userPoolId, String sub) {
            InMemoryStore.this.refreshByDigest.values().stream()
                    .filter((session) -> session.userPoolId().equals(userPoolId)
                            && session.sub().equals(sub))
                    .forEach((session) -> revoke(session.originJti()));
        }
    };

    private final SigningKeyStore signingKeyStore = new SigningKeyStore() {

        @Override
        public PoolKeys keysFor(String userPoolId, Supplier<PoolKeys> generator) {
            return InMemoryStore.this.keys.computeIfAbsent(userPoolId, (id) -> generator.get());
        }

        @Override
        public Optional<PoolKeys> find(String userPoolId) {
            return Optional.ofNullable(InMemoryStore.this.keys.get(userPoolId));
        }

        @Override
        public List<PoolKeys> list() {
            return List.copyOf(InMemoryStore.this.keys.values());
        }
    };

    private final MessageStore messageStore = new MessageStore() {

        @Override
        public void add(Message message) {
            synchronized (InMemoryStore.this.messages) {
                InMemoryStore.this.messages.addFirst(message);
                while (InMemoryStore.this.messages.size() > InMemoryStore.this.messageCapacity) {
                    InMemoryStore.this.messages.removeLast();
                }
            }
        }

        @Override
        public List<Message> list(@Nullable String userPoolId, @Nullable String username) {
            synchronized (InMemoryStore.this.messages) {
                return InMemoryStore.this.messages.stream()
                        .filter((m) -> userPoolId == null || m.userPoolId().equals(userPoolId))
                        .filter((m) -> username == null
                                || m.username().equals(username)
                                || m.destination().equals(username))
                        .toList();
            }
        }

        @Override
        public void clear() {
            synchronized (InMemoryStore.this.messages) {
                InMemoryStore.this.messages.clear();
            }
        }
    };

    private record CodeKey(String userPoolId, String sub, CodePurpose purpose) {

        static final Comparator<CodeKey> ORDER = Comparator.comparing(CodeKey::userPoolId)
                .thenComparing(CodeKey::sub)
                .thenComparing(CodeKey::purpose);
    }
}
