package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.trigger.ChallengeResult;
import io.github.cognitoemulator.core.trigger.CreateAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.DefineAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.PreAuthenticationTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import io.github.cognitoemulator.core.trigger.VerifyAuthChallengeResponseTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomAuthTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    /** A question with three tries: what the sample application does, in the way Cognito's guide shows. */
    private final class Quiz
            implements DefineAuthChallengeTrigger,
                    CreateAuthChallengeTrigger,
                    VerifyAuthChallengeResponseTrigger,
                    PreAuthenticationTrigger {

        @Override
        public DefineAuthChallengeTrigger.Response defineAuthChallenge(
                TriggerEvent<DefineAuthChallengeTrigger.Request> event) {
            CustomAuthTest.this.defines.add(event);
            if (CustomAuthTest.this.define != null) {
                return CustomAuthTest.this.define;
            }
            List<ChallengeResult> session = event.request().session();
            if (!session.isEmpty() && session.get(session.size() - 1).challengeResult()) {
                return DefineAuthChallengeTrigger.Response.issueTokensNow();
            }
            if (session.size() >= 3) {
                return DefineAuthChallengeTrigger.Response.fail();
            }
            return DefineAuthChallengeTrigger.Response.customChallenge();
        }

        @Override
        public CreateAuthChallengeTrigger.Response createAuthChallenge(
                TriggerEvent<CreateAuthChallengeTrigger.Request> event) {
            CustomAuthTest.this.creates.add(event);
            int round = event.request().session().size() + 1;
            return new CreateAuthChallengeTrigger.Response(
                    Map.of("question", "2 + " + round),
                    Map.of("answer", Integer.toString(2 + round)),
                    "round-" + round);
        }

        @Override
        public VerifyAuthChallengeResponseTrigger.Response verifyAuthChallengeResponse(
                TriggerEvent<VerifyAuthChallengeResponseTrigger.Request> event) {
            CustomAuthTest.this.verifies.add(event);
            return new VerifyAuthChallengeResponseTrigger.Response(event.request()
                    .challengeAnswer()
                    .equals(event.request().privateChallengeParameters().get("answer")));
        }

        @Override
        public void preAuthentication(TriggerEvent<PreAuthenticationTrigger.Request> event) {
            CustomAuthTest.this.preAuthentications.add(event);
        }
    }

    private final List<TriggerEvent<DefineAuthChallengeTrigger.Request>> defines = new ArrayList<>();

    private final List<TriggerEvent<CreateAuthChallengeTrigger.Request>> creates = new ArrayList<>();

    private final List<TriggerEvent<VerifyAuthChallengeResponseTrigger.Request>> verifies = new ArrayList<>();

    private final List<TriggerEvent<PreAuthenticationTrigger.Request>> preAuthentications = new ArrayList<>();

    private final List<TriggerEvent<DefineAuthChallengeTrigger.Request>> srpFirst = new ArrayList<>();

    private DefineAuthChallengeTrigger.Response define;

    private final SignInFixture fixture = SignInFixture.create((builder) -> builder.lambdaFunction("quiz", new Quiz())
            .lambdaFunction("srp-first", (DefineAuthChallengeTrigger) (event) -> {
                this.srpFirst.add(event);
                return passwordThenQuestion(event);
            })
            .lambdaFunction("bare-create", (CreateAuthChallengeTrigger)
                    (event) -> new CreateAuthChallengeTrigger.Response(null, null, null))
            .lambdaFunction("define-only", (DefineAuthChallengeTrigger)
                    (event) -> DefineAuthChallengeTrigger.Response.customChallenge()));

    private final String poolId = this.fixture.createPool(Map.of(
            "LambdaConfig",
            Map.of(
                    "DefineAuthChallenge", ARN + "quiz",
                    "CreateAuthChallenge", ARN + "quiz",
                    "VerifyAuthChallengeResponse", ARN + "quiz",
                    "PreAuthentication", ARN + "quiz")));

    private final AppClient client = customClient(this.poolId, Map.of());

    private AppClient customClient(String poolId, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("ExplicitAuthFlows", List.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        return this.fixture.createClient(poolId, body);
    }

    private Reply start(AppClient client, String username) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "CUSTOM_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", username),
                        "ClientMetadata",
                        Map.of("phase", "start")));
    }

    private Reply answer(AppClient client, String session, String username, String answer) {
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ChallengeName",
                        "CUSTOM_CHALLENGE",
                        "ClientId",
                        client.id(),
                        "Session",
                        session,
                        "ChallengeResponses",
                        Map.of("USERNAME", username, "ANSWER", answer),
                        "ClientMetadata",
                        Map.of("phase", "answer")));
    }

    @Test
    void theRightAnswerIssuesTokens() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");

        Reply challenge = start(this.client, "alice").requireSuccess();

        assertThat(challenge.string("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.map("ChallengeParameters")).isEqualTo(Map.of("question", "2 + 1", "USERNAME", "alice"));
        assertThat(challenge.string("Session")).isNotBlank();
        assertThat(challenge.json()).containsOnlyKeys("ChallengeName", "Session", "ChallengeParameters");
        TriggerEvent<DefineAuthChallengeTrigger.Request> first = this.defines.get(0);
        assertThat(first.triggerSource()).isEqualTo("DefineAuthChallenge_Authentication");
        assertThat(first.userName()).isEqualTo("alice");
        assertThat(first.callerContext().clientId()).isEqualTo(this.client.id());
        assertThat(first.request().session()).isEmpty();
        assertThat(first.request().userNotFound()).isFalse();
        assertThat(first.request().userAttributes()).containsEntry("email", "alice@example.com");
        assertThat(first.request().clientMetadata()).isEqualTo(Map.of("phase", "start"));
        TriggerEvent<CreateAuthChallengeTrigger.Request> create = this.creates.get(0);
        assertThat(create.triggerSource()).isEqualTo("CreateAuthChallenge_Authentication");
        assertThat(create.request().challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(create.request().clientMetadata()).isEqualTo(Map.of("phase", "start"));
        assertThat(this.preAuthentications).hasSize(1);

        Reply tokens = answer(this.client, challenge.string("Session"), "alice", "3");

        assertThat(SignInFixture.tokens(tokens).refreshToken()).isNotNull();
        TriggerEvent<VerifyAuthChallengeResponseTrigger.Request> verify = this.verifies.get(0);
        assertThat(verify.triggerSource()).isEqualTo("VerifyAuthChallengeResponse_Authentication");
        assertThat(verify.request().privateChallengeParameters()).isEqualTo(Map.of("answer", "3"));
        assertThat(verify.request().challengeAnswer()).isEqualTo("3");
        assertThat(verify.request().clientMetadata()).isEqualTo(Map.of("phase", "answer"));
        assertThat(this.defines.get(1).request().session())
                .containsExactly(new ChallengeResult("CUSTOM_CHALLENGE", true, "round-1"));
        assertThat(this.defines.get(1).request().clientMetadata()).isEqualTo(Map.of("phase", "answer"));
    }

    @Test
    void aWrongAnswerGetsAnotherChallengeWithTheHistory() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Reply first = start(this.client, "alice").requireSuccess();

        Reply second =
                answer(this.client, first.string("Session"), "alice", "7").requireSuccess();

        assertThat(second.string("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(second.map("ChallengeParameters")).containsEntry("question", "2 + 2");
        assertThat(second.string("Session")).isNotEqualTo(first.string("Session"));
        assertThat(this.creates.get(1).request().session())
                .containsExactly(new ChallengeResult("CUSTOM_CHALLENGE", false, "round-1"));

        Reply third =
                answer(this.client, second.string("Session"), "alice", "0").requireSuccess();
        Reply done = answer(this.client, third.string("Session"), "alice", "5");

        assertThat(SignInFixture.tokens(done)).isNotNull();
        assertThat(this.defines.get(3).request().session())
                .containsExactly(
                        new ChallengeResult("CUSTOM_CHALLENGE", false, "round-1"),
                        new ChallengeResult("CUSTOM_CHALLENGE", false, "round-2"),
                        new ChallengeResult("CUSTOM_CHALLENGE", true, "round-3"));
    }

    @Test
    void failAuthenticationIsIncorrect() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Reply reply = start(this.client, "alice").requireSuccess();
        for (String wrong : List.of("0", "0")) {
            reply = answer(this.client, reply.string("Session"), "alice", wrong).requireSuccess();
        }

        assertThat(answer(this.client, reply.string("Session"), "alice", "0").error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void aSessionAnswersOnce() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String session = start(this.client, "alice").requireSuccess().string("Session");
        answer(this.client, session, "alice", "0").requireSuccess();

        assertThat(answer(this.client, session, "alice", "3").error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void aSessionExpires() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String session = start(this.client, "alice").requireSuccess().string("Session");
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThat(answer(this.client, session, "alice", "3").error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");
    }

    @Test
    void aSessionIsForItsUser() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        String session = start(this.client, "alice").requireSuccess().string("Session");

        assertThat(answer(this.client, session, "bob", "3").error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void theAnswerMayNameTheUserByAnAlias() {
        String pool = this.fixture.createPool(Map.of(
                "AliasAttributes",
                List.of("email"),
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "quiz",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(
                pool, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");
        Reply challenge = start(client, "alice").requireSuccess();

        assertThat(SignInFixture.tokens(answer(client, challenge.string("Session"), "alice@example.com", "3")))
                .isNotNull();
    }

    @Test
    void theAnswerMayRepeatTheNameSent() {
        String pool = this.fixture.createPool(Map.of(
                "AliasAttributes",
                List.of("email"),
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "quiz",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(
                pool, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");
        Reply challenge = start(client, "alice@example.com").requireSuccess();

        assertThat(challenge.map("ChallengeParameters")).containsEntry("USERNAME", "alice");
        assertThat(SignInFixture.tokens(answer(client, challenge.string("Session"), "alice@example.com", "3")))
                .isNotNull();
    }

    @Test
    void anUnknownUserDoesNotExist() {
        assertThat(start(this.client, "nobody").error()).isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.defines).isEmpty();
    }

    @Test
    void anUnknownUserGoesThroughTheChallengesButNeverGetsTokensWhenTheClientHidesUsers() {
        AppClient hiding = customClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        Reply challenge = start(hiding, "nobody").requireSuccess();

        assertThat(challenge.map("ChallengeParameters")).containsEntry("USERNAME", "nobody");
        assertThat(this.defines.get(0).request().userNotFound()).isTrue();
        assertThat(this.defines.get(0).request().userAttributes()).isEmpty();
        assertThat(this.creates.get(0).request().userNotFound()).isTrue();
        assertThat(this.preAuthentications.get(0).request().userNotFound()).isTrue();
        assertThat(this.preAuthentications.get(0).userName()).isEqualTo("nobody");

        assertThat(answer(hiding, challenge.string("Session"), "nobody", "3").error())
                .isEqualTo(INCORRECT);
        assertThat(this.verifies.get(0).request().userNotFound()).isTrue();
    }

    @Test
    void aDisabledUserCannotStart() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(start(this.client, "alice").error()).isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void definingTokensAtOnceSkipsTheChallenges() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.define = DefineAuthChallengeTrigger.Response.issueTokensNow();

        assertThat(SignInFixture.tokens(start(this.client, "alice"))).isNotNull();
        assertThat(this.creates).isEmpty();
    }

    @Test
    void failingWinsOverIssuingTokens() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.define = new DefineAuthChallengeTrigger.Response(null, true, true);

        assertThat(start(this.client, "alice").error()).isEqualTo(INCORRECT);
    }

    @Test
    void anotherChallengeNameIsUnrecognizable() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.define = new DefineAuthChallengeTrigger.Response("SMS_MFA", false, false);

        assertThat(start(this.client, "alice").error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
        this.define = new DefineAuthChallengeTrigger.Response(null, false, false);
        assertThat(start(this.client, "alice").error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
    }

    @Test
    void aSignInTakesAtMostEightRounds() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.define = DefineAuthChallengeTrigger.Response.customChallenge();
        Reply reply = start(this.client, "alice").requireSuccess();
        for (int round = 1; round < CustomAuthFlow.MAX_ROUNDS; round++) {
            reply = answer(this.client, reply.string("Session"), "alice", "0").requireSuccess();
        }
        assertThat(this.creates).hasSize(8);

        assertThat(answer(this.client, reply.string("Session"), "alice", "0").error())
                .isEqualTo(INCORRECT);
        assertThat(this.defines.get(8).request().session()).hasSize(8);
        assertThat(this.creates).hasSize(8);
    }

    @Test
    void aPoolWithoutDefineAuthChallengeHasNoCustomAuth() {
        String pool = this.fixture.createPool();
        AppClient client = customClient(pool, Map.of());

        assertThat(start(client, "alice").error())
                .isEqualTo("400 InvalidParameterException: Custom auth lambda trigger is not configured for the"
                        + " user pool.");
    }

    @Test
    void aMissingCreateAuthChallengeCannotBeReached() {
        String pool =
                this.fixture.createPool(Map.of("LambdaConfig", Map.of("DefineAuthChallenge", ARN + "define-only")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(pool, "alice", SignInFixture.PASSWORD);

        assertThat(start(client, "alice").error())
                .isEqualTo("400 UnexpectedLambdaException: CreateAuthChallenge invocation failed due to error"
                        + " ResourceNotFoundException.");
    }

    @Test
    void aClientWithoutCustomAuthIsRefused() {
        AppClient password = this.fixture.createPasswordClient(this.poolId);

        assertThat(start(password, "alice").error())
                .isEqualTo("400 InvalidParameterException: Auth flow not enabled for this client");
    }

    @Test
    void theAnswerNeedsUsernameAnswerAndSession() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String session = start(this.client, "alice").requireSuccess().string("Session");

        assertThat(respond(Map.of("ANSWER", "3"), session).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter USERNAME");
        assertThat(respond(Map.of("USERNAME", "alice"), session).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter ANSWER");
        assertThat(respond(Map.of("USERNAME", "alice", "ANSWER", "3"), null).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter Session");
        assertThat(SignInFixture.tokens(answer(this.client, session, "alice", "3")))
                .isNotNull();
    }

    private Reply respond(Map<String, String> responses, String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ChallengeName", "CUSTOM_CHALLENGE");
        body.put("ClientId", this.client.id());
        body.put("ChallengeResponses", responses);
        if (session != null) {
            body.put("Session", session);
        }
        return this.fixture.call("RespondToAuthChallenge", body);
    }

    @Test
    void aClientWithASecretNeedsTheSecretHash() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        AppClient secret = customClient(this.poolId, Map.of("GenerateSecret", true));

        assertThat(start(secret, "alice").error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");
        Reply challenge = this.fixture
                .call(
                        "InitiateAuth",
                        Map.of(
                                "AuthFlow",
                                "CUSTOM_AUTH",
                                "ClientId",
                                secret.id(),
                                "AuthParameters",
                                Map.of(
                                        "USERNAME",
                                        "alice",
                                        "SECRET_HASH",
                                        SignInFixture.secretHash(secret.secret(), "alice", secret.id()))))
                .requireSuccess();
        Reply withoutHash = this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ChallengeName",
                        "CUSTOM_CHALLENGE",
                        "ClientId",
                        secret.id(),
                        "Session",
                        challenge.string("Session"),
                        "ChallengeResponses",
                        Map.of("USERNAME", "alice", "ANSWER", "3")));

        assertThat(withoutHash.error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");
    }

    @Test
    void adminInitiateAuthRunsTheSameFlow() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Reply challenge = this.fixture
                .call(
                        "AdminInitiateAuth",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "AuthFlow",
                                "CUSTOM_AUTH",
                                "ClientId",
                                this.client.id(),
                                "AuthParameters",
                                Map.of("USERNAME", "alice")))
                .requireSuccess();
        Reply tokens = this.fixture.call(
                "AdminRespondToAuthChallenge",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ChallengeName",
                        "CUSTOM_CHALLENGE",
                        "ClientId",
                        this.client.id(),
                        "Session",
                        challenge.string("Session"),
                        "ChallengeResponses",
                        Map.of("USERNAME", "alice", "ANSWER", "3")));

        assertThat(SignInFixture.tokens(tokens)).isNotNull();
    }

    @Test
    void aUserDeletedDuringTheChallengeIsIncorrect() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String session = start(this.client, "alice").requireSuccess().string("Session");
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(answer(this.client, session, "alice", "3").error()).isEqualTo(INCORRECT);
    }

    /** A define auth challenge trigger for the SRP-first variant: password first, then one question. */
    private static DefineAuthChallengeTrigger.Response passwordThenQuestion(
            TriggerEvent<DefineAuthChallengeTrigger.Request> event) {
        List<ChallengeResult> session = event.request().session();
        ChallengeResult last = session.get(session.size() - 1);
        if (session.size() == 1 && last.challengeName().equals("SRP_A")) {
            return new DefineAuthChallengeTrigger.Response("PASSWORD_VERIFIER", false, false);
        }
        if (last.challengeName().equals("PASSWORD_VERIFIER") && last.challengeResult()) {
            return DefineAuthChallengeTrigger.Response.customChallenge();
        }
        return last.challengeResult()
                ? DefineAuthChallengeTrigger.Response.issueTokensNow()
                : DefineAuthChallengeTrigger.Response.fail();
    }

    private Reply startWithSrp(AppClient client, String username, IndependentSrpClient srp) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "CUSTOM_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", username, "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
    }

    private Reply answerPassword(AppClient client, Reply challenge, IndependentSrpClient srp, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ChallengeName", "PASSWORD_VERIFIER");
        body.put("ClientId", client.id());
        body.put(
                "ChallengeResponses",
                srp.answer(
                        challenge.map("ChallengeParameters"),
                        password,
                        IndependentSrpClient.timestamp(this.fixture.clock().instant())));
        if (challenge.string("Session") != null) {
            body.put("Session", challenge.string("Session"));
        }
        return this.fixture.call("RespondToAuthChallenge", body);
    }

    @Test
    void theSrpFirstVariantProvesThePasswordBeforeTheCustomChallenges() {
        this.define = null;
        String pool = this.fixture.createPool(Map.of(
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "srp-first",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(pool, "alice", SignInFixture.PASSWORD);
        IndependentSrpClient srp = new IndependentSrpClient(pool, 11);

        Reply verifier = startWithSrp(client, "alice", srp).requireSuccess();

        assertThat(verifier.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(verifier.map("ChallengeParameters"))
                .containsKeys("SRP_B", "SALT", "SECRET_BLOCK", "USER_ID_FOR_SRP");
        assertThat(verifier.string("Session")).isEqualTo(verifier.string("ChallengeParameters", "SECRET_BLOCK"));
        assertThat(this.srpFirst.get(0).request().session()).containsExactly(new ChallengeResult("SRP_A", true, null));

        Reply question =
                answerPassword(client, verifier, srp, SignInFixture.PASSWORD).requireSuccess();

        assertThat(question.string("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(this.srpFirst.get(1).request().session())
                .containsExactly(
                        new ChallengeResult("SRP_A", true, null), new ChallengeResult("PASSWORD_VERIFIER", true, null));
        assertThat(this.creates.get(0).request().session()).hasSize(2);

        Reply tokens = answer(client, question.string("Session"), "alice", "5");

        assertThat(SignInFixture.tokens(tokens)).isNotNull();
        assertThat(this.srpFirst.get(2).request().session())
                .extracting(ChallengeResult::challengeName)
                .containsExactly("SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE");
    }

    @Test
    void theSrpFirstVariantRefusesAWrongPasswordAndTakesItsSecretBlockOnce() {
        String pool = this.fixture.createPool(Map.of(
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "srp-first",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(pool, "alice", SignInFixture.PASSWORD);
        IndependentSrpClient srp = new IndependentSrpClient(pool, 12);

        Reply wrong = startWithSrp(client, "alice", srp).requireSuccess();
        assertThat(answerPassword(client, wrong, srp, "Wr0ng!Password").error()).isEqualTo(INCORRECT);

        Reply verifier = startWithSrp(client, "alice", srp).requireSuccess();
        answerPassword(client, verifier, srp, SignInFixture.PASSWORD).requireSuccess();

        assertThat(answerPassword(client, verifier, srp, SignInFixture.PASSWORD).error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void anSrpAnswerWithoutTheSessionStillLeadsToTheCustomChallenges() {
        String pool = this.fixture.createPool(Map.of(
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "srp-first",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(pool, "alice", SignInFixture.PASSWORD);
        IndependentSrpClient srp = new IndependentSrpClient(pool, 13);
        Reply verifier = startWithSrp(client, "alice", srp).requireSuccess();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ChallengeName", "PASSWORD_VERIFIER");
        body.put("ClientId", client.id());
        body.put(
                "ChallengeResponses",
                srp.answer(
                        verifier.map("ChallengeParameters"),
                        SignInFixture.PASSWORD,
                        IndependentSrpClient.timestamp(this.fixture.clock().instant())));

        Reply reply = this.fixture.call("RespondToAuthChallenge", body).requireSuccess();

        assertThat(reply.string("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(reply.json()).doesNotContainKey("AuthenticationResult");
    }

    @Test
    void theSrpFirstVariantNeedsSrpA() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "CUSTOM_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "CHALLENGE_NAME", "SRP_A")));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Missing required parameter SRP_A");
    }

    @Test
    void theSrpFirstVariantRefusesAMalformedSrpABeforeTheUserIsLookedUp() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        // As at USER_SRP_AUTH (amazon-cognito-identity-js issue #356); the message is the emulator's. An unknown
        // user gets the same answer, so it tells nothing of who exists.
        for (String username : List.of("alice", "nobody")) {
            Reply reply = this.fixture.call(
                    "InitiateAuth",
                    Map.of(
                            "AuthFlow",
                            "CUSTOM_AUTH",
                            "ClientId",
                            this.client.id(),
                            "AuthParameters",
                            Map.of("USERNAME", username, "CHALLENGE_NAME", "SRP_A", "SRP_A", "0x1f")));

            assertThat(reply.error()).as(username).isEqualTo("400 InvalidParameterException: Invalid SRP_A value.");
        }
    }

    @Test
    void passwordVerifierIsUnrecognizableOutsideTheSrpFirstVariant() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.define = new DefineAuthChallengeTrigger.Response("PASSWORD_VERIFIER", false, false);

        assertThat(start(this.client, "alice").error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
    }

    @Test
    void anUnknownUserOfTheSrpFirstVariantGetsASimulatedChallenge() {
        String pool = this.fixture.createPool(Map.of(
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "srp-first",
                        "CreateAuthChallenge", ARN + "quiz",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient hiding = customClient(pool, Map.of("PreventUserExistenceErrors", "ENABLED"));
        IndependentSrpClient srp = new IndependentSrpClient(pool, 14);

        Reply verifier = startWithSrp(hiding, "nobody", srp).requireSuccess();

        assertThat(verifier.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(verifier.string("Session")).isEqualTo(verifier.string("ChallengeParameters", "SECRET_BLOCK"));
        assertThat(this.srpFirst.get(0).request().userNotFound()).isTrue();
        assertThat(answerPassword(hiding, verifier, srp, SignInFixture.PASSWORD).error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void aChallengeMayHaveNoParametersNorMetadata() {
        String pool = this.fixture.createPool(Map.of(
                "LambdaConfig",
                Map.of(
                        "DefineAuthChallenge", ARN + "quiz",
                        "CreateAuthChallenge", ARN + "bare-create",
                        "VerifyAuthChallengeResponse", ARN + "quiz")));
        AppClient client = customClient(pool, Map.of());
        this.fixture.createConfirmedUser(pool, "alice", SignInFixture.PASSWORD);

        Reply challenge = start(client, "alice").requireSuccess();

        assertThat(challenge.map("ChallengeParameters")).isEqualTo(Map.of("USERNAME", "alice"));
        Reply again = answer(client, challenge.string("Session"), "alice", "3").requireSuccess();
        assertThat(this.verifies.get(0).request().privateChallengeParameters()).isEmpty();
        assertThat(this.defines.get(1).request().session())
                .containsExactly(new ChallengeResult("CUSTOM_CHALLENGE", false, null));
        assertThat(again.string("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
    }
}
