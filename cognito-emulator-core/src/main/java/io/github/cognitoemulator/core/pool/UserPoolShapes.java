package io.github.cognitoemulator.core.pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes user pools in Cognito's wire shapes. {@code UserPoolType} is a map rather than a record because most of its
 * members are settings the emulator stores and returns as they were given.
 */
final class UserPoolShapes {

    private UserPoolShapes() {}

    /** {@code UserPoolType}, as CreateUserPool and DescribeUserPool return it. */
    static Map<String, Object> userPoolType(UserPool pool, long estimatedNumberOfUsers) {
        Map<String, Object> shape = new TreeMap<>(pool.settings());
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("PasswordPolicy", pool.passwordPolicy());
        Object signInPolicy = shape.remove(UserPoolSettings.SIGN_IN_POLICY);
        if (signInPolicy != null) {
            policies.put("SignInPolicy", signInPolicy);
        }
        shape.put("Id", pool.id());
        shape.put("Name", pool.name());
        shape.put("Arn", pool.arn());
        shape.put("CreationDate", pool.creationDate());
        shape.put("LastModifiedDate", pool.lastModifiedDate());
        shape.put("EstimatedNumberOfUsers", estimatedNumberOfUsers);
        shape.put("Policies", policies);
        shape.put("SchemaAttributes", pool.schema());
        putIfNotEmpty(shape, "AutoVerifiedAttributes", pool.autoVerifiedAttributes());
        putIfNotEmpty(shape, "AliasAttributes", pool.aliasAttributes());
        putIfNotEmpty(shape, "UsernameAttributes", pool.usernameAttributes());
        shape.put("MfaConfiguration", pool.mfaConfiguration());
        shape.put("DeletionProtection", pool.deletionProtection());
        return shape;
    }

    /** {@code UserPoolDescriptionType}, as ListUserPools returns it. */
    static Map<String, Object> userPoolDescription(UserPool pool) {
        Map<String, Object> shape = new TreeMap<>();
        shape.put("Id", pool.id());
        shape.put("Name", pool.name());
        shape.put("LambdaConfig", pool.settings().getOrDefault(UserPoolSettings.LAMBDA_CONFIG, Map.of()));
        shape.put("CreationDate", pool.creationDate());
        shape.put("LastModifiedDate", pool.lastModifiedDate());
        return shape;
    }

    private static void putIfNotEmpty(Map<String, Object> shape, String member, List<String> values) {
        if (!values.isEmpty()) {
            shape.put(member, values);
        }
    }
}
