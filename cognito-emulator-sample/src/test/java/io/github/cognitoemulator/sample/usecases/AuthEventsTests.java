package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeedbackValueType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskDecisionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/** A user's sign-in history, kept by pools with threat protection, and the feedback given on its events. */
class AuthEventsTests extends SignInUseCase {

    @Autowired
    CognitoEmulator emulator;

    private String threatProtectedPool() {
        return createPool((request) -> request.userPoolTier(UserPoolTierType.PLUS)
                        .userPoolAddOns((addOns) -> addOns.advancedSecurityMode(AdvancedSecurityModeType.AUDIT)))
                .id();
    }

    private List<AuthEventType> events(String poolId) {
        return cognito()
                .adminListUserAuthEvents((request) -> request.userPoolId(poolId).username("alice"))
                .authEvents();
    }

    @Test
    void eachSignInIsRecordedWithItsOutcome() {
        String poolId = threatProtectedPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        cognitoError(NotAuthorizedException.class, () -> initiatePasswordAuth(clientId, "alice", "Wr0ng!Password"));
        signIn(clientId, "alice", STRONG_PASSWORD);

        List<AuthEventType> events = events(poolId);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).eventType()).isEqualTo(EventType.SIGN_IN);
        assertThat(events.get(0).eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(events.get(0).eventRisk().riskDecision()).isEqualTo(RiskDecisionType.NO_RISK);
        assertThat(events.get(0).challengeResponses().get(0).challengeResponse())
                .isEqualTo(ChallengeResponse.SUCCESS);
        assertThat(events.get(1).eventResponse()).isEqualTo(EventResponseType.FAIL);
        assertThat(events.get(1).challengeResponses().get(0).challengeResponse())
                .isEqualTo(ChallengeResponse.FAILURE);
        assertThat(events.get(0).creationDate()).isAfterOrEqualTo(events.get(1).creationDate());
    }

    @Test
    void feedbackFromAnAdministratorAndFromTheUser() {
        String poolId = threatProtectedPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        signIn(clientId, "alice", STRONG_PASSWORD);
        signIn(clientId, "alice", STRONG_PASSWORD);
        List<AuthEventType> events = events(poolId);
        String newest = events.get(0).eventId();
        String older = events.get(1).eventId();

        cognito()
                .adminUpdateAuthEventFeedback((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .eventId(newest)
                        .feedbackValue(FeedbackValueType.INVALID));
        String token = this.emulator.authEventFeedbackToken(poolId, older).orElseThrow();
        cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .updateAuthEventFeedback((request) -> request.userPoolId(poolId)
                                .username("alice")
                                .eventId(older)
                                .feedbackToken(this.emulator
                                        .authEventFeedbackToken(poolId, newest)
                                        .orElseThrow())
                                .feedbackValue(FeedbackValueType.VALID)));
        cognito()
                .updateAuthEventFeedback((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .eventId(older)
                        .feedbackToken(token)
                        .feedbackValue(FeedbackValueType.VALID));

        events = events(poolId);
        assertThat(events.get(0).eventFeedback().feedbackValue()).isEqualTo(FeedbackValueType.INVALID);
        assertThat(events.get(0).eventFeedback().provider()).isEqualTo("Admin");
        assertThat(events.get(1).eventFeedback().feedbackValue()).isEqualTo(FeedbackValueType.VALID);
        assertThat(events.get(1).eventFeedback().provider()).isEqualTo("User");
    }

    @Test
    void poolsWithoutThreatProtectionHaveNoHistory() {
        String poolId = createPool();
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        UserPoolAddOnNotEnabledException error =
                cognitoError(UserPoolAddOnNotEnabledException.class, () -> events(poolId));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Advanced security features are not enabled for this user pool.");
    }
}
