package io.github.cognitoemulator.core.authevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.auth.IndependentSrpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthEventActionsTest {

    private static final String WRONG_PASSWORD = "Wr0ng!Password";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(
            Map.of("UserPoolTier", "PLUS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "AUDIT")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply listEvents(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("Username", "alice");
        body.putAll(extra);
        return this.fixture.call("AdminListUserAuthEvents", body);
    }

    private List<Map<String, Object>> events() {
        return listEvents(Map.of()).requireSuccess().list("AuthEvents");
    }

    @Test
    void signInsAreRecordedNewestFirstWithTheirOutcomeAndChallenges() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(this.client.id(), "alice", WRONG_PASSWORD);
        this.fixture.clock().advance(Duration.ofSeconds(5));
        SignInFixture.Tokens tokens =
                SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
        // A refresh is not a sign-in.
        this.fixture.refresh(this.client.id(), tokens.refreshToken()).requireSuccess();

        List<Map<String, Object>> events = events();

        assertThat(events).hasSize(2);
        Map<String, Object> pass = events.get(0);
        assertThat(pass)
                .containsOnlyKeys(
                        "EventId", "EventType", "CreationDate", "EventResponse", "EventRisk", "ChallengeResponses");
        assertThat(pass.get("EventId").toString()).matches("[0-9a-f-]{36}");
        assertThat(pass)
                .containsEntry("EventType", "SignIn")
                .containsEntry("EventResponse", "Pass")
                .containsEntry(
                        "CreationDate", SignInFixture.START.plusSeconds(5).getEpochSecond() * 1.0)
                .containsEntry("EventRisk", Map.of("RiskDecision", "NoRisk", "CompromisedCredentialsDetected", false))
                .containsEntry(
                        "ChallengeResponses",
                        List.of(Map.of("ChallengeName", "Password", "ChallengeResponse", "Success")));
        assertThat(events.get(1))
                .containsEntry("EventResponse", "Fail")
                .containsEntry("CreationDate", SignInFixture.START.getEpochSecond() * 1.0)
                .containsEntry(
                        "ChallengeResponses",
                        List.of(Map.of("ChallengeName", "Password", "ChallengeResponse", "Failure")));
    }

    @Test
    void aSignInWithASecondFactorRecordsBoth() {
        String mfaPool = this.fixture.createPool(Map.of(
                "UserPoolTier",
                "PLUS",
                "UserPoolAddOns",
                Map.of("AdvancedSecurityMode", "AUDIT"),
                "SmsConfiguration",
                MfaFixture.SMS_CONFIGURATION));
        new MfaFixture(this.fixture)
                .setMfaConfig(mfaPool, "ON", true, false, false)
                .requireSuccess();
        AppClient mfaClient = this.fixture.createPasswordClient(mfaPool);
        this.fixture.createConfirmedUser(mfaPool, "alice", SignInFixture.PASSWORD, "phone_number", "+15555550123");
        Reply challenged = this.fixture.signIn(mfaClient.id(), "alice", SignInFixture.PASSWORD);

        new MfaFixture(this.fixture)
                .respond(
                        mfaClient.id(),
                        "SMS_MFA",
                        challenged.string("Session"),
                        "USERNAME",
                        "alice",
                        "SMS_MFA_CODE",
                        this.fixture.latestCode(mfaPool, "alice"))
                .requireSuccess();

        assertThat(this.fixture
                        .call("AdminListUserAuthEvents", Map.of("UserPoolId", mfaPool, "Username", "alice"))
                        .list("AuthEvents")
                        .get(0))
                .containsEntry("EventResponse", "Pass")
                .containsEntry(
                        "ChallengeResponses",
                        List.of(
                                Map.of("ChallengeName", "Password", "ChallengeResponse", "Success"),
                                Map.of("ChallengeName", "Mfa", "ChallengeResponse", "Success")));
    }

    @Test
    void anSrpSignInWithAWrongPasswordIsRecordedAsFailed() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        AppClient srpClient = this.fixture.createClient(
                this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 7);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        srpClient.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "SRP_A", srp.srpA())));

        Reply answer = this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        srpClient.id(),
                        "ChallengeName",
                        "PASSWORD_VERIFIER",
                        "ChallengeResponses",
                        srp.answer(
                                challenge.map("ChallengeParameters"),
                                WRONG_PASSWORD,
                                IndependentSrpClient.timestamp(
                                        this.fixture.clock().instant()))));

        assertThat(answer.error()).isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
        assertThat(events())
                .singleElement()
                .satisfies((event) -> assertThat(event)
                        .containsEntry("EventResponse", "Fail")
                        .containsEntry(
                                "ChallengeResponses",
                                List.of(Map.of("ChallengeName", "Password", "ChallengeResponse", "Failure"))));
    }

    @Test
    void poolsWithoutThreatProtectionKeepNoHistory() {
        String plain = this.fixture.createPool();
        AppClient plainClient = this.fixture.createPasswordClient(plain);
        this.fixture.createConfirmedUser(plain, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(plainClient.id(), "alice", SignInFixture.PASSWORD).requireSuccess();

        Reply reply = this.fixture.call("AdminListUserAuthEvents", Map.of("UserPoolId", plain, "Username", "alice"));

        assertThat(reply.error())
                .isEqualTo("400 UserPoolAddOnNotEnabledException:"
                        + " Advanced security features are not enabled for this user pool.");
        assertThat(this.fixture
                        .call(
                                "AdminUpdateAuthEventFeedback",
                                Map.of(
                                        "UserPoolId", plain,
                                        "Username", "alice",
                                        "EventId", "e",
                                        "FeedbackValue", "Valid"))
                        .error())
                .startsWith("400 UserPoolAddOnNotEnabledException:");
    }

    @Test
    void offModeKeepsNoHistory() {
        String off = this.fixture.createPool(
                Map.of("UserPoolTier", "PLUS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "OFF")));

        assertThat(this.fixture
                        .call("AdminListUserAuthEvents", Map.of("UserPoolId", off, "Username", "alice"))
                        .error())
                .startsWith("400 UserPoolAddOnNotEnabledException:");
    }

    @Test
    void enforcedModeKeepsHistory() {
        String enforced = this.fixture.createPool(
                Map.of("UserPoolTier", "PLUS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED")));
        AppClient enforcedClient = this.fixture.createPasswordClient(enforced);
        this.fixture.createConfirmedUser(enforced, "alice", SignInFixture.PASSWORD);
        this.fixture
                .signIn(enforcedClient.id(), "alice", SignInFixture.PASSWORD)
                .requireSuccess();

        assertThat(this.fixture
                        .call("AdminListUserAuthEvents", Map.of("UserPoolId", enforced, "Username", "alice"))
                        .requireSuccess()
                        .list("AuthEvents"))
                .hasSize(1);
    }

    @Test
    void unknownUsersAndPoolsAreRefused() {
        assertThat(listEvents(Map.of()).error()).isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call(
                                "AdminListUserAuthEvents",
                                Map.of("UserPoolId", "us-east-1_nothere1", "Username", "alice"))
                        .error())
                .startsWith("400 ResourceNotFoundException:");
    }

    @Test
    void pagesFollowEachOther() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        for (int i = 0; i < 5; i++) {
            this.fixture.clock().advance(Duration.ofSeconds(1));
            this.fixture
                    .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                    .requireSuccess();
        }
        List<Object> all = events().stream().map((e) -> e.get("EventId")).toList();

        Reply first = listEvents(Map.of("MaxResults", 2)).requireSuccess();
        Reply second = listEvents(Map.of("MaxResults", 2, "NextToken", first.string("NextToken")))
                .requireSuccess();
        Reply last = listEvents(Map.of("MaxResults", 2, "NextToken", second.string("NextToken")))
                .requireSuccess();

        assertThat(first.list("AuthEvents")).extracting((e) -> e.get("EventId")).isEqualTo(all.subList(0, 2));
        assertThat(second.list("AuthEvents"))
                .extracting((e) -> e.get("EventId"))
                .isEqualTo(all.subList(2, 4));
        assertThat(last.list("AuthEvents")).extracting((e) -> e.get("EventId")).isEqualTo(all.subList(4, 5));
        assertThat(last.json()).doesNotContainKey("NextToken");
        assertThat(listEvents(Map.of("MaxResults", 0)).requireSuccess().list("AuthEvents"))
                .hasSize(5);
        assertThat(listEvents(Map.of("MaxResults", 5)).requireSuccess().json()).doesNotContainKey("NextToken");
    }

    @Test
    void theHistoryKeepsTheNewestHundredEvents() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(this.client.id(), "alice", WRONG_PASSWORD);
        for (int i = 0; i < AuthEventLog.MAX_EVENTS_PER_USER; i++) {
            this.fixture.clock().advance(Duration.ofSeconds(1));
            this.fixture
                    .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                    .requireSuccess();
        }

        List<Map<String, Object>> events = listEvents(Map.of()).requireSuccess().list("AuthEvents");
        Reply rest = listEvents(Map.of("NextToken", listEvents(Map.of()).string("NextToken")));

        assertThat(events).hasSize(60);
        assertThat(rest.list("AuthEvents"))
                .hasSize(40)
                .allSatisfy((e) -> assertThat(e).containsEntry("EventResponse", "Pass"));
        assertThat(this.fixture.emulator().store().resources().list(AuthEvent.KIND, this.poolId))
                .hasSize(AuthEventLog.MAX_EVENTS_PER_USER);
    }

    @Test
    void adminFeedbackIsShownOnTheEvent() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD).requireSuccess();
        String eventId = (String) events().get(0).get("EventId");
        this.fixture.clock().advance(Duration.ofMinutes(1));

        Reply reply = this.fixture.call(
                "AdminUpdateAuthEventFeedback",
                Map.of("UserPoolId", this.poolId, "Username", "alice", "EventId", eventId, "FeedbackValue", "Invalid"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEmpty();
        assertThat(events().get(0))
                .containsEntry(
                        "EventFeedback",
                        Map.of(
                                "FeedbackValue",
                                "Invalid",
                                "Provider",
                                "Admin",
                                "FeedbackDate",
                                SignInFixture.START.plusSeconds(60).getEpochSecond() * 1.0));
    }

    @Test
    void userFeedbackNeedsTheEventsToken() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD).requireSuccess();
        String eventId = (String) events().get(0).get("EventId");
        String token = this.fixture
                .emulator()
                .authEventFeedbackToken(this.poolId, eventId)
                .orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("Username", "alice");
        body.put("EventId", eventId);
        body.put("FeedbackValue", "Valid");

        body.put("FeedbackToken", token + "x");
        assertThat(this.fixture.call("UpdateAuthEventFeedback", body).error())
                .isEqualTo("400 NotAuthorizedException: Invalid feedback token.");
        assertThat(events().get(0)).doesNotContainKey("EventFeedback");

        body.put("FeedbackToken", token);
        this.fixture.call("UpdateAuthEventFeedback", body).requireSuccess();
        assertThat(events().get(0))
                .containsEntry(
                        "EventFeedback",
                        Map.of(
                                "FeedbackValue",
                                "Valid",
                                "Provider",
                                "User",
                                "FeedbackDate",
                                SignInFixture.START.getEpochSecond() * 1.0));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(this.fixture.emulator().authEventFeedbackToken(this.poolId, "nope"))
                .isEmpty();
    }

    @Test
    void feedbackOnAnUnknownEventIsRefused() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        assertThat(this.fixture
                        .call(
                                "AdminUpdateAuthEventFeedback",
                                Map.of(
                                        "UserPoolId", this.poolId,
                                        "Username", "alice",
                                        "EventId", "unknown",
                                        "FeedbackValue", "Valid"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Auth event not found.");
    }

    @Test
    void aDeletedUserTakesItsHistory() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD).requireSuccess();

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.emulator().store().resources().list(AuthEvent.KIND, this.poolId))
                .isEmpty();
    }

    @Test
    void theFeedbackTokenStaysOutOfDescriptions() {
        AuthEvent event = new AuthEvent(
                "id",
                AuthEvent.Type.SignIn,
                SignInFixture.START,
                AuthEvent.Response.Pass,
                List.of(AuthEvent.ChallengeOutcome.mfa(true)),
                "secret-token",
                null);

        assertThat(event.toString()).doesNotContain("secret-token").contains("Mfa");
    }
}
