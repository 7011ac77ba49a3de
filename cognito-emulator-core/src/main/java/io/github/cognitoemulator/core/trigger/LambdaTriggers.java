package io.github.cognitoemulator.core.trigger;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The handlers that stand in for Lambda functions: bound to a function name (or a whole ARN) that pools name in
 * their {@code LambdaConfig}, or to every pool.
 *
 * <p>A pool that names a function for a trigger runs the handler bound to that name; when there is none, the trigger
 * fails as a function Cognito cannot invoke does. A pool that names none runs the handler bound to every pool, if
 * any.
 */
public final class LambdaTriggers {

    private static final LambdaTriggers NONE = builder().build();

    private final Map<String, LambdaTrigger> functions;

    private final List<LambdaTrigger> forAllPools;

    private LambdaTriggers(Builder builder) {
        this.functions = Map.copyOf(builder.functions);
        this.forAllPools = List.copyOf(builder.forAllPools);
    }

    /** No handlers: every configured function is unreachable. */
    public static LambdaTriggers none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The handler of {@code type} for {@code pool}, if the pool has one.
     *
     * @param handlerType the interface the handler must implement
     * @throws CognitoException {@code UnexpectedLambdaException} when the pool names a function that has no handler
     *     of that interface
     */
    public <T extends LambdaTrigger> Optional<T> find(UserPool pool, TriggerType type, Class<T> handlerType) {
        Optional<String> arn = LambdaConfig.of(pool).functionArn(type);
        if (arn.isEmpty()) {
            return this.forAllPools.stream()
                    .filter(handlerType::isInstance)
                    .map(handlerType::cast)
                    .findFirst();
        }
        LambdaTrigger handler = this.functions.get(arn.get());
        String name = LambdaConfig.functionName(arn.get());
        if (handler == null && name != null) {
            handler = this.functions.get(name);
        }
        if (!handlerType.isInstance(handler)) {
            throw unreachable(type);
        }
        return Optional.of(handlerType.cast(handler));
    }

    /** What Cognito answers when Lambda has no such function. */
    static CognitoException unreachable(TriggerType type) {
        return ErrorType.UNEXPECTED_LAMBDA.exception(
                type.configName() + " invocation failed due to error ResourceNotFoundException.");
    }

    /** What Cognito answers when a function returns something it cannot read. */
    static CognitoException unrecognizable() {
        return ErrorType.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
    }

    /**
     * Runs a handler as Cognito runs a function: what it throws becomes {@code UserLambdaValidationException}, and
     * no response {@code InvalidLambdaResponseException}.
     */
    static <R> R invoke(TriggerType type, Supplier<@Nullable R> call) {
        R response = run(type, call);
        if (response == null) {
            throw unrecognizable();
        }
        return response;
    }

    /** Runs a handler that returns nothing, as {@link #invoke(TriggerType, Supplier)}. */
    static void invoke(TriggerType type, Runnable call) {
        run(type, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    private static <R> @Nullable R run(TriggerType type, Supplier<@Nullable R> call) {
        try {
            return call.get();
        } catch (RuntimeException ex) {
            throw ErrorType.USER_LAMBDA_VALIDATION.exception(
                    type.configName() + " failed with error " + ex.getMessage() + ".");
        }
    }

    /** Configures {@link LambdaTriggers}. */
    public static final class Builder {

        private final Map<String, LambdaTrigger> functions = new LinkedHashMap<>();

        private final List<LambdaTrigger> forAllPools = new ArrayList<>();

        private Builder() {}

        /**
         * Binds a handler to a function: pools whose {@code LambdaConfig} names it (by an ARN ending in
         * {@code :function:<name>}, or by this exact ARN) run it for the triggers whose interfaces it implements.
         *
         * @param functionNameOrArn the function name, or a whole Lambda ARN
         * @throws IllegalArgumentException when another handler is already bound to that name
         */
        public Builder function(String functionNameOrArn, LambdaTrigger handler) {
            Objects.requireNonNull(functionNameOrArn, "'functionNameOrArn' must not be null");
            Objects.requireNonNull(handler, "'handler' must not be null");
            if (this.functions.putIfAbsent(functionNameOrArn, handler) != null) {
                throw new IllegalArgumentException("A handler is already bound to '" + functionNameOrArn + "'");
            }
            return this;
        }

        /**
         * Binds a handler to every pool whose {@code LambdaConfig} names no function for the triggers it implements.
         */
        public Builder forAllPools(LambdaTrigger handler) {
            this.forAllPools.add(Objects.requireNonNull(handler, "'handler' must not be null"));
            return this;
        }

        public LambdaTriggers build() {
            return new LambdaTriggers(this);
        }
    }
}
