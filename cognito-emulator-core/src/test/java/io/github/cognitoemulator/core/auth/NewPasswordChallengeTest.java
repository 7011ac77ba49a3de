package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewPasswordChallengeTest {

    private final SignInFixture fixture = SignInFixture.create();

    /** A pool whose users must have a given name, which an administrator need not set. */
    private final String poolId = this.fixture.createPool(Map.of(
            "Schema",
            List.of(Map.of("Name", "given_name", "AttributeDataType", "String", "Mutable", true, "Required", true))));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply challenge(AppClient client) {
        return this.fixture.signIn(client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD);
    }

    private Reply challenge() {
        this.fixture.createUser(this.poolId, "alice", "email", "alice@example.com");
        return challenge(this.client);
    }

    private Reply respond(AppClient client, String session, Map<String, String> responses) {
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        client.id(),
                        "ChallengeName",
                        "NEW_PASSWORD_REQUIRED",
                        "Session",
                        session,
                        "ChallengeResponses",
                        responses));
    }

    private static Map<String, String> answer(String newPassword, String... attributeNamesAndValues) {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", "alice");
        responses.put("NEW_PASSWORD", newPassword);
        for (int i = 0; i < attributeNamesAndValues.length; i += 2) {
            responses.put("userAttributes." + attributeNamesAndValues[i], attributeNamesAndValues[i + 1]);
        }
        return responses;
    }

    private Reply respond(String session) {
        return respond(this.client, session, answer(SignInFixture.PASSWORD, "given_name", "Alice"));
    }

    private static Object parse(String json) {
        return CognitoJson.readMap(("{\"value\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                .get("value");
    }

    @Test
    void temporaryPasswordLeadsToTheNewPasswordChallenge() {
        Reply reply = challenge();

        assertThat(reply.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(reply.string("Session")).hasSizeBetween(20, 2048);
        assertThat(reply.json()).doesNotContainKey("AuthenticationResult");
        assertThat(reply.map("ChallengeParameters"))
                .containsOnlyKeys("USER_ID_FOR_SRP", "requiredAttributes", "userAttributes")
                .containsEntry("USER_ID_FOR_SRP", "alice");
    }

    @Test
    void challengeSendsTheMissingRequiredAndTheCurrentAttributesAsJsonStrings() {
        Map<String, Object> parameters = challenge().map("ChallengeParameters");

        assertThat(parameters.get("requiredAttributes")).isInstanceOf(String.class);
        assertThat(parse((String) parameters.get("requiredAttributes")))
                .isEqualTo(List.of("userAttributes.given_name"));
        assertThat(parameters.get("userAttributes")).isInstanceOf(String.class);
        assertThat(parse((String) parameters.get("userAttributes"))).isEqualTo(Map.of("email", "alice@example.com"));
    }

    @Test
    void requiredAttributesIsAnEmptyJsonArrayWhenNothingIsMissing() {
        this.fixture.createUser(this.poolId, "alice", "given_name", "Alice");

        assertThat(challenge(this.client).map("ChallengeParameters")).containsEntry("requiredAttributes", "[]");
    }

    @Test
    void answerWithANewPasswordAndTheRequiredAttributesIssuesTokensAndConfirmsTheUser() {
        Reply reply = respond(challenge().string("Session"));

        assertThat(SignInFixture.tokens(reply).refreshToken()).isNotNull();
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("given_name", "Alice");
        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).idToken())).containsEntry("given_name", "Alice");
    }

    @Test
    void newPasswordReplacesTheTemporaryOne() {
        respond(challenge().string("Session")).requireSuccess();

        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
    }

    @Test
    void sessionCanBeUsedOnce() {
        String session = challenge().string("Session");
        respond(session).requireSuccess();

        assertThat(respond(session).error()).isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void sessionOfAnotherClientIsRejected() {
        String session = challenge().string("Session");
        AppClient other = this.fixture.createPasswordClient(this.poolId);

        Reply reply = respond(other, session, answer(SignInFixture.PASSWORD, "given_name", "Alice"));

        assertThat(reply.error()).isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void madeUpSessionIsRejected() {
        challenge();

        assertThat(respond("AYABeNotARealSessionAtAll0000").error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user.");
    }

    @Test
    void sessionLastsThreeMinutesByDefault() {
        String session = challenge().string("Session");
        String later = challenge(this.client).string("Session");

        this.fixture.clock().advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(respond(later).status()).isEqualTo(200);

        this.fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(respond(session).error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");
    }

    @Test
    void sessionLastsAsLongAsTheClientsAuthSessionValidity() {
        AppClient patient = this.fixture.createPasswordClient(this.poolId, Map.of("AuthSessionValidity", 10));
        this.fixture.createUser(this.poolId, "alice");
        String session = challenge(patient).string("Session");
        String later = challenge(patient).string("Session");

        this.fixture.clock().advance(Duration.ofMinutes(9));
        assertThat(respond(patient, later, answer(SignInFixture.PASSWORD, "given_name", "Alice"))
                        .status())
                .isEqualTo(200);

        this.fixture.clock().advance(Duration.ofMinutes(1));
        assertThat(respond(patient, session, answer(SignInFixture.OTHER_PASSWORD, "given_name", "Alice"))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");
    }

    @Test
    void weakNewPasswordIsRefusedWithThePolicyMessage() {
        Reply reply = respond(this.client, challenge().string("Session"), answer("short", "given_name", "Alice"));

        assertThat(reply.error())
                .isEqualTo(
                        "400 InvalidPasswordException: Password does not conform to policy: Password not long enough");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void missingRequiredAttributeIsNamed() {
        Reply reply = respond(this.client, challenge().string("Session"), answer(SignInFixture.PASSWORD));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Invalid attributes given, given_name is missing");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void requiredAttributeAlreadySetCannotBeSentAgain() {
        this.fixture.createUser(this.poolId, "alice", "given_name", "Alice");
        String session = challenge(this.client).string("Session");

        Reply reply = respond(this.client, session, answer(SignInFixture.PASSWORD, "given_name", "Alicia"));

        assertThat(reply.error()).isEqualTo("400 NotAuthorizedException: Cannot modify an already provided given_name");
    }

    @Test
    void missingNewPasswordIsNamed() {
        Reply reply = respond(this.client, challenge().string("Session"), Map.of("USERNAME", "alice"));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Missing required parameter NEW_PASSWORD");
    }

    @Test
    void temporaryPasswordExpiresAfterTheValidityDaysOfThePool() {
        this.fixture.createUser(this.poolId, "alice");

        this.fixture.clock().advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(challenge(this.client).string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");

        this.fixture.clock().advance(Duration.ofMinutes(1));
        assertThat(challenge(this.client).error())
                .isEqualTo("400 NotAuthorizedException: Temporary password has expired and must be reset by an"
                        + " administrator.");
    }

    @Test
    void temporaryPasswordValidityIsThePoolsSetting() {
        String strictPool = this.fixture.createPool(
                Map.of("Policies", Map.of("PasswordPolicy", Map.of("TemporaryPasswordValidityDays", 1))));
        AppClient strictClient = this.fixture.createPasswordClient(strictPool);
        this.fixture.createUser(strictPool, "alice");

        this.fixture.clock().advance(Duration.ofDays(1));

        assertThat(this.fixture
                        .signIn(strictClient.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Temporary password has expired and must be reset by an"
                        + " administrator.");
    }

    @Test
    void adminActionsRunTheSameChallenge() {
        AppClient admin = this.fixture.createClient(
                this.poolId,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createUser(this.poolId, "alice", "given_name", "Alice");
        Reply challenge = this.fixture.call(
                "AdminInitiateAuth",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        admin.id(),
                        "AuthFlow",
                        "ADMIN_USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.TEMPORARY_PASSWORD)));
        assertThat(challenge.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");

        Reply reply = this.fixture.call(
                "AdminRespondToAuthChallenge",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        admin.id(),
                        "ChallengeName",
                        "NEW_PASSWORD_REQUIRED",
                        "Session",
                        challenge.string("Session"),
                        "ChallengeResponses",
                        answer(SignInFixture.PASSWORD)));

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotEmpty();
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
    }

    @Test
    void secretClientAnswersWithTheSecretHash() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        this.fixture.createUser(this.poolId, "alice", "given_name", "Alice");
        String hash = SignInFixture.secretHash(secret.secret(), "alice", secret.id());
        Map<String, Object> signIn = Map.of(
                "AuthFlow",
                "USER_PASSWORD_AUTH",
                "ClientId",
                secret.id(),
                "AuthParameters",
                Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.TEMPORARY_PASSWORD, "SECRET_HASH", hash));
        String session = this.fixture.call("InitiateAuth", signIn).string("Session");
        Map<String, String> responses = new LinkedHashMap<>(answer(SignInFixture.PASSWORD));

        assertThat(respond(secret, session, responses).error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");

        responses.put("SECRET_HASH", hash);
        String next = this.fixture.call("InitiateAuth", signIn).string("Session");
        assertThat(SignInFixture.tokens(respond(secret, next, responses)).accessToken())
                .isNotEmpty();
    }
}
