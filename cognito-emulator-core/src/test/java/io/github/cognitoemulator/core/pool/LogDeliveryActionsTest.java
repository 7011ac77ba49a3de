package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogDeliveryActionsTest {

    private static final String LOG_GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:cognito";

    private static final Map<String, Object> NOTIFICATIONS = Map.of(
            "LogLevel", "ERROR",
            "EventSource", "userNotification",
            "CloudWatchLogsConfiguration", Map.of("LogGroupArn", LOG_GROUP));

    private static final Map<String, Object> AUTH_EVENTS = Map.of(
            "LogLevel", "INFO",
            "EventSource", "userAuthEvents",
            "S3Configuration", Map.of("BucketArn", "arn:aws:s3:::logs"));

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("UserPoolTier", "PLUS"));

    private Reply set(String poolId, List<?> configurations) {
        return this.fixture.call(
                "SetLogDeliveryConfiguration", Map.of("UserPoolId", poolId, "LogConfigurations", configurations));
    }

    private Reply get(String poolId) {
        return this.fixture.call("GetLogDeliveryConfiguration", Map.of("UserPoolId", poolId));
    }

    @Test
    void aNewPoolDeliversNoLogs() {
        assertThat(get(this.poolId).json())
                .isEqualTo(Map.of(
                        "LogDeliveryConfiguration", Map.of("UserPoolId", this.poolId, "LogConfigurations", List.of())));
    }

    @Test
    void setAnswersAndKeepsTheConfiguration() {
        Map<String, Object> expected = Map.of(
                "LogDeliveryConfiguration",
                Map.of("UserPoolId", this.poolId, "LogConfigurations", List.of(NOTIFICATIONS, AUTH_EVENTS)));

        assertThat(set(this.poolId, List.of(NOTIFICATIONS, AUTH_EVENTS)).json()).isEqualTo(expected);
        assertThat(get(this.poolId).json()).isEqualTo(expected);

        set(this.poolId, List.of()).requireSuccess();
        assertThat(get(this.poolId).json())
                .isEqualTo(Map.of(
                        "LogDeliveryConfiguration", Map.of("UserPoolId", this.poolId, "LogConfigurations", List.of())));
    }

    @Test
    void firehoseIsADestinationForUserActivity() {
        Map<String, Object> firehose = Map.of(
                "LogLevel",
                "INFO",
                "EventSource",
                "userAuthEvents",
                "FirehoseConfiguration",
                Map.of("StreamArn", "arn:aws:firehose:us-east-1:000000000000:deliverystream/s"));

        assertThat(set(this.poolId, List.of(firehose)).json())
                .isEqualTo(Map.of(
                        "LogDeliveryConfiguration",
                        Map.of("UserPoolId", this.poolId, "LogConfigurations", List.of(firehose))));
    }

    @Test
    void userActivityLogsNeedThePlusPlan() {
        String essentials = this.fixture.createPool();

        assertThat(set(essentials, List.of(AUTH_EVENTS)).error())
                .isEqualTo("400 FeatureUnavailableInTierException: Exporting userAuthEvents logs requires the Plus"
                        + " feature plan.");
        assertThat(set(essentials, List.of(NOTIFICATIONS)).status()).isEqualTo(200);
    }

    @Test
    void eachEventSourceOnce() {
        assertThat(set(this.poolId, List.of(NOTIFICATIONS, NOTIFICATIONS)).error())
                .isEqualTo("400 InvalidParameterException: Only one log configuration is allowed per event source:"
                        + " userNotification");
    }

    @Test
    void exactlyOneDestination() {
        assertThat(set(this.poolId, List.of(Map.of("LogLevel", "ERROR", "EventSource", "userNotification")))
                        .error())
                .isEqualTo("400 InvalidParameterException: Exactly one log destination must be configured for event"
                        + " source userNotification.");
        assertThat(set(
                                this.poolId,
                                List.of(Map.of(
                                        "LogLevel",
                                        "INFO",
                                        "EventSource",
                                        "userAuthEvents",
                                        "S3Configuration",
                                        Map.of("BucketArn", "arn:aws:s3:::logs"),
                                        "CloudWatchLogsConfiguration",
                                        Map.of("LogGroupArn", LOG_GROUP))))
                        .error())
                .isEqualTo("400 InvalidParameterException: Exactly one log destination must be configured for event"
                        + " source userAuthEvents.");
    }

    @Test
    void levelsFollowTheEventSource() {
        assertThat(set(
                                this.poolId,
                                List.of(Map.of(
                                        "LogLevel", "INFO",
                                        "EventSource", "userNotification",
                                        "CloudWatchLogsConfiguration", Map.of("LogGroupArn", LOG_GROUP))))
                        .error())
                .isEqualTo("400 InvalidParameterException: Event source userNotification supports only log level"
                        + " ERROR.");
        assertThat(set(
                                this.poolId,
                                List.of(Map.of(
                                        "LogLevel", "ERROR",
                                        "EventSource", "userAuthEvents",
                                        "CloudWatchLogsConfiguration", Map.of("LogGroupArn", LOG_GROUP))))
                        .error())
                .isEqualTo("400 InvalidParameterException: Event source userAuthEvents supports only log level INFO.");
    }

    @Test
    void notificationsGoToCloudWatchOnly() {
        assertThat(set(
                                this.poolId,
                                List.of(Map.of(
                                        "LogLevel", "ERROR",
                                        "EventSource", "userNotification",
                                        "S3Configuration", Map.of("BucketArn", "arn:aws:s3:::logs"))))
                        .error())
                .isEqualTo("400 InvalidParameterException: Event source userNotification supports only CloudWatch"
                        + " Logs as destination.");
        assertThat(get(this.poolId).at("LogDeliveryConfiguration", "LogConfigurations"))
                .isEqualTo(List.of());
    }

    @Test
    void unknownPoolsAreNotFound() {
        assertThat(get("us-east-1_missing00").error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
        assertThat(set("us-east-1_missing00", List.of()).error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void theListIsRequired() {
        assertThat(this.fixture
                        .call("SetLogDeliveryConfiguration", Map.of("UserPoolId", this.poolId))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'logConfigurations' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void theRecordRoundTripsThroughAJdbcStore() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_logs00001"));
            LogDeliveryActions.LogDelivery value = new LogDeliveryActions.LogDelivery(List.of(
                    new LogDeliveryActions.LogConfiguration("ERROR", "userNotification", LOG_GROUP, null, null),
                    new LogDeliveryActions.LogConfiguration("INFO", "userAuthEvents", null, "arn:aws:s3:::b", null)));

            assertThat(store.resources()
                            .create(
                                    LogDeliveryActions.LOG_DELIVERY,
                                    "us-east-1_logs00001",
                                    "us-east-1_logs00001",
                                    value))
                    .isTrue();

            assertThat(store.resources()
                            .find(LogDeliveryActions.LOG_DELIVERY, "us-east-1_logs00001")
                            .orElseThrow()
                            .value())
                    .isEqualTo(value);
        }
    }
}
