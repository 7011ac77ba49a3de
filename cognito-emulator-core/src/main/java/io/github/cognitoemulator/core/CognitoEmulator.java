package io.github.cognitoemulator.core;

import io.github.cognitoemulator.core.client.InMemoryUserPoolClientRepository;
import io.github.cognitoemulator.core.client.UserPoolClientActions;
import io.github.cognitoemulator.core.client.UserPoolClientRepository;
import io.github.cognitoemulator.core.pool.InMemoryUserPoolRepository;
import io.github.cognitoemulator.core.pool.PoolContents;
import io.github.cognitoemulator.core.pool.UserPoolActions;
import io.github.cognitoemulator.core.pool.UserPoolRepository;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.AdminUserActions;
import io.github.cognitoemulator.core.user.InMemoryUserRepository;
import io.github.cognitoemulator.core.user.ListUsersActions;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The Cognito User Pools emulator, driven in-process: hand it a JSON 1.1 call, get Cognito's answer. A web adapter
 * only has to move bytes and headers in and out of {@link #handle(ProtocolRequest)}.
 *
 * <pre>{@code
 * CognitoEmulator emulator = CognitoEmulator.builder().region("eu-west-1").build();
 * ProtocolResponse response = emulator.handle("CreateUserPool", "{\"PoolName\":\"MyApp\"}");
 * }</pre>
 */
public final class CognitoEmulator {

    /** The region served when a request does not name one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** The account id that appears in ARNs unless another is configured. */
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    private final AwsJsonProtocol protocol;

    private final ActionRegistry registry;

    private final String region;

    private CognitoEmulator(Builder builder) {
        Ids ids = new Ids(builder.random);
        UserDirectory users = new UserDirectory(builder.users);
        PoolContents contents = new PoolContents() {
            @Override
            public long countUsers(String userPoolId) {
                return builder.users.count(userPoolId);
            }

            @Override
            public void deleteAll(String userPoolId) {
                builder.clients.deleteAll(userPoolId);
                builder.users.deleteAll(userPoolId);
            }
        };
        this.registry = ActionRegistry.builder()
                .family(new UserPoolActions(builder.pools, contents, builder.clock, ids, builder.accountId))
                .family(new UserPoolClientActions(builder.pools, builder.clients, builder.clock, ids))
                .family(new AdminUserActions(builder.pools, users, builder.clock, ids))
                .family(new ListUsersActions(builder.pools, users))
                .build();
        this.region = builder.region;
        this.protocol = new AwsJsonProtocol(this.registry, builder.region, ids::uuid);
    }

    /** A builder with Cognito's defaults: region {@value #DEFAULT_REGION}, system clock, in-memory storage. */
    public static Builder builder() {
        return new Builder();
    }

    /** Answers one JSON 1.1 call; never throws for anything the caller sent. */
    public ProtocolResponse handle(ProtocolRequest request) {
        return this.protocol.handle(request);
    }

    /** Answers the call of {@code action} (for example {@code "CreateUserPool"}) with a JSON body. */
    public ProtocolResponse handle(String action, String jsonBody) {
        return handle(ProtocolRequest.of(action, jsonBody));
    }

    /** The names of the Cognito actions this emulator serves. */
    public Set<String> actionNames() {
        return this.registry.actionNames();
    }

    /** The region served when a request does not name one. */
    public String region() {
        return this.region;
    }

    /** Configures a {@link CognitoEmulator}. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();

        private RandomGenerator random = new SecureRandom();

        private String region = DEFAULT_REGION;

        private String accountId = DEFAULT_ACCOUNT_ID;

        private UserPoolRepository pools = new InMemoryUserPoolRepository();

        private UserPoolClientRepository clients = new InMemoryUserPoolClientRepository();

        private UserRepository users = new InMemoryUserRepository();

        private Builder() {}

        /** The clock behind every timestamp, expiry and token lifetime. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
            return this;
        }

        /** The randomness behind ids, secrets, salts and generated passwords. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "'random' must not be null");
            return this;
        }

        /** The region served when a request's credential scope names none. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "'region' must not be null");
            return this;
        }

        /** The twelve-digit account id used in ARNs. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "'accountId' must not be null");
            return this;
        }

        /** Where user pools are kept. */
        public Builder userPoolRepository(UserPoolRepository pools) {
            this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
            return this;
        }

        /** Where app clients are kept. */
        public Builder userPoolClientRepository(UserPoolClientRepository clients) {
            this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
            return this;
        }

        /** Where users are kept. */
        public Builder userRepository(UserRepository users) {
            this.users = Objects.requireNonNull(users, "'users' must not be null");
            return this;
        }

        public CognitoEmulator build() {
            return new CognitoEmulator(this);
        }
    }
}
