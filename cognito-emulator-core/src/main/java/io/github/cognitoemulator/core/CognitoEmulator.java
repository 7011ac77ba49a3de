package io.github.cognitoemulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.cognitoemulator.core.auth.AuthSessions;
import io.github.cognitoemulator.core.auth.AuthenticationActions;
import io.github.cognitoemulator.core.auth.DirectTokens;
import io.github.cognitoemulator.core.auth.SignInLockout;
import io.github.cognitoemulator.core.auth.UserAuthFactorsActions;
import io.github.cognitoemulator.core.authevent.AuthEventActions;
import io.github.cognitoemulator.core.authevent.AuthEventLog;
import io.github.cognitoemulator.core.branding.ManagedLoginBrandingActions;
import io.github.cognitoemulator.core.branding.UiCustomizationActions;
import io.github.cognitoemulator.core.client.ClientContents;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClientActions;
import io.github.cognitoemulator.core.client.UserPoolClientSecretActions;
import io.github.cognitoemulator.core.code.CodeAttempts;
import io.github.cognitoemulator.core.code.VerificationCodes;
import io.github.cognitoemulator.core.device.DeviceActions;
import io.github.cognitoemulator.core.device.DeviceRegistry;
import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.federation.OidcFederation;
import io.github.cognitoemulator.core.federation.OidcProviderHttp;
import io.github.cognitoemulator.core.group.GroupActions;
import io.github.cognitoemulator.core.group.GroupDirectory;
import io.github.cognitoemulator.core.limit.ApiCategory;
import io.github.cognitoemulator.core.limit.ProvisionedLimitActions;
import io.github.cognitoemulator.core.message.MessageInbox;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.mfa.MfaActions;
import io.github.cognitoemulator.core.mfa.UserMfaDirectory;
import io.github.cognitoemulator.core.oauth.ManagedLogin;
import io.github.cognitoemulator.core.oidc.OidcDocuments;
import io.github.cognitoemulator.core.passkey.PasskeyActions;
import io.github.cognitoemulator.core.passkey.Passkeys;
import io.github.cognitoemulator.core.pool.LogDeliveryActions;
import io.github.cognitoemulator.core.pool.MfaConfigActions;
import io.github.cognitoemulator.core.pool.PoolContents;
import io.github.cognitoemulator.core.pool.PoolReplicaActions;
import io.github.cognitoemulator.core.pool.RiskConfigurationActions;
import io.github.cognitoemulator.core.pool.TagActions;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.pool.UserPoolActions;
import io.github.cognitoemulator.core.pool.UserPoolConfigActions;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.ServiceModel;
import io.github.cognitoemulator.core.provider.IdentityProviderActions;
import io.github.cognitoemulator.core.provider.ProviderLinkActions;
import io.github.cognitoemulator.core.resourceserver.ResourceServerActions;
import io.github.cognitoemulator.core.seed.PoolSeed;
import io.github.cognitoemulator.core.seed.PoolSeeder;
import io.github.cognitoemulator.core.selfservice.PasswordActions;
import io.github.cognitoemulator.core.selfservice.SelfService;
import io.github.cognitoemulator.core.selfservice.SignOutActions;
import io.github.cognitoemulator.core.selfservice.UserRegistrationActions;
import io.github.cognitoemulator.core.selfservice.UserSelfServiceActions;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.terms.TermsActions;
import io.github.cognitoemulator.core.token.IssuedTokens;
import io.github.cognitoemulator.core.token.PoolKeys;
import io.github.cognitoemulator.core.token.PrefetchingRsaKeySource;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.token.SigningCertificateActions;
import io.github.cognitoemulator.core.token.SigningKeys;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.token.UserSignOuts;
import io.github.cognitoemulator.core.trigger.LambdaTrigger;
import io.github.cognitoemulator.core.trigger.LambdaTriggers;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.trigger.UserMigration;
import io.github.cognitoemulator.core.user.AdminUserActions;
import io.github.cognitoemulator.core.user.ListUsersActions;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.userimport.UploadOutcome;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

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

    private final SigningKeys signingKeys;

    private final EmulatorStore store;

    private final MessageInbox inbox;

    private final Housekeeping housekeeping;

    private final UserImportActions userImports;

    private final AuthEventLog authEvents;

    private final List<PoolSeed> seeds;

    private final PoolSeeder seeder;

    private final EmulatorClock clock;

    private final DirectTokens directTokens;

    private final ManagedLogin managedLogin;

    private CognitoEmulator(Builder builder) {
        EmulatorClock clock = new EmulatorClock(builder.clock);
        this.clock = clock;
        Ids ids = new Ids(builder.random);
        EmulatorStore store = (builder.store != null) ? builder.store : new InMemoryStore(builder.inboxCapacity);
        this.store = store;
        this.housekeeping = new Housekeeping(store, clock);
        this.inbox = new MessageInbox(store.messages());
        GroupDirectory groups = new GroupDirectory(store.resources(), store.users());
        this.authEvents = new AuthEventLog(store.resources(), clock, ids);
        UserSignOuts signOuts = new UserSignOuts(store.resources());
        UserMfaDirectory userMfa = new UserMfaDirectory(store.resources(), clock);
        DeviceRegistry devices = new DeviceRegistry(store.resources(), ids);
        Passkeys passkeys = new Passkeys(store.resources(), clock, ids, builder.passkeyRelyingPartyId);
        VerificationCodes codes =
                new VerificationCodes(store.codes(), new CodeAttempts(store.resources(), clock), clock, ids);
        SignInLockout lockout = new SignInLockout(store.resources(), clock);
        UserDirectory users = new UserDirectory(store.users(), (user) -> {
            groups.userDeleted(user);
            this.authEvents.userDeleted(user);
            signOuts.userDeleted(user);
            userMfa.userDeleted(user);
            devices.userDeleted(user);
            passkeys.userDeleted(user);
            codes.userDeleted(user.userPoolId(), user.sub());
            lockout.userDeleted(user);
        });
        PasswordChanges passwords = new PasswordChanges(users, clock, ids);
        this.signingKeys = new SigningKeys(store.signingKeys(), builder.keySource);
        LambdaTriggers lambdaTriggers = builder.lambdaTriggers.build();
        Triggers triggers =
                new Triggers(lambdaTriggers, new UserMigration(lambdaTriggers, users, passwords, clock, ids));
        TokenService tokens = new TokenService(
                this.signingKeys, store.refreshSessions(), signOuts, groups::tokenGroups, clock, ids, triggers);
        MessageSender messages = new MessageSender(this.inbox, clock, ids);
        ClientSecrets clientSecrets = new ClientSecrets(store.resources());
        SelfService selfService = new SelfService(
                store.pools(), store.clients(), clientSecrets, users, tokens, codes, messages, triggers);
        AuthSessions authSessions = new AuthSessions(store.authSessions(), clock, ids);
        MfaActions mfaActions = new MfaActions(store.pools(), users, tokens, authSessions, userMfa, ids);
        PoolContents contents = new PoolContents() {
            @Override
            public void created(String userPoolId) {
                CognitoEmulator.this.signingKeys.expectPool(userPoolId);
            }

            @Override
            public long countUsers(String userPoolId) {
                return store.users().count(userPoolId);
            }

            @Override
            public Map<String, Object> describedMembers(String userPoolId) {
                return DomainActions.poolMembers(store.resources(), userPoolId);
            }

            @Override
            public boolean hasDomain(String userPoolId) {
                return !DomainActions.poolMembers(store.resources(), userPoolId).isEmpty();
            }

            @Override
            public void deleteAll(String userPoolId) {
                store.deletePool(userPoolId);
                CognitoEmulator.this.signingKeys.forget(userPoolId);
            }
        };
        this.userImports = new UserImportActions(store.pools(), store.resources(), users, clock, ids);
        ClientContents clientContents = (userPoolId, clientId) -> {
            List<ResourceChange> changes = new ArrayList<>();
            changes.addAll(ManagedLoginBrandingActions.forgetClient(store.resources(), userPoolId, clientId));
            changes.addAll(TermsActions.forgetClient(store.resources(), userPoolId, clientId));
            changes.addAll(UiCustomizationActions.forgetClient(userPoolId, clientId));
            changes.addAll(RiskConfigurationActions.forgetClient(userPoolId, clientId));
            return changes;
        };
        UserPoolActions poolActions = new UserPoolActions(store.pools(), contents, clock, ids, builder.accountId);
        UserPoolClientActions clientActions = new UserPoolClientActions(
                store.pools(), store.clients(), store.resources(), clientContents, clock, ids);
        AuthenticationActions signIn = new AuthenticationActions(
                store.pools(),
                store.clients(),
                users,
                tokens,
                authSessions,
                passwords,
                store.secrets(),
                clientSecrets,
                this.authEvents,
                clock,
                ids,
                messages,
                userMfa,
                devices,
                passkeys,
                triggers,
                lockout);
        this.registry = ActionRegistry.builder()
                .family(poolActions)
                .family(new UserPoolConfigActions(store.pools(), clock))
                .family(new MfaConfigActions(store.pools()))
                .family(new TagActions(store.pools()))
                .family(new SigningCertificateActions(store.pools(), this.signingKeys))
                .family(new LogDeliveryActions(store.pools(), store.resources()))
                .family(new PoolReplicaActions(store.pools(), store.resources(), builder.accountId))
                // No pool serves managed login until the emulator serves user pool domains.
                .family(new ProvisionedLimitActions(
                        builder.provisionedLimitMaximums,
                        (region) -> DomainActions.managedLoginIn(store.pools(), store.resources(), region),
                        store.resources()))
                .family(new RiskConfigurationActions(store.pools(), store.clients(), store.resources(), clock))
                .family(clientActions)
                .family(new UserPoolClientSecretActions(store.pools(), store.clients(), store.resources(), clock, ids))
                .family(new ResourceServerActions(store.pools(), store.resources()))
                .family(new IdentityProviderActions(store.pools(), store.resources(), clock))
                .family(new ProviderLinkActions(store.pools(), users, store.resources(), clock))
                .family(new ManagedLoginBrandingActions(store.pools(), store.clients(), store.resources(), clock, ids))
                .family(new UiCustomizationActions(store.pools(), store.clients(), store.resources(), clock, ids))
                .family(new TermsActions(store.pools(), store.clients(), store.resources(), clock, ids))
                .family(new DomainActions(store.pools(), store.resources(), clock, ids, builder.accountId))
                .family(new AdminUserActions(
                        store.pools(), users, passwords, messages, clock, ids, mfaActions, triggers, tokens::revokeAll))
                .family(new ListUsersActions(store.pools(), users))
                .family(new GroupActions(store.pools(), users, groups, clock))
                .family(this.userImports)
                .family(signIn)
                .family(new AuthEventActions(store.pools(), users, this.authEvents, clock))
                .family(mfaActions)
                .family(new DeviceActions(store.pools(), users, tokens, devices, clock))
                .family(new UserAuthFactorsActions(store.pools(), users, tokens, passkeys, mfaActions))
                .family(new PasskeyActions(store.pools(), users, tokens, passkeys))
                .family(new UserRegistrationActions(selfService, passwords, clock, ids))
                .family(new PasswordActions(selfService, passwords, clock))
                .family(new UserSelfServiceActions(selfService, clock, mfaActions))
                .family(new SignOutActions(selfService))
                .build();
        this.managedLogin = new ManagedLogin(
                store.pools(),
                store.clients(),
                store.resources(),
                users,
                tokens,
                signIn,
                clientSecrets,
                this::runAction,
                clock,
                ids,
                builder.region,
                new OidcFederation(
                        store.clients(), users, store.resources(), triggers, clock, ids, builder.oidcProviderHttp));
        this.directTokens = new DirectTokens(store.pools(), store.clients(), users, tokens, clock);
        this.region = builder.region;
        this.protocol = new AwsJsonProtocol(this.registry, builder.region, ids::uuid, ServiceModel.cognitoIdp());
        this.seeds = List.copyOf(builder.seeds);
        this.seeder = new PoolSeeder(
                this.protocol, poolActions, clientActions, store.pools(), store.clients(), store.resources());
    }

    /**
     * Runs an action for managed login's self-service pages, with the validation and checks of an API call; a method
     * rather than a lambda, since the protocol is built after managed login.
     */
    private @Nullable Object runAction(String action, ObjectNode body, RequestContext context) {
        return this.protocol.call(action, body, context);
    }

    /**
     * Creates the declared pools and what they contain, where missing; run at build time and again whenever the state
     * is cleared.
     *
     * @throws io.github.cognitoemulator.core.seed.SeedException naming the path of the offending item
     */
    private void applySeeds() {
        this.seeder.apply(this.seeds);
    }

    /** A builder with Cognito's defaults: region {@value #DEFAULT_REGION}, system clock, in-memory storage. */
    public static Builder builder() {
        return new Builder();
    }

    /** Answers one JSON 1.1 call; never throws for anything the caller sent. */
    public ProtocolResponse handle(ProtocolRequest request) {
        this.housekeeping.sweepIfDue();
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

    /**
     * The feedback token of a sign-in event, which UpdateAuthEventFeedback requires. Cognito puts it only in the
     * links of the notification emails it sends for risky sign-ins; the emulator assesses no risk and sends none, so
     * it is handed out here.
     *
     * @return the token, or empty when the pool has no event with this id
     */
    public Optional<String> authEventFeedbackToken(String userPoolId, String eventId) {
        return this.authEvents.feedbackToken(userPoolId, eventId);
    }

    /** The pools' managed login: OAuth 2.0 endpoints and sign-in pages, for a web adapter to serve. */
    public ManagedLogin managedLogin() {
        return this.managedLogin;
    }

    /** The region served when a request does not name one. */
    public String region() {
        return this.region;
    }

    /**
     * The OpenID Connect discovery document of a pool, or empty when there is no such pool.
     *
     * @param issuerBaseUrl the base URL of the issuer, so that {@code issuer} is {@code <issuerBaseUrl>/<pool id>}
     */
    public Optional<String> openidConfiguration(String userPoolId, String issuerBaseUrl) {
        return this.store
                .pools()
                .find(userPoolId)
                .map((pool) -> OidcDocuments.openidConfiguration(
                        issuerBaseUrl + "/" + pool.id(), issuerBaseUrl + "/" + managedLoginSite(pool.id())));
    }

    /** The site of a pool's managed login: its prefix domain when it has one, else its id. */
    private String managedLoginSite(String userPoolId) {
        Object prefix =
                DomainActions.poolMembers(this.store.resources(), userPoolId).get("Domain");
        return (prefix != null) ? prefix.toString() : userPoolId;
    }

    /** The key set that verifies a pool's tokens, or empty when there is no such pool. */
    public Optional<String> jwks(String userPoolId) {
        return publicKeys(userPoolId).map((keys) -> OidcDocuments.jwks(keys.toJSONObject(true)));
    }

    /**
     * The public keys that verify a pool's tokens, the ones its {@code jwks.json} lists, for a verifier in the same
     * process; empty when there is no such pool.
     */
    public Optional<JWKSet> publicKeys(String userPoolId) {
        return this.store.pools().find(userPoolId).map((pool) -> this.signingKeys.publicKeys(pool.id()));
    }

    /** The key set of every pool, for a verifier that accepts the tokens of any pool. */
    public String jwks() {
        return OidcDocuments.jwks(this.signingKeys.allPublicKeys().toJSONObject(true));
    }

    /**
     * Takes the CSV file of a user import job, as uploaded with an HTTP {@code PUT} to the job's
     * {@code PreSignedUrl}, which is {@code <base URL>}{@value UserImportActions#UPLOAD_PATH}{@code <job id>}.
     *
     * @param jobId the job named by the URL
     * @param csv the file, at most {@value UserImportActions#MAX_FILE_BYTES} bytes
     * @return whether the file was kept, and why not
     */
    public UploadOutcome acceptImportCsv(String jobId, byte[] csv) {
        return this.userImports.upload(jobId, csv);
    }

    /** The messages Cognito would have sent by email or SMS (codes, invitations), newest first. */
    public MessageInbox inbox() {
        return this.inbox;
    }

    /** Where this emulator keeps its state. */
    public EmulatorStore store() {
        return this.store;
    }

    /**
     * Removes the challenge sessions, codes and sign-ins that expired more than an hour ago. The emulator does this by
     * itself once a minute of its clock, on the next request; tests and benchmarks call it to be sure.
     *
     * @return how many records were removed
     */
    public int sweepExpired() {
        return this.housekeeping.sweep();
    }

    /**
     * The clock every part of the emulator reads: the builder's clock, which tests can move forward with
     * {@link EmulatorClock#advance(java.time.Duration)} to expire codes, challenge sessions and tokens.
     */
    public EmulatorClock clock() {
        return this.clock;
    }

    /**
     * Issues a user's tokens as a successful sign-in through {@code clientId} would, without the sign-in: same
     * claims, groups, validities and pre token generation trigger, and a refresh token that REFRESH_TOKEN_AUTH
     * accepts. For tests; no sign-in event is recorded and no post authentication trigger runs.
     *
     * @param issuerBaseUrl the base of the {@code iss} claim, {@code <issuerBaseUrl>/<pool id>}
     * @throws io.github.cognitoemulator.core.error.CognitoException with the error a sign-in would get when the pool,
     *     client or user does not exist, the user is disabled or unconfirmed, or must reset the password
     * @throws IllegalStateException when a sign-in would answer with a challenge to set a new password
     */
    public IssuedTokens issueTokens(String userPoolId, String clientId, String username, String issuerBaseUrl) {
        return this.directTokens.issue(userPoolId, clientId, username, issuerBaseUrl);
    }

    /**
     * Removes all state: every pool with everything in it (clients, users, groups, sessions, codes, sign-ins, ...),
     * the messages of the inbox and the account's own settings such as provisioned limits; then seeds again what the
     * configuration seeds. A pool that exists again after seeding keeps its signing keys, which are slow to make;
     * every other pool's keys go. The clock is left as it is: see {@link EmulatorClock#reset()}.
     *
     * <p>Call it while no request is being served: a request running meanwhile may leave some of its changes behind,
     * or fail. A database store shared by several emulators is emptied for all of them; their own secrets stay.
     */
    public void reset() {
        Map<String, PoolKeys> keys = new HashMap<>();
        this.store.signingKeys().list().forEach((poolKeys) -> keys.put(poolKeys.userPoolId(), poolKeys));
        this.store.clear();
        this.signingKeys.forgetAll();
        applySeeds();
        for (UserPool pool : this.store.pools().list()) {
            PoolKeys kept = keys.get(pool.id());
            if (kept != null) {
                this.store.signingKeys().keysFor(pool.id(), () -> kept);
            }
        }
    }

    /** Configures a {@link CognitoEmulator}. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();

        private RandomGenerator random = new SecureRandom();

        private String region = DEFAULT_REGION;

        private String accountId = DEFAULT_ACCOUNT_ID;

        private @Nullable EmulatorStore store;

        private RsaKeySource keySource = RsaKeySource.generating();

        private OidcProviderHttp oidcProviderHttp = OidcProviderHttp.jdk();

        private boolean prefetchKeys = true;

        private int inboxCapacity = 1000;

        private @Nullable String passkeyRelyingPartyId;

        private final Map<ApiCategory, Integer> provisionedLimitMaximums = new EnumMap<>(ApiCategory.class);

        private final LambdaTriggers.Builder lambdaTriggers = LambdaTriggers.builder();

        private List<PoolSeed> seeds = List.of();

        private Builder() {}

        /** The clock behind every timestamp, expiry and token lifetime. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
            return this;
        }

        /**
         * The randomness behind ids, secrets, salts and generated passwords. It is called from every thread that
         * calls the emulator, so it must be safe for that: {@link java.util.Random} or
         * {@link java.security.SecureRandom}, not {@link java.util.SplittableRandom}, whose values repeat when
         * threads share it (two users would then get one {@code sub}).
         */
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

        /**
         * Where all state is kept: by default a new {@link InMemoryStore}; a
         * {@link io.github.cognitoemulator.core.store.jdbc.JdbcStore} keeps it in H2 or PostgreSQL. The caller
         * closes a store it hands over.
         */
        public Builder store(EmulatorStore store) {
            this.store = Objects.requireNonNull(store, "'store' must not be null");
            return this;
        }

        /**
         * How federation reaches external OpenID Connect providers: their discovery documents, key sets, token and
         * userInfo endpoints. Over the JDK's HTTP client unless given.
         */
        public Builder oidcProviderHttp(OidcProviderHttp oidcProviderHttp) {
            this.oidcProviderHttp = Objects.requireNonNull(oidcProviderHttp, "'oidcProviderHttp' must not be null");
            return this;
        }

        /**
         * Where the pools' RSA signing keys come from; by default new keys are generated on a background thread
         * once a pool has been created, ahead of its first sign-in.
         */
        public Builder keySource(RsaKeySource keySource) {
            this.keySource = Objects.requireNonNull(keySource, "'keySource' must not be null");
            this.prefetchKeys = false;
            return this;
        }

        /** How many messages the default in-memory inbox keeps before dropping the oldest. */
        public Builder inboxCapacity(int inboxCapacity) {
            this.inboxCapacity = inboxCapacity;
            return this;
        }

        /**
         * The account-level maximum rate of an adjustable API category, as if Service Quotas had granted an increase:
         * UpdateProvisionedLimit then accepts any rate from the category's free rate up to it. Without this, the
         * maximum is the free rate, as in an account that never asked for more.
         *
         * @param category the {@code Category} attribute value, for example {@code "UserAuthentication"}
         * @param requestsPerSecond the maximum, at least the category's free rate
         * @throws IllegalArgumentException when the category is not adjustable or the maximum is below its free rate
         */
        public Builder provisionedLimitMaximum(String category, int requestsPerSecond) {
            ApiCategory adjustable = ApiCategory.named(category)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + category + "' is not an API category with a provisioned limit"));
            if (requestsPerSecond < adjustable.freeLimit()) {
                throw new IllegalArgumentException("The maximum of " + category + " must be at least its free rate of "
                        + adjustable.freeLimit() + " but was " + requestsPerSecond);
            }
            this.provisionedLimitMaximums.put(adjustable, requestsPerSecond);
            return this;
        }

        /**
         * The relying party of passkeys in pools that have neither a {@code WebAuthnConfiguration.RelyingPartyId} nor
         * a domain, for example {@code localhost} for an application served from the developer's machine. Without it
         * such pools refuse passkeys with {@code WebAuthnConfigurationMissingException}, as Cognito does.
         */
        public Builder passkeyRelyingPartyId(@Nullable String relyingPartyId) {
            this.passkeyRelyingPartyId = relyingPartyId;
            return this;
        }

        /**
         * Stands a handler in for a Lambda function: a pool whose {@code LambdaConfig} names the function (by an ARN
         * {@code arn:aws:lambda:<region>:<account>:function:<name>}, or by this exact ARN) runs the handler for each
         * trigger interface it implements, such as {@link io.github.cognitoemulator.core.trigger.PreSignUpTrigger}.
         * A pool naming a function that has no handler gets Cognito's {@code UnexpectedLambdaException}.
         *
         * @param functionNameOrArn the function name, or a whole Lambda ARN
         * @throws IllegalArgumentException when another handler is already bound to that name
         */
        public Builder lambdaFunction(String functionNameOrArn, LambdaTrigger handler) {
            this.lambdaTriggers.function(functionNameOrArn, handler);
            return this;
        }

        /**
         * Runs a handler, for each trigger interface it implements, in every pool whose {@code LambdaConfig} names no
         * function for that trigger.
         */
        public Builder trigger(LambdaTrigger handler) {
            this.lambdaTriggers.forAllPools(handler);
            return this;
        }

        /**
         * Pools to have from the start, under fixed ids, with their app clients, groups, resource servers, domain and
         * users. {@link #build()} creates what the store lacks, with the same checks as the API; what exists already,
         * in a persistent store for example, is left as it is.
         */
        public Builder seeds(List<PoolSeed> seeds) {
            this.seeds = List.copyOf(Objects.requireNonNull(seeds, "'seeds' must not be null"));
            return this;
        }

        /**
         * The emulator, with the {@link #seeds(List) seeded pools} in its store.
         *
         * @throws io.github.cognitoemulator.core.seed.SeedException when a seed is invalid or clashes, naming its path
         *     in the seed list
         */
        public CognitoEmulator build() {
            if (this.prefetchKeys) {
                this.keySource = new PrefetchingRsaKeySource(2);
            }
            CognitoEmulator emulator = new CognitoEmulator(this);
            emulator.applySeeds();
            return emulator;
        }
    }
}
