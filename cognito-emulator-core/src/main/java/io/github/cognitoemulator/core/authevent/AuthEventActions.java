package io.github.cognitoemulator.core.authevent;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.support.PageTokens;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AdminListUserAuthEvents, AdminUpdateAuthEventFeedback and UpdateAuthEventFeedback: a user's sign-in history, kept
 * by pools with threat protection, and the feedback given on its events.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html">AdminListUserAuthEvents</a>
 */
public final class AuthEventActions implements ActionFamily {

    /** The most events a page holds, and the size of a page when the request names none or 0. */
    static final int MAX_PAGE_SIZE = 60;

    private static final StringShape EVENT_ID = StringShape.length(1, 50).pattern("[\\w+-]+");

    private static final StringShape FEEDBACK_VALUE = StringShape.oneOf("Valid", "Invalid");

    private final PoolStore pools;

    private final UserDirectory users;

    private final AuthEventLog log;

    private final Clock clock;

    public AuthEventActions(PoolStore pools, UserDirectory users, AuthEventLog log, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.log = Objects.requireNonNull(log, "'log' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("AdminListUserAuthEvents", ListRequest::parse, this::adminListUserAuthEvents);
        registry.add("AdminUpdateAuthEventFeedback", FeedbackRequest::parseAdmin, this::updateAuthEventFeedback);
        registry.addUnsigned("UpdateAuthEventFeedback", FeedbackRequest::parse, this::updateAuthEventFeedback);
    }

    Map<String, Object> adminListUserAuthEvents(ListRequest request, RequestContext context) {
        UserPool pool = requireHistory(request.userPoolId(), context);
        User user = this.users.resolve(pool, request.username()).orElseThrow(Errors::userNotFound);
        List<AuthEvent> events = this.log.events(pool, user);
        // The page token names the event id that starts the next page, in the newest-first order of the history.
        int start = 0;
        if (request.nextToken() != null) {
            String first = PageTokens.keyOf(request.nextToken());
            start = events.size();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).eventId().equals(first)) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(events.size(), start + request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "AuthEvents",
                events.subList(start, end).stream()
                        .map(AuthEventActions::authEventType)
                        .toList());
        if (end < events.size()) {
            response.put("NextToken", PageTokens.tokenFor(events.get(end).eventId()));
        }
        return response;
    }

    @Nullable
    Object updateAuthEventFeedback(FeedbackRequest request, RequestContext context) {
        UserPool pool = requireHistory(request.userPoolId(), context);
        User user = this.users.resolve(pool, request.username()).orElseThrow(Errors::userNotFound);
        Resource<AuthEvent> event =
                this.log.find(pool, user, request.eventId()).orElseThrow(AuthEventActions::eventNotFound);
        if (request.feedbackToken() != null
                && !MessageDigest.isEqual(
                        event.value().feedbackToken().getBytes(StandardCharsets.UTF_8),
                        request.feedbackToken().getBytes(StandardCharsets.UTF_8))) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid feedback token.");
        }
        AuthEvent.Feedback feedback = new AuthEvent.Feedback(
                "Valid".equals(request.feedbackValue()),
                (request.feedbackToken() != null) ? "User" : "Admin",
                this.clock.instant());
        if (!this.log.giveFeedback(pool, user, request.eventId(), feedback)) {
            throw eventNotFound();
        }
        return null;
    }

    private UserPool requireHistory(String userPoolId, RequestContext context) {
        UserPool pool = this.pools.require(userPoolId, context.region());
        if (!AuthEventLog.keepsHistory(pool)) {
            throw ErrorType.USER_POOL_ADD_ON_NOT_ENABLED.exception(
                    "Advanced security features are not enabled for this user pool.");
        }
        return pool;
    }

    private static io.github.cognitoemulator.core.error.CognitoException eventNotFound() {
        return ErrorType.RESOURCE_NOT_FOUND.exception("Auth event not found.");
    }

    /** {@code AuthEventType}. The emulator assesses no risk, so every event is {@code NoRisk}. */
    static Map<String, Object> authEventType(AuthEvent event) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("EventId", event.eventId());
        shape.put("EventType", event.eventType().name());
        shape.put("CreationDate", event.creationDate());
        shape.put("EventResponse", event.response().name());
        shape.put("EventRisk", Map.of("RiskDecision", "NoRisk", "CompromisedCredentialsDetected", false));
        shape.put(
                "ChallengeResponses",
                event.challenges().stream()
                        .map((challenge) -> Map.of(
                                "ChallengeName",
                                challenge.factor().name(),
                                "ChallengeResponse",
                                challenge.success() ? "Success" : "Failure"))
                        .toList());
        AuthEvent.Feedback feedback = event.feedback();
        if (feedback != null) {
            shape.put(
                    "EventFeedback",
                    Map.of(
                            "FeedbackValue",
                            feedback.valid() ? "Valid" : "Invalid",
                            "Provider",
                            feedback.provider(),
                            "FeedbackDate",
                            feedback.date()));
        }
        return shape;
    }

    /**
     * An AdminListUserAuthEvents request.
     *
     * @param userPoolId the pool
     * @param username the user's username, alias or sub
     * @param maxResults the page size
     * @param nextToken where the page starts, or {@code null}
     */
    record ListRequest(
            String userPoolId,
            String username,
            int maxResults,
            @Nullable String nextToken) {

        static ListRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            Integer maxResults = in.integer("MaxResults", IntShape.range(0, MAX_PAGE_SIZE));
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            return new ListRequest(
                    userPoolId,
                    username,
                    (maxResults != null && maxResults > 0) ? maxResults : MAX_PAGE_SIZE,
                    nextToken);
        }
    }

    /**
     * An AdminUpdateAuthEventFeedback or UpdateAuthEventFeedback request.
     *
     * @param userPoolId the pool
     * @param username the user's username, alias or sub
     * @param eventId the event
     * @param feedbackToken the token from the notification, for UpdateAuthEventFeedback; {@code null} for the admin
     *     action
     * @param feedbackValue {@code Valid} or {@code Invalid}
     */
    record FeedbackRequest(
            String userPoolId,
            String username,
            String eventId,
            @Nullable String feedbackToken,
            String feedbackValue) {

        static FeedbackRequest parseAdmin(RequestReader in) {
            return new FeedbackRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME),
                    in.requiredString("EventId", EVENT_ID),
                    null,
                    in.requiredString("FeedbackValue", FEEDBACK_VALUE));
        }

        static FeedbackRequest parse(RequestReader in) {
            return new FeedbackRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME),
                    in.requiredString("EventId", EVENT_ID),
                    in.requiredString("FeedbackToken", Shapes.ACCESS_TOKEN),
                    in.requiredString("FeedbackValue", FEEDBACK_VALUE));
        }

        /** A description without the feedback token. */
        @Override
        public String toString() {
            return "FeedbackRequest[userPoolId=" + this.userPoolId + ", username=" + this.username + ", eventId="
                    + this.eventId + ", feedbackToken=" + Redacted.secret(this.feedbackToken) + ", feedbackValue="
                    + this.feedbackValue + "]";
        }
    }
}
