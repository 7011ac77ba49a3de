package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inputs of a pool's sign-up form: the name users sign in with (a username, an email address or a phone number,
 * by the pool's {@code UsernameAttributes}), the password, and each attribute the pool's schema requires.
 */
final class SignUpFields {

    /** The field holding the name the user signs in with. */
    static final String USERNAME = "username";

    /** The field holding the password; never shown again. */
    static final String PASSWORD = "password";

    /** Labels and input kinds of the standard attributes a schema may require; others read as their name. */
    private static final Map<String, Field> STANDARD = Map.ofEntries(
            attribute("email", "Email address", "email", "email"),
            attribute("phone_number", "Phone number", "tel", "tel"),
            attribute("name", "Name", "text", "name"),
            attribute("given_name", "Given name", "text", "given-name"),
            attribute("family_name", "Family name", "text", "family-name"),
            attribute("middle_name", "Middle name", "text", "additional-name"),
            attribute("nickname", "Nickname", "text", "nickname"),
            attribute("preferred_username", "Preferred username", "text", "off"),
            attribute("birthdate", "Birthdate (YYYY-MM-DD)", "text", "bday"),
            attribute("gender", "Gender", "text", "sex"),
            attribute("address", "Address", "text", "street-address"),
            attribute("locale", "Locale", "text", "language"),
            attribute("zoneinfo", "Time zone", "text", "off"),
            attribute("website", "Website", "text", "url"),
            attribute("profile", "Profile page", "text", "url"),
            attribute("picture", "Picture URL", "text", "photo"),
            attribute("updated_at", "Updated at (seconds since 1970)", "text", "off"));

    private SignUpFields() {}

    /**
     * The field for the name a user of {@code pool} signs up and signs in with.
     *
     * @see io.github.cognitoemulator.core.user.Usernames
     */
    static Field username(UserPool pool) {
        List<String> signIn = pool.usernameAttributes();
        if (signIn.size() == 2) {
            return new Field(USERNAME, "Email address or phone number", "text", "username");
        }
        if (signIn.contains("email")) {
            return new Field(USERNAME, "Email address", "email", "username");
        }
        if (signIn.contains("phone_number")) {
            return new Field(USERNAME, "Phone number", "tel", "username");
        }
        return new Field(USERNAME, "Username", "text", "username");
    }

    /**
     * The attribute fields of {@code pool}'s sign-up form, in schema order: every required attribute but the one the
     * username already gives (in pools signing in with only an email address, or only a phone number).
     */
    static List<Field> attributes(UserPool pool) {
        List<String> signIn = pool.usernameAttributes();
        List<Field> fields = new ArrayList<>();
        for (SchemaAttribute attribute : pool.schema()) {
            boolean givenByUsername = signIn.size() == 1 && signIn.contains(attribute.name());
            if (attribute.required() && !givenByUsername) {
                fields.add(STANDARD.getOrDefault(
                        attribute.name(), new Field(attribute.name(), attribute.name(), "text", "off")));
            }
        }
        return fields;
    }

    /**
     * The pool's password policy in a sentence, shown before a new password is chosen: {@code Passwords need at least
     * 8 characters, with an uppercase letter, a lowercase letter, a number and a symbol.}
     */
    static String passwordRules(PasswordPolicy policy) {
        List<String> classes = new ArrayList<>();
        if (policy.requireUppercase()) {
            classes.add("an uppercase letter");
        }
        if (policy.requireLowercase()) {
            classes.add("a lowercase letter");
        }
        if (policy.requireNumbers()) {
            classes.add("a number");
        }
        if (policy.requireSymbols()) {
            classes.add("a symbol");
        }
        String length = "Passwords need at least " + policy.minimumLength() + " characters";
        if (classes.isEmpty()) {
            return length + ".";
        }
        String last = classes.remove(classes.size() - 1);
        return length + ", with " + (classes.isEmpty() ? last : String.join(", ", classes) + " and " + last) + ".";
    }

    private static Map.Entry<String, Field> attribute(String name, String label, String type, String autocomplete) {
        return Map.entry(name, new Field(name, label, type, autocomplete));
    }

    /**
     * One input.
     *
     * @param name the form field, the attribute's name for an attribute
     * @param label the visible label
     * @param type the input type: {@code text}, {@code email} or {@code tel}
     * @param autocomplete the autocomplete token
     */
    record Field(String name, String label, String type, String autocomplete) {

        Field {
            Objects.requireNonNull(name, "'name' must not be null");
            Objects.requireNonNull(label, "'label' must not be null");
            Objects.requireNonNull(type, "'type' must not be null");
            Objects.requireNonNull(autocomplete, "'autocomplete' must not be null");
        }
    }
}
