package io.github.cognitoemulator.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A small world for fuzzing an emulator of its own: one user pool with a public and a secret app client, a signed-in
 * user whose state the fuzz only reads ({@link #READER}), a signed-in user that requests which change state aim at
 * ({@link #TARGET}), and a user waiting for a new password ({@link #PENDING}). After every call a {@link Snapshot}
 * of what the read actions show is compared with the one before, so a rejected call is known to have changed
 * nothing.
 *
 * <p>Calls that succeed may change the world; their snapshot becomes the baseline of the next call. The world is
 * kept small, so snapshots stay cheap: the fixture deletes the pools, clients and users that calls added once there
 * are a few, brings the target back when a call deleted it, and starts over when the pool, a client or the reader is
 * lost. Public because the starter's HTTP fuzz serves this emulator from its servlet filter.
 */
public final class FuzzFixture {

    /** The user whose state the fuzz never means to change: every read request names them. */
    public static final String READER = "reader";

    /** The user that requests which change state (disable, reset, sign out, delete) are aimed at. */
    public static final String TARGET = "target";

    /** A user created with a temporary password, whose NEW_PASSWORD_REQUIRED challenge is open. */
    public static final String PENDING = "pending";

    /** The password of {@link #READER} and {@link #TARGET}. */
    public static final String PASSWORD = "Fuzz!Passw0rd";

    /** The temporary password of {@link #PENDING}. */
    public static final String TEMPORARY_PASSWORD = "Temp!Passw0rd";

    /** A user that mutated AdminCreateUser requests may create and AdminDeleteUser requests may delete again. */
    public static final String CREATED = "created";

    /** A user that mutated SignUp requests may register. */
    public static final String SIGNED_UP = "signed-up";

    /** A group of the pool, which the reader belongs to. */
    public static final String GROUP = "staff";

    /** A group that mutated CreateGroup requests may create. */
    public static final String CREATED_GROUP = "created-group";

    /** Actions that may end a session, revoke a token, or accept a disabled user's tokens again. */
    private static final Set<String> SESSION_ACTIONS = Set.of(
            "AdminDeleteUser",
            "AdminDisableUser",
            "AdminEnableUser",
            "AdminResetUserPassword",
            "AdminSetUserPassword",
            "AdminUserGlobalSignOut",
            "ChangePassword",
            "ConfirmForgotPassword",
            "DeleteUser",
            "DeleteUserPool",
            "DeleteUserPoolClient",
            "GlobalSignOut",
            "RevokeToken");

    /** Actions that never change whether a session is accepted: reads, creations, sign-ins, attributes, sign-up. */
    private static final Set<String> OTHER_ACTIONS = Set.of(
            "AdminAddUserToGroup",
            "AdminConfirmSignUp",
            "AdminDeleteUserAttributes",
            "AdminListGroupsForUser",
            "AdminRemoveUserFromGroup",
            "CreateGroup",
            "DeleteGroup",
            "DeleteUserAttributes",
            "GetGroup",
            "ListGroups",
            "ListUsersInGroup",
            "UpdateGroup",
            "AdminCreateUser",
            "AdminGetUser",
            "AdminInitiateAuth",
            "AdminRespondToAuthChallenge",
            "AdminUpdateUserAttributes",
            "ConfirmSignUp",
            "CreateManagedLoginBranding",
            "CreateTerms",
            "CreateUserImportJob",
            "CreateUserPool",
            "CreateUserPoolClient",
            "CreateUserPoolDomain",
            "DeleteManagedLoginBranding",
            "DeleteTerms",
            "DeleteUserPoolDomain",
            "DescribeManagedLoginBranding",
            "DescribeManagedLoginBrandingByClient",
            "DescribeTerms",
            "DescribeUserImportJob",
            "DescribeUserPoolDomain",
            "GetCSVHeader",
            "GetUICustomization",
            "ListTerms",
            "ListUserImportJobs",
            "SetUICustomization",
            "StartUserImportJob",
            "StopUserImportJob",
            "UpdateManagedLoginBranding",
            "UpdateTerms",
            "UpdateUserPoolDomain",
            "DescribeUserPool",
            "DescribeUserPoolClient",
            "ForgotPassword",
            "GetTokensFromRefreshToken",
            "GetUser",
            "GetUserAttributeVerificationCode",
            "InitiateAuth",
            "ListUserPoolClients",
            "ListUserPools",
            "ListUsers",
            "ResendConfirmationCode",
            "RespondToAuthChallenge",
            "SignUp",
            "UpdateUserAttributes",
            "VerifyUserAttribute");

    private static final int MAX_POOLS = 4;

    private static final int MAX_CLIENTS = 6;

    private static final int MAX_USERS = 12;

    private final CognitoEmulator emulator;

    private final MutableClock clock;

    private String poolId = "";

    private String publicClientId = "";

    private String secretClientId = "";

    private String clientSecret = "";

    private Tokens reader = new Tokens("", "", "");

    private Tokens target = new Tokens("", "", "");

    private String pendingSession = "";

    private String srpSecretBlock = "";

    private List<ProtocolRequest> stateReads = List.of();

    private List<ProtocolRequest> sessionReads = List.of();

    private Snapshot baseline = new Snapshot(List.of());

    private int poolAllowance = MAX_POOLS;

    private FuzzFixture(CognitoEmulator emulator, MutableClock clock) {
        this.emulator = emulator;
        this.clock = clock;
        populate();
        this.baseline = snapshot();
    }

    /**
     * An emulator of its own, with a clock that the fuzz moves a millisecond per call (so every write shows in a
     * modification date) and two RSA keys shared by every pool, so that starting over never generates keys.
     */
    public static FuzzFixture create() {
        MutableClock clock = new MutableClock(EmulatorFixture.NOW);
        RsaKeySource shared = ReusableRsaKeys.source();
        List<com.nimbusds.jose.jwk.RSAKey> keys = List.of(shared.next(), shared.next());
        AtomicInteger next = new AtomicInteger();
        CognitoEmulator emulator = CognitoEmulator.builder()
                .clock(clock)
                .random(new Random(20240611))
                .keySource(() -> keys.get(Math.floorMod(next.getAndIncrement(), keys.size())))
                // Each snapshot counts the messages; a short inbox keeps that cheap once it is full.
                .inboxCapacity(50)
                .build();
        return new FuzzFixture(emulator, clock);
    }

    public CognitoEmulator emulator() {
        return this.emulator;
    }

    public String poolId() {
        return this.poolId;
    }

    public String publicClientId() {
        return this.publicClientId;
    }

    public String secretClientId() {
        return this.secretClientId;
    }

    public String clientSecret() {
        return this.clientSecret;
    }

    /** The tokens of {@link #READER}. */
    public Tokens reader() {
        return this.reader;
    }

    /** The tokens of {@link #TARGET}. */
    public Tokens target() {
        return this.target;
    }

    /** The session of {@link #PENDING}'s NEW_PASSWORD_REQUIRED challenge. */
    public String pendingSession() {
        return this.pendingSession;
    }

    /** The secret block of a PASSWORD_VERIFIER challenge opened for {@link #READER}. */
    public String srpSecretBlock() {
        return this.srpSecretBlock;
    }

    /** A pool that a successful CreateUserPool added, or an id that names no pool. */
    public String extraPoolId() {
        return this.baseline.ids(Snapshot.LIST_USER_POOLS, "UserPools", "Id").stream()
                .filter((id) -> !id.equals(this.poolId))
                .findFirst()
                .orElse("us-east-1_NoSuchPool");
    }

    /** An app client that a successful CreateUserPoolClient added, or an id that names no client. */
    public String extraClientId() {
        return this.baseline.ids(Snapshot.LIST_CLIENTS, "UserPoolClients", "ClientId").stream()
                .filter((id) -> !id.equals(this.publicClientId) && !id.equals(this.secretClientId))
                .findFirst()
                .orElse("nosuchclient0000000000000a");
    }

    /** Every value of the fixture a request may name: ids, usernames, passwords, tokens, sessions. */
    public List<String> values() {
        // The reader's access and refresh tokens stay out: a request that succeeds with them (GlobalSignOut,
        // DeleteUser) would end the session every read depends on, and the fixture would have to start over.
        return List.of(
                this.poolId,
                this.publicClientId,
                this.secretClientId,
                this.clientSecret,
                READER,
                TARGET,
                PENDING,
                PASSWORD,
                this.reader.idToken(),
                this.target.accessToken(),
                this.target.idToken(),
                this.target.refreshToken(),
                this.pendingSession,
                this.srpSecretBlock);
    }

    /** Sends a trusted in-process call, as the fixture's own set-up and reads do. */
    private ProtocolResponse call(String action, Map<String, ?> body) {
        return this.emulator.handle(
                ProtocolRequest.of(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8)));
    }

    /** The state seen before the next call. */
    Snapshot baseline() {
        return this.baseline;
    }

    /** Moves the clock on by a millisecond, so that a write by the next call shows in a modification date. */
    public void tick() {
        this.clock.advance(Duration.ofMillis(1));
    }

    /**
     * Reads the state after a call and checks it: a call the emulator answered with success may have changed the
     * world, which becomes the baseline of the next call; after any other call the world must be as it was.
     *
     * @param succeeded whether the emulator answered the call with success
     * @param sessions whether the call may have changed whether a session is accepted
     * @param call what the call was, for the failure message
     */
    public void verifyStateAfter(boolean succeeded, boolean sessions, Supplier<String> call) {
        Snapshot before = this.baseline;
        Snapshot after = snapshot(sessions);
        if (succeeded) {
            accept(after);
            return;
        }
        Map<Integer, String> changes = after.changesSince(before);
        if (!changes.isEmpty()) {
            // The next call must start from the state as it is, or every later call would fail the same way.
            accept(snapshot());
        }
        assertThat(changes)
                .as(() -> "state changed by a rejected " + call.get())
                .isEmpty();
    }

    /**
     * Takes the state as it is as the baseline, after a call whose answer failed its checks: whatever that call did,
     * the calls that jqwik sends next, shrinking it, must not be blamed for it.
     */
    public void resync() {
        accept(snapshot());
    }

    /**
     * Takes the state after a call that succeeded as the new baseline. When the call took the world too far from what
     * the fuzz needs, the fixture tidies up (deletes the pools, clients and users that calls added), brings the
     * target user back, or, when the pool, a client or the reader is lost, starts over.
     */
    private void accept(Snapshot after) {
        Snapshot state = after;
        if (state.isComplete() && state.hasTooMany(this.poolAllowance)) {
            tidy(state);
            state = snapshot();
        }
        if (state.isComplete() && !state.users().containsKey(TARGET)) {
            try {
                this.target = confirmedUser(TARGET);
                this.sessionReads = sessionReads();
                state = snapshot();
            } catch (IllegalStateException ex) {
                // The pool no longer lets the target back in as it was; starting over will.
            }
        }
        if (state.isUsable(this.poolAllowance)) {
            this.baseline = state;
            return;
        }
        for (String id : listPoolIds()) {
            call("DeleteUserPool", Map.of("UserPoolId", id));
        }
        // A pool that a fuzzed request created with deletion protection stays; it must not count against the fuzz.
        this.poolAllowance = MAX_POOLS + listPoolIds().size();
        populate();
        this.baseline = snapshot();
    }

    private void tidy(Snapshot state) {
        for (String id : state.ids(Snapshot.LIST_USER_POOLS, "UserPools", "Id")) {
            if (!id.equals(this.poolId)) {
                call("DeleteUserPool", Map.of("UserPoolId", id));
            }
        }
        for (String id : state.ids(Snapshot.LIST_CLIENTS, "UserPoolClients", "ClientId")) {
            if (!id.equals(this.publicClientId) && !id.equals(this.secretClientId)) {
                call("DeleteUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", id));
            }
        }
        for (String username : state.users().keySet()) {
            if (!Set.of(READER, TARGET, PENDING).contains(username)) {
                call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", username));
            }
        }
    }

    /** Everything the read actions show now, the users' sessions included. */
    private Snapshot snapshot() {
        return snapshot(true);
    }

    /**
     * What the read actions show now. Sessions are read with GetUser, whose signature check costs more than all the
     * other reads together, so they are skipped after a call of an action that cannot change a session; the
     * snapshot then repeats the baseline's.
     *
     * @param sessions whether to read whether the reader's and the target's access tokens are still accepted
     */
    private Snapshot snapshot(boolean sessions) {
        List<String> reads = new ArrayList<>(Snapshot.SIZE);
        for (ProtocolRequest read : this.stateReads) {
            reads.add(answer(read));
        }
        reads.add("inbox " + this.emulator.inbox().messages(null, null).size());
        if (sessions || this.baseline.reads().size() < Snapshot.SIZE) {
            for (ProtocolRequest read : this.sessionReads) {
                // Whether the token is accepted, not what it shows: the user's attributes are ListUsers' to compare.
                ProtocolResponse response = this.emulator.handle(read);
                reads.add((response.status() == 200) ? "200 accepted" : answer(response));
            }
        } else {
            reads.addAll(this.baseline.reads().subList(Snapshot.READER_SESSION, Snapshot.SIZE));
        }
        return new Snapshot(reads);
    }

    private String answer(ProtocolRequest read) {
        return answer(this.emulator.handle(read));
    }

    private static String answer(ProtocolResponse response) {
        return response.status() + " " + response.bodyAsString();
    }

    /**
     * Whether a call of {@code action} may change whether a session is accepted, so that the snapshot after it must
     * read the sessions: the actions that sign users out, revoke tokens, change or reset passwords, disable, enable or
     * delete users, delete pools or clients, and any action served that this fixture does not know yet.
     */
    public boolean mayChangeSessions(@Nullable String action) {
        if (action == null || !this.emulator.actionNames().contains(action)) {
            return false;
        }
        return SESSION_ACTIONS.contains(action) || !OTHER_ACTIONS.contains(action);
    }

    private List<String> listPoolIds() {
        List<String> ids = new ArrayList<>();
        Map<String, Object> page = json(call("ListUserPools", Map.of("MaxResults", 60)));
        for (Object pool : (List<?>) page.get("UserPools")) {
            ids.add((String) ((Map<?, ?>) pool).get("Id"));
        }
        return ids;
    }

    private void populate() {
        populateEntities();
        // Built once per world: the ids they name do not change until the fixture starts over.
        this.stateReads = List.of(
                read("ListUserPools", Map.of("MaxResults", 60)),
                read("DescribeUserPool", Map.of("UserPoolId", this.poolId)),
                read("ListUserPoolClients", Map.of("UserPoolId", this.poolId, "MaxResults", 60)),
                read("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", this.secretClientId)),
                read("ListUsers", Map.of("UserPoolId", this.poolId, "Limit", 60)));
        this.sessionReads = sessionReads();
    }

    private List<ProtocolRequest> sessionReads() {
        return List.of(
                read("GetUser", Map.of("AccessToken", this.reader.accessToken())),
                read("GetUser", Map.of("AccessToken", this.target.accessToken())));
    }

    private static ProtocolRequest read(String action, Map<String, ?> body) {
        return ProtocolRequest.of(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8));
    }

    private void populateEntities() {
        this.poolId = (String) map(require(
                        call("CreateUserPool", Map.of("PoolName", "fuzz", "AutoVerifiedAttributes", List.of("email")))))
                .get("UserPool")
                .get("Id");
        List<String> flows = List.of(
                "ALLOW_USER_PASSWORD_AUTH",
                "ALLOW_USER_SRP_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH",
                "ALLOW_ADMIN_USER_PASSWORD_AUTH");
        this.publicClientId = (String) map(require(call(
                        "CreateUserPoolClient",
                        Map.of("UserPoolId", this.poolId, "ClientName", "public", "ExplicitAuthFlows", flows))))
                .get("UserPoolClient")
                .get("ClientId");
        Map<String, Object> secretClient = map(require(call(
                        "CreateUserPoolClient",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ClientName",
                                "secret",
                                "GenerateSecret",
                                true,
                                "ExplicitAuthFlows",
                                flows))))
                .get("UserPoolClient");
        this.secretClientId = (String) secretClient.get("ClientId");
        this.clientSecret = (String) secretClient.get("ClientSecret");
        this.reader = confirmedUser(READER);
        this.target = confirmedUser(TARGET);
        require(call("CreateGroup", Map.of("UserPoolId", this.poolId, "GroupName", GROUP, "Precedence", 1)));
        require(call("AdminAddUserToGroup", Map.of("UserPoolId", this.poolId, "GroupName", GROUP, "Username", READER)));
        createUser(PENDING, TEMPORARY_PASSWORD);
        this.pendingSession = (String) json(require(call(
                        "InitiateAuth",
                        Map.of(
                                "AuthFlow",
                                "USER_PASSWORD_AUTH",
                                "ClientId",
                                this.publicClientId,
                                "AuthParameters",
                                Map.of("USERNAME", PENDING, "PASSWORD", TEMPORARY_PASSWORD)))))
                .get("Session");
        this.srpSecretBlock = (String) map(require(call(
                        "InitiateAuth",
                        Map.of(
                                "AuthFlow",
                                "USER_SRP_AUTH",
                                "ClientId",
                                this.publicClientId,
                                "AuthParameters",
                                Map.of("USERNAME", READER, "SRP_A", ValidRequests.SRP_A)))))
                .get("ChallengeParameters")
                .get("SECRET_BLOCK");
    }

    private Tokens confirmedUser(String username) {
        createUser(username, TEMPORARY_PASSWORD);
        require(call(
                "AdminSetUserPassword",
                Map.of("UserPoolId", this.poolId, "Username", username, "Password", PASSWORD, "Permanent", true)));
        Map<String, Object> result = map(require(call(
                        "InitiateAuth",
                        Map.of(
                                "AuthFlow",
                                "USER_PASSWORD_AUTH",
                                "ClientId",
                                this.publicClientId,
                                "AuthParameters",
                                Map.of("USERNAME", username, "PASSWORD", PASSWORD)))))
                .get("AuthenticationResult");
        return new Tokens((String) result.get("AccessToken"), (String) result.get("IdToken"), (String)
                result.get("RefreshToken"));
    }

    private void createUser(String username, String temporaryPassword) {
        require(call(
                "AdminCreateUser",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "Username",
                        username,
                        "TemporaryPassword",
                        temporaryPassword,
                        "MessageAction",
                        "SUPPRESS",
                        "UserAttributes",
                        List.of(
                                Map.of("Name", "email", "Value", username + "@example.com"),
                                Map.of("Name", "email_verified", "Value", "true")))));
    }

    private static ProtocolResponse require(ProtocolResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException("Fuzz fixture set-up failed: " + response.bodyAsString());
        }
        return response;
    }

    private static Map<String, Object> json(ProtocolResponse response) {
        return CognitoJson.readMap(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> map(ProtocolResponse response) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) json(response);
    }

    /**
     * A user's tokens from one sign-in.
     *
     * @param accessToken the access token
     * @param idToken the ID token
     * @param refreshToken the refresh token
     */
    public record Tokens(String accessToken, String idToken, String refreshToken) {}

    /**
     * What the read actions answered, in a fixed order, each as {@code "<status> <body>"}: the pools, the fixture's
     * pool, its clients, the secret client, its users, the size of the inbox, and the reader's and the target's
     * sessions. ListUsers shows what AdminGetUser would of each user, and no action changes a client but to delete
     * it, so those reads are left out to keep a snapshot cheap.
     *
     * @param reads the answers
     */
    record Snapshot(List<String> reads) {

        static final int LIST_USER_POOLS = 0;

        static final int DESCRIBE_USER_POOL = 1;

        static final int LIST_CLIENTS = 2;

        static final int LIST_USERS = 4;

        static final int READER_SESSION = 6;

        static final int SIZE = 8;

        Snapshot {
            reads = List.copyOf(reads);
        }

        /** Whether the pool and both clients were read, so the lists can be trusted. */
        boolean isComplete() {
            if (this.reads.size() != SIZE) {
                return false;
            }
            for (int i = LIST_USER_POOLS; i <= LIST_USERS; i++) {
                if (!ok(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether calls have added more pools, clients or users than a cheap snapshot should read. */
        boolean hasTooMany(int poolAllowance) {
            return count(LIST_USER_POOLS, "UserPools") > poolAllowance
                    || count(LIST_CLIENTS, "UserPoolClients") > MAX_CLIENTS
                    || users().size() > MAX_USERS;
        }

        /**
         * Whether the world still serves the fuzz: the pool, its clients and both signed-in users are there, the
         * reader is enabled, confirmed and signed in, and no list has grown past a few entries.
         */
        boolean isUsable(int poolAllowance) {
            if (!isComplete() || hasTooMany(poolAllowance)) {
                return false;
            }
            Map<?, ?> reader = users().get(READER);
            return ok(READER_SESSION)
                    && reader != null
                    && users().containsKey(TARGET)
                    && Boolean.TRUE.equals(reader.get("Enabled"))
                    && "CONFIRMED".equals(reader.get("UserStatus"));
        }

        /** The users ListUsers answered, by username. */
        Map<String, Map<?, ?>> users() {
            Map<String, Map<?, ?>> users = new LinkedHashMap<>();
            if (ok(LIST_USERS) && body(LIST_USERS).get("Users") instanceof List<?> list) {
                for (Object user : list) {
                    if (user instanceof Map<?, ?> map && map.get("Username") instanceof String name) {
                        users.put(name, map);
                    }
                }
            }
            return users;
        }

        /** The ids in the list answered by the {@code index}-th read. */
        List<String> ids(int index, String list, String member) {
            if (this.reads.size() <= index || !ok(index)) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            if (body(index).get(list) instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> map && map.get(member) instanceof String id) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        }

        private boolean ok(int index) {
            return this.reads.get(index).startsWith("200 ");
        }

        private Map<String, Object> body(int index) {
            return CognitoJson.readMap(this.reads.get(index).substring(4).getBytes(StandardCharsets.UTF_8));
        }

        private int count(int index, String member) {
            Object list = body(index).get(member);
            return (list instanceof List<?> items) ? items.size() : Integer.MAX_VALUE;
        }

        /** The reads that differ from {@code before}'s, as {@code "<before>  ->  <now>"}. */
        Map<Integer, String> changesSince(Snapshot before) {
            Map<Integer, String> changes = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(this.reads.size(), before.reads.size()); i++) {
                if (!this.reads.get(i).equals(before.reads.get(i))) {
                    changes.put(i, before.reads.get(i) + "  ->  " + this.reads.get(i));
                }
            }
            return changes;
        }
    }
}
