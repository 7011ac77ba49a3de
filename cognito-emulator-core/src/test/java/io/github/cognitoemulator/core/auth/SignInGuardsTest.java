package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks that decide whether a sign-in, a challenge answer or a refresh gets tokens. */
class SignInGuardsTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient srpClient = this.fixture.createClient(
            this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));

    private final IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 7);

    private Reply initiate(
            String action, String poolId, AppClient client, String flow, Map<String, String> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.startsWith("Admin")) {
            body.put("UserPoolId", poolId);
        }
        body.put("ClientId", client.id());
        body.put("AuthFlow", flow);
        body.put("AuthParameters", parameters);
        return this.fixture.call(action, body);
    }

    private Reply srpChallenge(AppClient client, Map<String, String> parameters) {
        Map<String, String> withA = new LinkedHashMap<>(parameters);
        withA.put("SRP_A", this.srp.srpA());
        return initiate("InitiateAuth", this.poolId, client, "USER_SRP_AUTH", withA);
    }

    private Map<String, Object> srpChallenge(String username) {
        Reply reply = srpChallenge(this.srpClient, Map.of("USERNAME", username));
        assertThat(reply.string("ChallengeName")).as(reply.body()).isEqualTo("PASSWORD_VERIFIER");
        return reply.map("ChallengeParameters");
    }

    private Reply answer(Map<String, String> responses) {
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        this.srpClient.id(),
                        "ChallengeName",
                        "PASSWORD_VERIFIER",
                        "ChallengeResponses",
                        responses));
    }

    private String signedAt(Duration offset) {
        return IndependentSrpClient.timestamp(this.fixture.clock().instant().plus(offset));
    }

    private Map<String, String> alice() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return Map.of("UserPoolId", this.poolId, "Username", "alice");
    }

    @Test
    void userDisabledDuringTheSrpChallengeGetsNoTokens() {
        Map<String, String> alice = alice();
        Map<String, Object> challenge = srpChallenge("alice");

        this.fixture.call("AdminDisableUser", alice).requireSuccess();

        assertThat(answer(this.srp.answer(challenge, SignInFixture.PASSWORD, signedAt(Duration.ZERO)))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void userWhosePasswordIsResetDuringTheSrpChallengeGetsNoTokens() {
        Map<String, String> alice = alice();
        Map<String, Object> challenge = srpChallenge("alice");

        this.fixture.call("AdminResetUserPassword", alice).requireSuccess();

        assertThat(answer(this.srp.answer(challenge, SignInFixture.PASSWORD, signedAt(Duration.ZERO)))
                        .error())
                .isEqualTo("400 PasswordResetRequiredException: Password reset required for the user");
    }

    @Test
    void disabledUserIsRefusedBeforeAnySrpChallenge() {
        this.fixture.call("AdminDisableUser", alice()).requireSuccess();

        Reply reply = srpChallenge(this.srpClient, Map.of("USERNAME", "alice"));

        assertThat(reply.error()).isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void timestampFiveMinutesAwayIsStillAccepted() {
        alice();

        for (Duration offset : List.of(Duration.ofMinutes(5), Duration.ofMinutes(-5))) {
            Reply reply = answer(this.srp.answer(srpChallenge("alice"), SignInFixture.PASSWORD, signedAt(offset)));
            assertThat(reply.status()).as("%s: %s", offset, reply.body()).isEqualTo(200);
        }
        for (Duration offset : List.of(Duration.ofSeconds(301), Duration.ofSeconds(-301))) {
            Reply reply = answer(this.srp.answer(srpChallenge("alice"), SignInFixture.PASSWORD, signedAt(offset)));
            assertThat(reply.error()).as(offset.toString()).isEqualTo(INCORRECT);
        }
    }

    @Test
    void secretHashIsCheckedForUnknownUsersToo() {
        // Checked before the user is looked up, so a caller without the secret learns nothing about who exists.
        AppClient secret = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "GenerateSecret",
                        true,
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        String wrongHash = SignInFixture.secretHash(secret.secret(), "someone-else", secret.id());
        String expected = "400 NotAuthorizedException: Unable to verify secret hash for client " + secret.id();

        assertThat(srpChallenge(secret, Map.of("USERNAME", "nobody", "SECRET_HASH", wrongHash))
                        .error())
                .isEqualTo(expected);
        assertThat(initiate(
                                "InitiateAuth",
                                this.poolId,
                                secret,
                                "USER_PASSWORD_AUTH",
                                Map.of(
                                        "USERNAME",
                                        "nobody",
                                        "PASSWORD",
                                        SignInFixture.PASSWORD,
                                        "SECRET_HASH",
                                        wrongHash))
                        .error())
                .isEqualTo(expected);
        String rightHash = SignInFixture.secretHash(secret.secret(), "nobody", secret.id());
        assertThat(srpChallenge(secret, Map.of("USERNAME", "nobody", "SECRET_HASH", rightHash))
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void adminInitiateAuthRefusesAClientOfAnotherPool() {
        String otherPool = this.fixture.createPool();
        AppClient otherClient = this.fixture.createClient(
                otherPool,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        alice();

        Reply reply = initiate(
                "AdminInitiateAuth",
                this.poolId,
                otherClient,
                "ADMIN_USER_PASSWORD_AUTH",
                Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(reply.error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + otherClient.id() + " does not exist.");
    }

    @Test
    void customAuthNeedsTheFlowOnTheClientAndThenATrigger() {
        Map<String, String> parameters = Map.of("USERNAME", "alice");

        assertThat(initiate("InitiateAuth", this.poolId, this.srpClient, "CUSTOM_AUTH", parameters)
                        .error())
                .isEqualTo("400 InvalidParameterException: Auth flow not enabled for this client");
        for (List<String> flows :
                List.of(List.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), List.of("CUSTOM_AUTH_FLOW_ONLY"))) {
            AppClient custom = this.fixture.createClient(this.poolId, Map.of("ExplicitAuthFlows", flows));
            assertThat(initiate("InitiateAuth", this.poolId, custom, "CUSTOM_AUTH", parameters)
                            .error())
                    .as(flows.toString())
                    .isEqualTo("400 InvalidParameterException: Custom auth lambda trigger is not configured for the"
                            + " user pool.");
        }
    }

    @Test
    void clientWithLegacyFlowsOnlyCanRefresh() {
        // The legacy flow names predate ALLOW_REFRESH_TOKEN_AUTH, which they imply.
        AppClient legacy =
                this.fixture.createClient(this.poolId, Map.of("ExplicitAuthFlows", List.of("USER_PASSWORD_AUTH")));
        alice();
        String refreshToken = SignInFixture.tokens(this.fixture.signIn(legacy.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();

        assertThat(SignInFixture.tokens(this.fixture.refresh(legacy.id(), refreshToken))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void contextDataMustBeAStructure() {
        alice();
        Map<String, Object> initiate = new LinkedHashMap<>();
        initiate.put("ClientId", this.srpClient.id());
        initiate.put("AuthFlow", "USER_SRP_AUTH");
        initiate.put("AuthParameters", Map.of("USERNAME", "alice", "SRP_A", this.srp.srpA()));
        initiate.put("UserContextData", "not a structure");
        Map<String, Object> respond = new LinkedHashMap<>();
        respond.put("ClientId", this.srpClient.id());
        respond.put("ChallengeName", "PASSWORD_VERIFIER");
        respond.put("ChallengeResponses", Map.of());
        respond.put("UserContextData", "not a structure");

        assertThat(this.fixture.call("InitiateAuth", initiate).error()).startsWith("400 SerializationException");
        assertThat(this.fixture.call("RespondToAuthChallenge", respond).error())
                .startsWith("400 SerializationException");
    }

    @Test
    void userNamedAfterAnotherUsersSubNeverGetsThatUsersSession() {
        // The sub in a session or refresh token names its user; a username that happens to equal it names no one.
        AppClient client = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        alice();
        String aliceSub = this.fixture.attributesOf(this.poolId, "alice").get("sub");
        this.fixture.createConfirmedUser(this.poolId, aliceSub, SignInFixture.OTHER_PASSWORD);

        String refreshToken = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();
        SignInFixture.Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(client.id(), refreshToken));
        assertThat(SignInFixture.payload(refreshed.idToken()))
                .containsEntry("sub", aliceSub)
                .containsEntry("cognito:username", "alice");

        Reply reply = answer(this.srp.answer(srpChallenge("alice"), SignInFixture.PASSWORD, signedAt(Duration.ZERO)));
        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).idToken()))
                .containsEntry("sub", aliceSub)
                .containsEntry("cognito:username", "alice");
    }
}
