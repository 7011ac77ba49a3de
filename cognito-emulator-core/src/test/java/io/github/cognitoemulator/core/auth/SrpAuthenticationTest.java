package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SrpAuthenticationTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createClient(
            this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));

    private final IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 42);

    private Reply initiate(String action, AppClient client, String username, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>(extra);
        parameters.put("USERNAME", username);
        parameters.put("SRP_A", this.srp.srpA());
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.startsWith("Admin")) {
            body.put("UserPoolId", this.poolId);
        }
        body.put("AuthFlow", "USER_SRP_AUTH");
        body.put("ClientId", client.id());
        body.put("AuthParameters", parameters);
        return this.fixture.call(action, body);
    }

    private Map<String, Object> challenge(String username) {
        Reply reply = initiate("InitiateAuth", this.client, username, Map.of());
        assertThat(reply.string("ChallengeName")).as(reply.body()).isEqualTo("PASSWORD_VERIFIER");
        return reply.map("ChallengeParameters");
    }

    private Reply respond(String action, AppClient client, Map<String, String> responses) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.startsWith("Admin")) {
            body.put("UserPoolId", this.poolId);
        }
        body.put("ClientId", client.id());
        body.put("ChallengeName", "PASSWORD_VERIFIER");
        body.put("ChallengeResponses", responses);
        return this.fixture.call(action, body);
    }

    private Reply respond(Map<String, String> responses) {
        return respond("RespondToAuthChallenge", this.client, responses);
    }

    private String now() {
        return IndependentSrpClient.timestamp(this.fixture.clock().instant());
    }

    private void alice() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
    }

    @Test
    void challengeIsThePasswordVerifierWithItsParametersAndNoSession() {
        alice();

        Reply reply = initiate("InitiateAuth", this.client, "alice", Map.of());

        assertThat(reply.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(reply.json()).doesNotContainKeys("Session", "AuthenticationResult");
        Map<String, Object> parameters = reply.map("ChallengeParameters");
        assertThat(parameters)
                .containsOnlyKeys("SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP")
                .containsEntry("USERNAME", "alice")
                .containsEntry("USER_ID_FOR_SRP", "alice");
        assertThat((String) parameters.get("SALT")).matches("[0-9a-f]+");
        assertThat((String) parameters.get("SRP_B")).matches("[0-9a-f]+");
        assertThat(Base64.getDecoder().decode((String) parameters.get("SECRET_BLOCK")))
                .isNotEmpty();
    }

    @Test
    void saltIsTheOneOfTheStoredPasswordAndServerValueChangesEveryTime() {
        alice();

        Map<String, Object> first = challenge("alice");
        Map<String, Object> second = challenge("alice");

        assertThat(second.get("SALT")).isEqualTo(first.get("SALT"));
        assertThat(second.get("SRP_B")).isNotEqualTo(first.get("SRP_B"));
        assertThat(second.get("SECRET_BLOCK")).isNotEqualTo(first.get("SECRET_BLOCK"));
    }

    @Test
    void rightPasswordIssuesTokens() {
        alice();

        Reply reply = respond(this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, now()));

        SignInFixture.Tokens tokens = SignInFixture.tokens(reply);
        assertThat(tokens.refreshToken()).isNotNull();
        assertThat(this.fixture.getUser(tokens.accessToken()).string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void clientWithDefaultFlowsAllowsSrp() {
        alice();
        AppClient defaults = this.fixture.createClient(this.poolId, Map.of());

        Reply challenge = initiate("InitiateAuth", defaults, "alice", Map.of());
        Map<String, String> answer =
                this.srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, now());

        assertThat(SignInFixture.tokens(respond("RespondToAuthChallenge", defaults, answer))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void wrongPasswordIsIncorrect() {
        alice();

        Reply reply = respond(this.srp.answer(challenge("alice"), "Wr0ng!Password", now()));

        assertThat(reply.error()).isEqualTo(INCORRECT);
    }

    @Test
    void forgedSignatureIsIncorrect() {
        alice();
        Map<String, String> answer =
                new LinkedHashMap<>(this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, now()));
        byte[] signature = Base64.getDecoder().decode(answer.get("PASSWORD_CLAIM_SIGNATURE"));
        signature[0] ^= 1;
        answer.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));

        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void secretBlockCanBeAnsweredOnce() {
        alice();
        Map<String, String> answer = this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, now());
        respond(answer).requireSuccess();

        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void failedAnswerSpendsTheSecretBlock() {
        alice();
        Map<String, Object> challenge = challenge("alice");
        respond(this.srp.answer(challenge, "Wr0ng!Password", now()));

        assertThat(respond(this.srp.answer(challenge, SignInFixture.PASSWORD, now()))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void timestampTenMinutesAwayIsRefused() {
        alice();
        Instant now = this.fixture.clock().instant();

        for (Instant signedAt : List.of(now.plus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(10)))) {
            Reply reply = respond(this.srp.answer(
                    challenge("alice"), SignInFixture.PASSWORD, IndependentSrpClient.timestamp(signedAt)));
            assertThat(reply.error()).as(signedAt.toString()).isEqualTo(INCORRECT);
        }
    }

    @Test
    void zeroPaddedDayIsRefused() {
        alice();
        String padded = "Tue Mar 05 09:07:02 UTC 2024";
        assertThat(now()).isEqualTo("Tue Mar 5 09:07:02 UTC 2024");

        assertThat(respond(this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, padded))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void wrongWeekdayIsRefused() {
        alice();

        Reply reply =
                respond(this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, "Wed Mar 5 09:07:02 UTC 2024"));

        assertThat(reply.error()).isEqualTo(INCORRECT);
    }

    @Test
    void answerSignedOverAnotherSecretBlockIsIncorrect() {
        alice();
        Map<String, Object> first = challenge("alice");
        Map<String, Object> second = challenge("alice");

        Map<String, String> mixed =
                this.srp.answer(second, SignInFixture.PASSWORD, now(), (String) first.get("SECRET_BLOCK"));

        assertThat(respond(mixed).error()).isEqualTo(INCORRECT);
    }

    @Test
    void secretBlockOfAnotherChallengeIsIncorrect() {
        alice();
        Map<String, Object> first = challenge("alice");
        Map<String, Object> second = challenge("alice");
        Map<String, String> answer = new LinkedHashMap<>(this.srp.answer(first, SignInFixture.PASSWORD, now()));
        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", (String) second.get("SECRET_BLOCK"));

        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void secretBlockOfAnotherClientIsIncorrect() {
        alice();
        AppClient other = this.fixture.createClient(this.poolId, Map.of());

        Reply reply = respond(
                "RespondToAuthChallenge", other, this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, now()));

        assertThat(reply.error()).isEqualTo(INCORRECT);
    }

    @Test
    void answerAfterTheSessionValidityIsRefused() {
        alice();
        Map<String, Object> challenge = challenge("alice");
        this.fixture.clock().advance(Duration.ofMinutes(3));

        Reply reply = respond(this.srp.answer(challenge, SignInFixture.PASSWORD, now()));

        assertThat(reply.string("__type")).isEqualTo("NotAuthorizedException");
    }

    @Test
    void userWhoMustChangeItsPasswordGetsTheNewPasswordChallenge() {
        this.fixture.createUser(this.poolId, "alice");

        Reply reply = respond(this.srp.answer(challenge("alice"), SignInFixture.TEMPORARY_PASSWORD, now()));

        assertThat(reply.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(reply.map("ChallengeParameters")).containsEntry("USER_ID_FOR_SRP", "alice");
        Reply tokens = this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "ChallengeName",
                        "NEW_PASSWORD_REQUIRED",
                        "Session",
                        reply.string("Session"),
                        "ChallengeResponses",
                        Map.of("USERNAME", "alice", "NEW_PASSWORD", SignInFixture.PASSWORD)));
        assertThat(SignInFixture.tokens(tokens).accessToken()).isNotEmpty();
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
    }

    @Test
    void emailUsernamePoolIdentifiesTheUserByItsSub() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        AppClient emailClient = this.fixture.createClient(emailPool, Map.of());
        this.fixture.createConfirmedUser(emailPool, "alice@example.com", SignInFixture.PASSWORD);
        String sub = this.fixture.attributesOf(emailPool, "alice@example.com").get("sub");
        IndependentSrpClient emailSrp = new IndependentSrpClient(emailPool, 7);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        emailClient.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice@example.com", "SRP_A", emailSrp.srpA())));

        assertThat(challenge.map("ChallengeParameters"))
                .containsEntry("USER_ID_FOR_SRP", sub)
                .containsEntry("USERNAME", sub);

        Reply reply = respond(
                "RespondToAuthChallenge",
                emailClient,
                emailSrp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, now()));
        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).accessToken()))
                .containsEntry("username", sub);
    }

    @Test
    void secretClientSendsTheSecretHashOfTheNameAndThenOfTheUserIdForSrp() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        AppClient secret = this.fixture.createClient(emailPool, Map.of("GenerateSecret", true));
        this.fixture.createConfirmedUser(emailPool, "alice@example.com", SignInFixture.PASSWORD);
        IndependentSrpClient emailSrp = new IndependentSrpClient(emailPool, 7);
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("AuthFlow", "USER_SRP_AUTH");
        start.put("ClientId", secret.id());
        start.put("AuthParameters", Map.of("USERNAME", "alice@example.com", "SRP_A", emailSrp.srpA()));

        assertThat(this.fixture.call("InitiateAuth", start).error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");

        start.put(
                "AuthParameters",
                Map.of(
                        "USERNAME",
                        "alice@example.com",
                        "SRP_A",
                        emailSrp.srpA(),
                        "SECRET_HASH",
                        SignInFixture.secretHash(secret.secret(), "alice@example.com", secret.id())));
        Map<String, Object> challenge = this.fixture.call("InitiateAuth", start).map("ChallengeParameters");
        String userId = (String) challenge.get("USER_ID_FOR_SRP");
        assertThat(userId).isNotEqualTo("alice@example.com");

        Reply withoutHash =
                respond("RespondToAuthChallenge", secret, emailSrp.answer(challenge, SignInFixture.PASSWORD, now()));
        assertThat(withoutHash.error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");

        Map<String, Object> again = this.fixture.call("InitiateAuth", start).map("ChallengeParameters");
        Map<String, String> answer = new LinkedHashMap<>(emailSrp.answer(again, SignInFixture.PASSWORD, now()));
        answer.put("SECRET_HASH", SignInFixture.secretHash(secret.secret(), userId, secret.id()));
        assertThat(SignInFixture.tokens(respond("RespondToAuthChallenge", secret, answer))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void adminActionsRunTheSameExchange() {
        alice();

        Reply challenge = initiate("AdminInitiateAuth", this.client, "alice", Map.of());
        assertThat(challenge.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(challenge.json()).doesNotContainKey("Session");

        Reply reply = respond(
                "AdminRespondToAuthChallenge",
                this.client,
                this.srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, now()));
        assertThat(SignInFixture.tokens(reply).accessToken()).isNotEmpty();
    }

    @Test
    void unknownUserDoesNotExist() {
        Reply reply = initiate("InitiateAuth", this.client, "nobody", Map.of());

        assertThat(reply.error()).isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void unknownUserGetsTheSameSimulatedChallengeEveryTimeWhenTheClientHidesUsers() {
        AppClient hiding = this.fixture.createClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        Reply first = initiate("InitiateAuth", hiding, "nobody", Map.of());
        Reply second = initiate("InitiateAuth", hiding, "nobody", Map.of());

        assertThat(first.string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(first.json()).doesNotContainKey("Session");
        Map<String, Object> parameters = first.map("ChallengeParameters");
        assertThat(parameters).containsOnlyKeys("SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP");
        assertThat((String) parameters.get("USER_ID_FOR_SRP")).matches(UUID);
        assertThat(second.map("ChallengeParameters").get("SALT")).isEqualTo(parameters.get("SALT"));
        assertThat(second.map("ChallengeParameters").get("USER_ID_FOR_SRP"))
                .isEqualTo(parameters.get("USER_ID_FOR_SRP"));
        assertThat(initiate("InitiateAuth", hiding, "somebody-else", Map.of())
                        .map("ChallengeParameters")
                        .get("SALT"))
                .isNotEqualTo(parameters.get("SALT"));

        Reply answer =
                respond("RespondToAuthChallenge", hiding, this.srp.answer(parameters, SignInFixture.PASSWORD, now()));
        assertThat(answer.error()).isEqualTo(INCORRECT);
    }

    @Test
    void simulatedSaltLooksLikeARealOne() {
        alice();
        AppClient hiding = this.fixture.createClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        String real = (String) challenge("alice").get("SALT");
        String simulated = (String) initiate("InitiateAuth", hiding, "nobody", Map.of())
                .map("ChallengeParameters")
                .get("SALT");

        assertThat(HexFormat.of().parseHex(simulated))
                .hasSameSizeAs(HexFormat.of().parseHex(real));
    }

    @Test
    void srpFlowMustBeEnabledOnTheClient() {
        alice();
        AppClient passwordOnly = this.fixture.createPasswordClient(this.poolId);

        assertThat(initiate("InitiateAuth", passwordOnly, "alice", Map.of()).error())
                .isEqualTo("400 InvalidParameterException: Auth flow not enabled for this client");
    }

    @Test
    void missingSrpAIsNamed() {
        alice();

        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice")));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Missing required parameter SRP_A");
    }

    @Test
    void missingClaimFieldsAreNamed() {
        alice();
        Map<String, String> answer =
                new LinkedHashMap<>(this.srp.answer(challenge("alice"), SignInFixture.PASSWORD, now()));
        answer.remove("TIMESTAMP");

        assertThat(respond(answer).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter TIMESTAMP");
    }
}
