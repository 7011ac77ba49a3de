package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.List;
import java.util.Map;

/** Cognito's rules for the username a new user is created with. */
public final class Usernames {

    private Usernames() {}

    /**
     * Checks a new user's username against the pool's sign-in settings: an email or phone number where those are
     * the username, and not one where they are aliases.
     */
    public static void check(UserPool pool, String username) {
        List<String> signIn = pool.usernameAttributes();
        if (!signIn.isEmpty()) {
            boolean email = signIn.contains("email") && AttributeRules.isEmail(username);
            boolean phone = signIn.contains("phone_number") && AttributeRules.isPhoneNumber(username);
            if (!email && !phone) {
                if (signIn.size() == 2) {
                    throw Errors.invalidParameter("Username should be either an email or a phone number.");
                }
                throw Errors.invalidParameter(
                        signIn.contains("email")
                                ? "Username should be an email."
                                : "Username should be a phone number.");
            }
            return;
        }
        if (pool.aliasAttributes().contains("email") && AttributeRules.isEmail(username)) {
            throw Errors.invalidParameter(
                    "Username cannot be of email format, since user pool is configured for email alias.");
        }
        if (pool.aliasAttributes().contains("phone_number") && AttributeRules.isPhoneNumber(username)) {
            throw Errors.invalidParameter(
                    "Username cannot be of phone number format, since user pool is configured for phone number alias.");
        }
    }

    /**
     * The internal username of a new user. In pools where users sign in with an email or phone number, that value
     * becomes an attribute and the {@code sub} becomes the username.
     *
     * @param attributes the new user's attributes, completed with the sign-in attribute where it applies
     */
    public static String internalUsername(UserPool pool, String username, String sub, Map<String, String> attributes) {
        if (!pool.hasUsernameAttributes()) {
            return username;
        }
        attributes.put(AttributeRules.isEmail(username) ? "email" : "phone_number", username);
        return sub;
    }
}
