package io.github.cognitoemulator.core.store;

import io.github.cognitoemulator.core.auth.AuthSession;
import io.github.cognitoemulator.core.auth.AuthSessionStore;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.code.CodeStore;
import io.github.cognitoemulator.core.message.MessageStore;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.RefreshSessionStore;
import io.github.cognitoemulator.core.token.SigningKeyStore;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A store that holds the callers of chosen operations at a barrier until a given number of them have arrived, then
 * lets them all through at once. A test uses it to line concurrent requests up at the exact step where they race,
 * so that a race is exercised every run instead of once in a while.
 */
public final class PausingStore implements EmulatorStore {

    /** The operations that can be held. */
    public enum Operation {
        USER_WRITE,
        SESSION_TAKE,
        CODE_FAILURE,
        CODE_TAKE,
        POOL_CREATE,
        POOL_REPLACE,
        CLIENT_CREATE,
        CLIENT_REPLACE,
        RESOURCE_WRITE
    }

    private final EmulatorStore delegate;

    private final Map<Operation, CyclicBarrier> barriers = new EnumMap<>(Operation.class);

    public PausingStore(EmulatorStore delegate) {
        this.delegate = delegate;
    }

    /** Holds the next {@code parties} callers of {@code operation} until all of them have arrived. */
    public synchronized void holdUntil(Operation operation, int parties) {
        this.barriers.put(operation, new CyclicBarrier(parties, () -> release(operation)));
    }

    private synchronized void release(Operation operation) {
        this.barriers.remove(operation);
    }

    private void pass(Operation operation) {
        CyclicBarrier barrier;
        synchronized (this) {
            barrier = this.barriers.get(operation);
        }
        if (barrier != null) {
            try {
                barrier.await(3, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IllegalStateException("The racing callers of " + operation + " never lined up", ex);
            }
        }
    }

    @Override
    public PoolStore pools() {
        PoolStore pools = this.delegate.pools();
        return new PoolStore() {
            @Override
            public boolean create(UserPool pool) {
                pass(Operation.POOL_CREATE);
                return pools.create(pool);
            }

            @Override
            public Optional<UserPool> find(String userPoolId) {
                return pools.find(userPoolId);
            }

            @Override
            public List<UserPool> list() {
                return pools.list();
            }

            @Override
            public boolean replace(UserPool current, UserPool updated) {
                pass(Operation.POOL_REPLACE);
                return pools.replace(current, updated);
            }
        };
    }

    @Override
    public ClientStore clients() {
        ClientStore clients = this.delegate.clients();
        return new ClientStore() {
            @Override
            public boolean create(UserPoolClient client) {
                pass(Operation.CLIENT_CREATE);
                return clients.create(client);
            }

            @Override
            public Optional<UserPoolClient> find(String clientId) {
                return clients.find(clientId);
            }

            @Override
            public List<UserPoolClient> list(String userPoolId) {
                return clients.list(userPoolId);
            }

            @Override
            public boolean replace(UserPoolClient current, UserPoolClient updated) {
                pass(Operation.CLIENT_REPLACE);
                return clients.replace(current, updated);
            }

            @Override
            public boolean delete(String clientId) {
                return clients.delete(clientId);
            }
        };
    }

    @Override
    public UserStore users() {
        UserStore users = this.delegate.users();
        return new UserStore() {
            @Override
            public Optional<User> find(String userPoolId, String sub) {
                return users.find(userPoolId, sub);
            }

            @Override
            public Optional<User> findByKey(String userPoolId, String key) {
                return users.findByKey(userPoolId, key);
            }

            @Override
            public void write(List<UserChange> changes) {
                pass(Operation.USER_WRITE);
                users.write(changes);
            }

            @Override
            public List<User> list(
                    String userPoolId, @Nullable UserFilter filter, @Nullable String fromUsername, int limit) {
                return users.list(userPoolId, filter, fromUsername, limit);
            }

            @Override
            public long count(String userPoolId) {
                return users.count(userPoolId);
            }
        };
    }

    @Override
    public AuthSessionStore authSessions() {
        AuthSessionStore sessions = this.delegate.authSessions();
        return new AuthSessionStore() {
            @Override
            public void open(String key, AuthSession session) {
                sessions.open(key, session);
            }

            @Override
            public Optional<AuthSession> find(String key) {
                return sessions.find(key);
            }

            @Override
            public Optional<AuthSession> take(String key) {
                pass(Operation.SESSION_TAKE);
                return sessions.take(key);
            }
        };
    }

    @Override
    public CodeStore codes() {
        CodeStore codes = this.delegate.codes();
        return new CodeStore() {
            @Override
            public void put(PendingCode code) {
                codes.put(code);
            }

            @Override
            public Optional<PendingCode> find(String userPoolId, String sub, CodePurpose purpose) {
                return codes.find(userPoolId, sub, purpose);
            }

            @Override
            public boolean countFailure(
                    String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
                pass(Operation.CODE_FAILURE);
                return codes.countFailure(userPoolId, sub, purpose, code, maxFailedAttempts);
            }

            @Override
            public boolean take(
                    String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
                pass(Operation.CODE_TAKE);
                return codes.take(userPoolId, sub, purpose, code, maxFailedAttempts);
            }
        };
    }

    @Override
    public RefreshSessionStore refreshSessions() {
        return this.delegate.refreshSessions();
    }

    @Override
    public SigningKeyStore signingKeys() {
        return this.delegate.signingKeys();
    }

    @Override
    public MessageStore messages() {
        return this.delegate.messages();
    }

    @Override
    public SecretStore secrets() {
        return this.delegate.secrets();
    }

    @Override
    public ResourceStore resources() {
        ResourceStore resources = this.delegate.resources();
        return new ResourceStore() {
            @Override
            public <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key) {
                return resources.find(kind, key);
            }

            @Override
            public <T> List<Resource<T>> list(ResourceKind<T> kind, String userPoolId, String keyPrefix) {
                return resources.list(kind, userPoolId, keyPrefix);
            }

            @Override
            public boolean write(List<? extends ResourceChange> changes) {
                pass(Operation.RESOURCE_WRITE);
                return resources.write(changes);
            }
        };
    }

    @Override
    public boolean deletePool(String userPoolId) {
        return this.delegate.deletePool(userPoolId);
    }

    @Override
    public void clear() {
        this.delegate.clear();
    }

    @Override
    public int sweepExpired(Instant now) {
        return this.delegate.sweepExpired(now);
    }

    @Override
    public void close() {
        this.delegate.close();
    }
}
