package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GetLogDeliveryConfiguration and SetLogDeliveryConfiguration: where a pool would export its user-notification
 * error logs and, on the Plus plan, its threat-protection activity logs. The emulator sends no logs; it keeps the
 * configuration and answers it back.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html">SetLogDeliveryConfiguration</a>
 */
public final class LogDeliveryActions implements ActionFamily {

    /** A pool's log delivery configuration, keyed by the pool id. */
    static final ResourceKind<LogDelivery> LOG_DELIVERY = ResourceKind.of("log-delivery", LogDelivery.class);

    static final String USER_NOTIFICATION = "userNotification";

    static final String USER_AUTH_EVENTS = "userAuthEvents";

    private static final StringShape ARN = StringShape.length(20, 2048);

    private static final StringShape S3_ARN = StringShape.length(3, 1024);

    private final PoolStore pools;

    private final ResourceStore resources;

    /**
     * @param pools where pools are kept
     * @param resources where the configurations are kept
     */
    public LogDeliveryActions(PoolStore pools, ResourceStore resources) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add(
                "GetLogDeliveryConfiguration",
                UserPoolActions.UserPoolIdRequest::parse,
                this::getLogDeliveryConfiguration);
        registry.add("SetLogDeliveryConfiguration", SetRequest::parse, this::setLogDeliveryConfiguration);
    }

    Map<String, Object> getLogDeliveryConfiguration(UserPoolActions.UserPoolIdRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        List<LogConfiguration> configurations = this.resources
                .find(LOG_DELIVERY, pool.id())
                .map((resource) -> resource.value().logConfigurations())
                .orElse(List.of());
        return response(pool.id(), configurations);
    }

    Map<String, Object> setLogDeliveryConfiguration(SetRequest request, RequestContext context) {
        Set<String> sources = new HashSet<>();
        for (LogConfiguration configuration : request.logConfigurations()) {
            if (!sources.add(configuration.eventSource())) {
                throw Errors.invalidParameter(
                        "Only one log configuration is allowed per event source: " + configuration.eventSource());
            }
            configuration.validate();
        }
        while (true) {
            UserPool pool = this.pools.require(request.userPoolId(), context.region());
            if (sources.contains(USER_AUTH_EVENTS) && !pool.tier().equals("PLUS")) {
                throw ErrorType.FEATURE_UNAVAILABLE_IN_TIER.exception(
                        "Exporting userAuthEvents logs requires the Plus feature plan.");
            }
            Optional<Resource<LogDelivery>> current = this.resources.find(LOG_DELIVERY, pool.id());
            LogDelivery value = new LogDelivery(request.logConfigurations());
            ResourceChange change = current.<ResourceChange>map(
                            (resource) -> new ResourceChange.Replace<>(resource, value))
                    .orElseGet(() -> new ResourceChange.Create<>(LOG_DELIVERY, pool.id(), pool.id(), value));
            if (this.resources.write(List.of(change))) {
                return response(pool.id(), request.logConfigurations());
            }
        }
    }

    private static Map<String, Object> response(String userPoolId, List<LogConfiguration> configurations) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("UserPoolId", userPoolId);
        delivery.put(
                "LogConfigurations",
                configurations.stream().map(LogConfiguration::shape).toList());
        return Map.of("LogDeliveryConfiguration", delivery);
    }

    /**
     * A pool's log delivery configuration.
     *
     * @param logConfigurations one entry per event source, as last set
     */
    record LogDelivery(List<LogConfiguration> logConfigurations) {}

    /**
     * One {@code LogConfigurationType}.
     *
     * @param logLevel {@code ERROR} or {@code INFO}
     * @param eventSource {@code userNotification} or {@code userAuthEvents}
     * @param cloudWatchLogGroupArn the CloudWatch Logs destination, when given
     * @param s3BucketArn the S3 destination, when given
     * @param firehoseStreamArn the Firehose destination, when given
     */
    record LogConfiguration(
            String logLevel,
            String eventSource,
            @Nullable String cloudWatchLogGroupArn,
            @Nullable String s3BucketArn,
            @Nullable String firehoseStreamArn) {

        static LogConfiguration read(RequestReader in) {
            String level = in.requiredString("LogLevel", StringShape.oneOf("ERROR", "INFO"));
            String source = in.requiredString("EventSource", StringShape.oneOf(USER_NOTIFICATION, USER_AUTH_EVENTS));
            return new LogConfiguration(
                    level,
                    source,
                    arn(in.structure("CloudWatchLogsConfiguration"), "LogGroupArn", ARN),
                    arn(in.structure("S3Configuration"), "BucketArn", S3_ARN),
                    arn(in.structure("FirehoseConfiguration"), "StreamArn", ARN));
        }

        private static @Nullable String arn(@Nullable RequestReader destination, String member, StringShape shape) {
            return (destination != null) ? destination.string(member, shape) : null;
        }

        /**
         * Checks the pairing the API reference prescribes: user-notification logs are {@code ERROR} logs sent to
         * CloudWatch Logs; user-activity logs are {@code INFO} logs sent to one of the three destinations.
         */
        void validate() {
            int destinations =
                    count(this.cloudWatchLogGroupArn) + count(this.s3BucketArn) + count(this.firehoseStreamArn);
            if (destinations != 1) {
                throw Errors.invalidParameter(
                        "Exactly one log destination must be configured for event source " + this.eventSource + ".");
            }
            String level = this.eventSource.equals(USER_NOTIFICATION) ? "ERROR" : "INFO";
            if (!this.logLevel.equals(level)) {
                throw Errors.invalidParameter(
                        "Event source " + this.eventSource + " supports only log level " + level + ".");
            }
            if (this.eventSource.equals(USER_NOTIFICATION) && this.cloudWatchLogGroupArn == null) {
                throw Errors.invalidParameter(
                        "Event source userNotification supports only CloudWatch Logs as destination.");
            }
        }

        private static int count(@Nullable String arn) {
            return (arn != null) ? 1 : 0;
        }

        Map<String, Object> shape() {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("LogLevel", this.logLevel);
            shape.put("EventSource", this.eventSource);
            if (this.cloudWatchLogGroupArn != null) {
                shape.put("CloudWatchLogsConfiguration", Map.of("LogGroupArn", this.cloudWatchLogGroupArn));
            }
            if (this.s3BucketArn != null) {
                shape.put("S3Configuration", Map.of("BucketArn", this.s3BucketArn));
            }
            if (this.firehoseStreamArn != null) {
                shape.put("FirehoseConfiguration", Map.of("StreamArn", this.firehoseStreamArn));
            }
            return shape;
        }
    }

    /**
     * A SetLogDeliveryConfiguration request.
     *
     * @param userPoolId the pool
     * @param logConfigurations the configurations, replacing the previous ones
     */
    record SetRequest(String userPoolId, List<LogConfiguration> logConfigurations) {

        static SetRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            List<RequestReader> entries = in.structureList("LogConfigurations", 0, 2);
            List<LogConfiguration> configurations = new ArrayList<>();
            if (entries == null) {
                in.missing("LogConfigurations");
            } else {
                for (RequestReader entry : entries) {
                    configurations.add(LogConfiguration.read(entry));
                }
            }
            return new SetRequest(userPoolId, configurations);
        }
    }
}
