package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The NEW_PASSWORD_REQUIRED challenge: what Cognito sends with it, and how an answer completes it. */
final class NewPasswordChallenge {

    private static final String ATTRIBUTE_PREFIX = "userAttributes.";

    private NewPasswordChallenge() {}

    /**
     * The challenge parameters: the user's attributes and the required ones still missing, each as a JSON string,
     * as Cognito sends them.
     */
    static Map<String, String> parameters(UserPool pool, User user) {
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        attributes.remove("sub");
        List<String> required = new ArrayList<>();
        for (SchemaAttribute attribute : pool.schema()) {
            if (isMissingRequired(attribute, user)) {
                required.add(ATTRIBUTE_PREFIX + attribute.name());
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USER_ID_FOR_SRP", user.username());
        parameters.put("requiredAttributes", json(required));
        parameters.put("userAttributes", json(attributes));
        return parameters;
    }

    /**
     * Checks an answer: the new password against the policy, and the attributes sent as {@code userAttributes.<name>},
     * which must leave every required attribute with a value.
     *
     * @return the attribute changes the answer makes, to apply to the freshest copy of the user; applying them
     *     checks them again
     */
    static UnaryOperator<User> check(
            UserPool pool, User user, String newPassword, Map<String, String> responses, Instant now) {
        PasswordChanges.checkPolicy(pool, newPassword);
        UnaryOperator<User> change = (current) -> withAnsweredAttributes(pool, current, responses, now);
        change.apply(user);
        return change;
    }

    private static User withAnsweredAttributes(UserPool pool, User user, Map<String, String> responses, Instant now) {
        List<AttributeRules.Attribute> changes = new ArrayList<>();
        for (Map.Entry<String, String> response : responses.entrySet()) {
            if (response.getKey().startsWith(ATTRIBUTE_PREFIX)) {
                String name = response.getKey().substring(ATTRIBUTE_PREFIX.length());
                boolean required =
                        pool.attribute(name).map(SchemaAttribute::required).orElse(false);
                if (required && user.attribute(name) != null) {
                    throw ErrorType.NOT_AUTHORIZED.exception("Cannot modify an already provided " + name);
                }
                changes.add(new AttributeRules.Attribute(name, response.getValue()));
            }
        }
        AttributeRules.check(pool, changes, user);
        User withAttributes = user.withAttributes(AttributeRules.apply(user, changes), now);
        for (SchemaAttribute attribute : pool.schema()) {
            if (isMissingRequired(attribute, withAttributes)) {
                throw Errors.invalidParameter("Invalid attributes given, " + attribute.name() + " is missing");
            }
        }
        return withAttributes;
    }

    private static boolean isMissingRequired(SchemaAttribute attribute, User user) {
        return attribute.required() && !attribute.name().equals("sub") && user.attribute(attribute.name()) == null;
    }

    private static String json(Object value) {
        return new String(CognitoJson.write(value), StandardCharsets.UTF_8);
    }
}
