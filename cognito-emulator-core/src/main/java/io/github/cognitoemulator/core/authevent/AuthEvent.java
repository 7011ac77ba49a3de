package io.github.cognitoemulator.core.authevent;

import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.support.Redacted;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a user's history, as AdminListUserAuthEvents shows it.
 *
 * @param eventId the event's id
 * @param eventType what happened
 * @param creationDate when
 * @param response how it ended
 * @param challenges the challenges the user answered on the way, and how
 * @param feedbackToken what UpdateAuthEventFeedback must present for this event
 * @param feedback the feedback given on the event, or {@code null}
 */
public record AuthEvent(
        String eventId,
        Type eventType,
        Instant creationDate,
        Response response,
        List<ChallengeOutcome> challenges,
        String feedbackToken,
        @Nullable Feedback feedback) {

    /** Events in the resource store, keyed {@code <pool id>/<sub>/<newest first>-<event id>}. */
    static final ResourceKind<AuthEvent> KIND = ResourceKind.of("auth-event", AuthEvent.class);

    public AuthEvent {
        Objects.requireNonNull(eventId, "'eventId' must not be null");
        challenges = List.copyOf(challenges);
    }

    /** This event with feedback. */
    AuthEvent withFeedback(Feedback feedback) {
        return new AuthEvent(
                this.eventId,
                this.eventType,
                this.creationDate,
                this.response,
                this.challenges,
                this.feedbackToken,
                feedback);
    }

    /** A description without the feedback token. */
    @Override
    public String toString() {
        return "AuthEvent[eventId=" + this.eventId + ", eventType=" + this.eventType + ", creationDate="
                + this.creationDate + ", response=" + this.response + ", challenges=" + this.challenges
                + ", feedbackToken=" + Redacted.secret(this.feedbackToken) + ", feedback=" + this.feedback + "]";
    }

    /** Cognito's {@code EventType}. */
    public enum Type {
        SignIn,
        SignUp,
        ForgotPassword,
        PasswordChange,
        ResendCode
    }

    /** Cognito's {@code EventResponseType}. */
    public enum Response {
        Pass,
        Fail,
        InProgress
    }

    /** The factors of {@code ChallengeResponseType.ChallengeName}. */
    public enum Factor {
        Password,
        Mfa
    }

    /**
     * A challenge the user answered during the event ({@code ChallengeResponseType}).
     *
     * @param factor which factor
     * @param success whether the answer was right
     */
    public record ChallengeOutcome(Factor factor, boolean success) {

        /** The password, answered right or wrong. */
        public static ChallengeOutcome password(boolean success) {
            return new ChallengeOutcome(Factor.Password, success);
        }

        /** A second factor, answered right or wrong. */
        public static ChallengeOutcome mfa(boolean success) {
            return new ChallengeOutcome(Factor.Mfa, success);
        }
    }

    /**
     * Feedback on an event ({@code EventFeedbackType}).
     *
     * @param valid whether the event was said to be the user's own ({@code Valid}) or not ({@code Invalid})
     * @param provider who said so: {@code Admin} through AdminUpdateAuthEventFeedback, {@code User} through
     *     UpdateAuthEventFeedback
     * @param date when
     */
    public record Feedback(boolean valid, String provider, Instant date) {}
}
