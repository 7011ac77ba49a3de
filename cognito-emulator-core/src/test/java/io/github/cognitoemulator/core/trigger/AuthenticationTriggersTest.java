package io.github.cognitoemulator.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final List<TriggerEvent<PreAuthenticationTrigger.Request>> preAuthentications = new ArrayList<>();

    private final List<TriggerEvent<PostAuthenticationTrigger.Request>> postAuthentications = new ArrayList<>();

    private final List<TriggerEvent<PreTokenGenerationTrigger.Request>> v1Events = new ArrayList<>();

    private final List<TriggerEvent<PreTokenGenerationV2Trigger.Request>> v2Events = new ArrayList<>();

    private PreTokenGenerationTrigger.Response v1Response = PreTokenGenerationTrigger.Response.unchanged();

    private PreTokenGenerationV2Trigger.Response v2Response = PreTokenGenerationV2Trigger.Response.unchanged();

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.lambdaFunction("pre-auth", (PreAuthenticationTrigger) (event) -> {
                        this.preAuthentications.add(event);
                        if ("blocked".equals(event.userName())) {
                            throw new IllegalStateException("Blocked");
                        }
                    })
                    .lambdaFunction("post-auth", (PostAuthenticationTrigger) (event) -> {
                        this.postAuthentications.add(event);
                        if ("grumpy".equals(event.userName())) {
                            throw new IllegalStateException("Not today");
                        }
                    })
                    .lambdaFunction("tokens-v1", (PreTokenGenerationTrigger) (event) -> {
                        this.v1Events.add(event);
                        return this.v1Response;
                    })
                    .lambdaFunction("tokens-v2", (PreTokenGenerationV2Trigger) (event) -> {
                        this.v2Events.add(event);
                        return this.v2Response;
                    }));

    private String pool(Map<String, Object> lambdaConfig) {
        return this.fixture.createPool(Map.of("LambdaConfig", lambdaConfig));
    }

    private Tokens signIn(String poolId, String username) {
        AppClient client = this.fixture.createPasswordClient(poolId);
        return SignInFixture.tokens(this.fixture.signIn(client.id(), username, SignInFixture.PASSWORD));
    }

    private String groupedUser(String poolId) {
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        this.fixture
                .call(
                        "CreateGroup",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "GroupName",
                                "admins",
                                "RoleArn",
                                "arn:aws:iam::000000000000:role/admins",
                                "Precedence",
                                1))
                .requireSuccess();
        this.fixture
                .call("AdminAddUserToGroup", Map.of("UserPoolId", poolId, "Username", "alice", "GroupName", "admins"))
                .requireSuccess();
        return "alice";
    }

    @Test
    void preAuthenticationSeesTheUserAndTheClientMetadataBeforeThePassword() {
        String poolId = pool(Map.of("PreAuthentication", ARN + "pre-auth"));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        AppClient client = this.fixture.createPasswordClient(poolId);

        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "PASSWORD", "Wr0ng!Password"),
                        "ClientMetadata",
                        Map.of("app", "web")));

        assertThat(reply.error()).isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
        TriggerEvent<PreAuthenticationTrigger.Request> event = this.preAuthentications.get(0);
        assertThat(event.triggerSource()).isEqualTo("PreAuthentication_Authentication");
        assertThat(event.userName()).isEqualTo("alice");
        assertThat(event.callerContext().clientId()).isEqualTo(client.id());
        assertThat(event.request().userNotFound()).isFalse();
        assertThat(event.request().userAttributes()).containsEntry("email", "alice@example.com");
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void aThrowingPreAuthenticationRejectsTheSignInWhateverThePassword() {
        String poolId = pool(Map.of("PreAuthentication", ARN + "pre-auth"));
        this.fixture.createConfirmedUser(poolId, "blocked", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);

        assertThat(this.fixture.signIn(client.id(), "blocked", "Wr0ng!Password").error())
                .isEqualTo("400 UserLambdaValidationException: PreAuthentication failed with error Blocked.");
    }

    @Test
    void preAuthenticationAlsoRunsForSrp() {
        String poolId = pool(Map.of("PreAuthentication", ARN + "pre-auth"));
        this.fixture.createConfirmedUser(poolId, "blocked", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createClient(
                poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));

        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "blocked", "SRP_A", "0a0b0c")));

        assertThat(reply.error())
                .isEqualTo("400 UserLambdaValidationException: PreAuthentication failed with error Blocked.");
    }

    @Test
    void postAuthenticationRunsOnceTheTokensAreIssuedButNotOnRefresh() {
        String poolId = pool(Map.of("PostAuthentication", ARN + "post-auth"));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);

        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
        this.fixture.refresh(client.id(), tokens.refreshToken()).requireSuccess();

        assertThat(this.postAuthentications).hasSize(1);
        TriggerEvent<PostAuthenticationTrigger.Request> event = this.postAuthentications.get(0);
        assertThat(event.triggerSource()).isEqualTo("PostAuthentication_Authentication");
        assertThat(event.request().newDeviceUsed()).isFalse();
        assertThat(event.request().clientMetadata()).isEmpty();
    }

    @Test
    void theClientMetadataOfAChallengeAnswerReachesPostAuthentication() {
        String poolId = pool(Map.of("PostAuthentication", ARN + "post-auth"));
        this.fixture.createUser(poolId, "alice");
        AppClient client = this.fixture.createPasswordClient(poolId);
        Reply challenged = this.fixture.signIn(client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD);

        this.fixture
                .call(
                        "RespondToAuthChallenge",
                        Map.of(
                                "ClientId",
                                client.id(),
                                "ChallengeName",
                                "NEW_PASSWORD_REQUIRED",
                                "Session",
                                challenged.string("Session"),
                                "ChallengeResponses",
                                Map.of("USERNAME", "alice", "NEW_PASSWORD", SignInFixture.PASSWORD),
                                "ClientMetadata",
                                Map.of("app", "web")))
                .requireSuccess();

        assertThat(this.postAuthentications).hasSize(1);
        assertThat(this.postAuthentications.get(0).request().clientMetadata()).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void aThrowingPostAuthenticationFailsTheSignIn() {
        String poolId = pool(Map.of("PostAuthentication", ARN + "post-auth"));
        this.fixture.createConfirmedUser(poolId, "grumpy", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);

        assertThat(this.fixture
                        .signIn(client.id(), "grumpy", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserLambdaValidationException: PostAuthentication failed with error Not today.");
    }

    @Test
    void versionOneShapesTheIdTokenAndTheGroupsOfBoth() {
        String poolId = pool(Map.of("PreTokenGeneration", ARN + "tokens-v1"));
        String username = groupedUser(poolId);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("tenant", "acme");
        added.put("email", "other@example.com");
        added.put("shadow", "gone");
        added.put("sub", "forged");
        added.put("cognito:username", "forged");
        this.v1Response = new PreTokenGenerationTrigger.Response(new PreTokenGenerationTrigger.ClaimsOverrideDetails(
                added,
                List.of("shadow", "email_verified", "iss"),
                new GroupConfiguration(
                        List.of("readers", "writers"),
                        List.of("arn:aws:iam::000000000000:role/readers"),
                        "preferred")));

        Tokens tokens = signIn(poolId, username);

        TriggerEvent<PreTokenGenerationTrigger.Request> event = this.v1Events.get(0);
        assertThat(event.version()).isEqualTo("1");
        assertThat(event.triggerSource()).isEqualTo("TokenGeneration_Authentication");
        assertThat(event.request().groupConfiguration())
                .isEqualTo(new GroupConfiguration(
                        List.of("admins"),
                        List.of("arn:aws:iam::000000000000:role/admins"),
                        "arn:aws:iam::000000000000:role/admins"));
        assertThat(event.request().userAttributes()).containsEntry("email", "alice@example.com");
        Map<String, Object> id = SignInFixture.payload(tokens.idToken());
        assertThat(id)
                .containsEntry("tenant", "acme")
                .containsEntry("email", "other@example.com")
                .containsEntry("cognito:username", "alice")
                .containsEntry("cognito:groups", List.of("readers", "writers"))
                .containsEntry("cognito:roles", List.of("arn:aws:iam::000000000000:role/readers"))
                .containsEntry("cognito:preferred_role", "preferred")
                .containsEntry("iss", "https://cognito-idp.us-east-1.amazonaws.com/" + poolId)
                .doesNotContainKeys("shadow", "email_verified");
        assertThat(id.get("sub")).isNotEqualTo("forged");
        Map<String, Object> access = SignInFixture.payload(tokens.accessToken());
        assertThat(access)
                .containsEntry("cognito:groups", List.of("readers", "writers"))
                .doesNotContainKeys("tenant", "cognito:roles");
    }

    @Test
    void emptyGroupOverridesRemoveTheGroupClaims() {
        String poolId = pool(Map.of("PreTokenGeneration", ARN + "tokens-v1"));
        String username = groupedUser(poolId);
        this.v1Response = new PreTokenGenerationTrigger.Response(new PreTokenGenerationTrigger.ClaimsOverrideDetails(
                null, null, new GroupConfiguration(List.of(), List.of(), null)));

        Tokens tokens = signIn(poolId, username);

        assertThat(SignInFixture.payload(tokens.idToken()))
                .doesNotContainKeys("cognito:groups", "cognito:roles")
                .containsEntry("cognito:preferred_role", "arn:aws:iam::000000000000:role/admins");
        assertThat(SignInFixture.payload(tokens.accessToken())).doesNotContainKey("cognito:groups");
    }

    @Test
    void groupOverridesLeaveWhatTheyDoNotName() {
        String poolId = pool(Map.of("PreTokenGeneration", ARN + "tokens-v1"));
        String username = groupedUser(poolId);
        this.v1Response = new PreTokenGenerationTrigger.Response(new PreTokenGenerationTrigger.ClaimsOverrideDetails(
                null, null, new GroupConfiguration(null, null, null)));

        Tokens tokens = signIn(poolId, username);

        assertThat(SignInFixture.payload(tokens.idToken()))
                .containsEntry("cognito:groups", List.of("admins"))
                .containsEntry("cognito:roles", List.of("arn:aws:iam::000000000000:role/admins"));
    }

    @Test
    void refreshRunsTheTriggerAsRefreshTokens() {
        String poolId = pool(Map.of("PreTokenGeneration", ARN + "tokens-v1"));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
        this.v1Response = new PreTokenGenerationTrigger.Response(
                new PreTokenGenerationTrigger.ClaimsOverrideDetails(Map.of("refreshed", "yes"), null, null));

        Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(client.id(), tokens.refreshToken()));

        assertThat(this.v1Events.get(1).triggerSource()).isEqualTo("TokenGeneration_RefreshTokens");
        assertThat(SignInFixture.payload(refreshed.idToken())).containsEntry("refreshed", "yes");
        assertThat(this.v1Events.get(0).request().groupConfiguration())
                .isEqualTo(new GroupConfiguration(List.of(), List.of(), null));
    }

    @Test
    void versionTwoShapesBothTokensAndTheScopes() {
        String poolId = pool(
                Map.of("PreTokenGenerationConfig", Map.of("LambdaVersion", "V2_0", "LambdaArn", ARN + "tokens-v2")));
        String username = groupedUser(poolId);
        this.v2Response =
                new PreTokenGenerationV2Trigger.Response(new PreTokenGenerationV2Trigger.ClaimsAndScopeOverrideDetails(
                        new PreTokenGenerationV2Trigger.IdTokenGeneration(
                                Map.of("plan", "gold", "limits", Map.of("max", 3)), List.of("email")),
                        new PreTokenGenerationV2Trigger.AccessTokenGeneration(
                                Map.of("tenant", "acme", "both", "kept", "client_id", "forged"),
                                List.of("both", "username"),
                                List.of("orders/read", "orders/write"),
                                List.of("orders/write")),
                        new GroupConfiguration(List.of("vip"), null, null)));

        Tokens tokens = signIn(poolId, username);

        TriggerEvent<PreTokenGenerationV2Trigger.Request> event = this.v2Events.get(0);
        assertThat(event.version()).isEqualTo("2");
        assertThat(event.triggerSource()).isEqualTo("TokenGeneration_Authentication");
        assertThat(event.request().scopes()).containsExactly("aws.cognito.signin.user.admin");
        assertThat(event.request().groupConfiguration().groupsToOverride()).containsExactly("admins");
        Map<String, Object> id = SignInFixture.payload(tokens.idToken());
        assertThat(id)
                .containsEntry("plan", "gold")
                .containsEntry("limits", Map.of("max", 3))
                .containsEntry("cognito:groups", List.of("vip"))
                .doesNotContainKey("email");
        Map<String, Object> access = SignInFixture.payload(tokens.accessToken());
        assertThat(access)
                .containsEntry("tenant", "acme")
                .containsEntry("username", "alice")
                .containsEntry("scope", "aws.cognito.signin.user.admin orders/read")
                .containsEntry("cognito:groups", List.of("vip"))
                .doesNotContainKey("both");
        assertThat(access.get("client_id")).isNotEqualTo("forged");
    }

    @Test
    void suppressingEveryScopeRemovesTheScopeClaim() {
        String poolId = pool(
                Map.of("PreTokenGenerationConfig", Map.of("LambdaVersion", "V3_0", "LambdaArn", ARN + "tokens-v2")));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        this.v2Response =
                new PreTokenGenerationV2Trigger.Response(new PreTokenGenerationV2Trigger.ClaimsAndScopeOverrideDetails(
                        null,
                        new PreTokenGenerationV2Trigger.AccessTokenGeneration(
                                null, null, null, List.of("aws.cognito.signin.user.admin")),
                        null));

        Tokens tokens = signIn(poolId, "alice");

        assertThat(this.v2Events.get(0).version()).isEqualTo("3");
        assertThat(SignInFixture.payload(tokens.accessToken())).doesNotContainKey("scope");
    }

    @Test
    void versionTwoWithoutChangesLeavesTheTokens() {
        String poolId = pool(
                Map.of("PreTokenGenerationConfig", Map.of("LambdaVersion", "V2_0", "LambdaArn", ARN + "tokens-v2")));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        this.v2Response = new PreTokenGenerationV2Trigger.Response(
                new PreTokenGenerationV2Trigger.ClaimsAndScopeOverrideDetails(null, null, null));

        Tokens tokens = signIn(poolId, "alice");

        assertThat(SignInFixture.payload(tokens.idToken())).containsEntry("email", "alice@example.com");
        assertThat(SignInFixture.payload(tokens.accessToken())).containsEntry("scope", "aws.cognito.signin.user.admin");
    }

    @Test
    void theVersionOfTheConfigChoosesTheInterface() {
        String poolId = pool(Map.of(
                "PreTokenGeneration",
                ARN + "tokens-v2",
                "PreTokenGenerationConfig",
                Map.of("LambdaVersion", "V1_0", "LambdaArn", ARN + "tokens-v2")));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);

        assertThat(this.fixture
                        .signIn(client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UnexpectedLambdaException: PreTokenGeneration invocation failed due to error"
                        + " ResourceNotFoundException.");
    }

    @Test
    void aPreTokenGenerationWithoutResponseIsUnrecognizable() {
        String poolId = pool(Map.of("PreTokenGeneration", ARN + "tokens-v1"));
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.v1Response = null;

        assertThat(this.fixture
                        .signIn(client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
    }

    @Test
    void handlersForAllPoolsRunWhereThePoolNamesNoFunction() {
        List<String> sources = new ArrayList<>();
        SignInFixture shared =
                SignInFixture.create((builder) -> builder.trigger((PreTokenGenerationV2Trigger) (event) -> {
                    sources.add(event.version() + " " + event.triggerSource());
                    return new PreTokenGenerationV2Trigger.Response(
                            new PreTokenGenerationV2Trigger.ClaimsAndScopeOverrideDetails(
                                    new PreTokenGenerationV2Trigger.IdTokenGeneration(Map.of("everywhere", true), null),
                                    null,
                                    null));
                }));
        String poolId = shared.createPool();
        shared.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = shared.createPasswordClient(poolId);

        Tokens tokens = SignInFixture.tokens(shared.signIn(client.id(), "alice", SignInFixture.PASSWORD));

        assertThat(sources).containsExactly("2 TokenGeneration_Authentication");
        assertThat(SignInFixture.payload(tokens.idToken())).containsEntry("everywhere", true);
    }

    @Test
    void aVersionOneHandlerForAllPoolsWinsOverAVersionTwoOne() {
        List<String> ran = new ArrayList<>();
        SignInFixture shared =
                SignInFixture.create((builder) -> builder.trigger((PreTokenGenerationV2Trigger) (event) -> {
                            ran.add("v2");
                            return PreTokenGenerationV2Trigger.Response.unchanged();
                        })
                        .trigger((PreTokenGenerationTrigger) (event) -> {
                            ran.add("v1");
                            return PreTokenGenerationTrigger.Response.unchanged();
                        }));
        String poolId = shared.createPool();
        shared.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        AppClient client = shared.createPasswordClient(poolId);

        SignInFixture.tokens(shared.signIn(client.id(), "alice", SignInFixture.PASSWORD));

        assertThat(ran).containsExactly("v1");
    }

    @Test
    void preAuthenticationHearsOfAnUnknownUserOnlyWhereTheClientHidesUsers() {
        String poolId = pool(Map.of("PreAuthentication", ARN + "pre-auth"));
        AppClient open = this.fixture.createPasswordClient(poolId);
        AppClient hiding = this.fixture.createPasswordClient(poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        assertThat(this.fixture
                        .signIn(open.id(), "nobody", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.preAuthentications).isEmpty();
        assertThat(this.fixture
                        .signIn(hiding.id(), "nobody", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
        assertThat(this.preAuthentications).hasSize(1);
        assertThat(this.preAuthentications.get(0).request().userNotFound()).isTrue();
        assertThat(this.preAuthentications.get(0).userName()).isEqualTo("nobody");
        assertThat(this.preAuthentications.get(0).request().userAttributes()).isEmpty();
    }
}
