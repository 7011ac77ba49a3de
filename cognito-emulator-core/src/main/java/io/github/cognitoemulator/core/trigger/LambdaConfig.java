package io.github.cognitoemulator.core.trigger;

import io.github.cognitoemulator.core.pool.UserPool;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of a pool's {@code LambdaConfig}: the function ARN of each trigger and the event version of the pre
 * token generation trigger.
 *
 * @param functionArns the ARN of each configured trigger
 * @param preTokenGenerationVersion {@code V1_0}, {@code V2_0} or {@code V3_0}
 */
public record LambdaConfig(Map<TriggerType, String> functionArns, String preTokenGenerationVersion) {

    /** The member of {@code UserPoolType} that holds it. */
    public static final String MEMBER = "LambdaConfig";

    public LambdaConfig {
        functionArns = Map.copyOf(functionArns);
    }

    /** The pool's triggers, as CreateUserPool and UpdateUserPool stored them. */
    public static LambdaConfig of(UserPool pool) {
        Map<TriggerType, String> arns = new EnumMap<>(TriggerType.class);
        String version = "V1_0";
        if (pool.settings().get(MEMBER) instanceof Map<?, ?> config) {
            for (TriggerType type : TriggerType.values()) {
                if (config.get(type.configName()) instanceof String arn) {
                    arns.put(type, arn);
                }
            }
            // PreTokenGenerationConfig's ARN is the same as PreTokenGeneration's when both are set; it alone may be.
            if (config.get("PreTokenGenerationConfig") instanceof Map<?, ?> preToken) {
                if (preToken.get("LambdaArn") instanceof String arn) {
                    arns.put(TriggerType.PRE_TOKEN_GENERATION, arn);
                }
                if (preToken.get("LambdaVersion") instanceof String lambdaVersion) {
                    version = lambdaVersion;
                }
            }
        }
        return new LambdaConfig(arns, version);
    }

    /** The function ARN configured for {@code type}. */
    public Optional<String> functionArn(TriggerType type) {
        return Optional.ofNullable(this.functionArns.get(type));
    }

    /**
     * The name of the function in a Lambda ARN, {@code arn:aws:lambda:<region>:<account>:function:<name>[:<alias>]},
     * or {@code null} when it is not one.
     */
    public static @Nullable String functionName(String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length < 7 || !"lambda".equals(parts[2]) || !"function".equals(parts[5])) {
            return null;
        }
        return parts[6];
    }
}
