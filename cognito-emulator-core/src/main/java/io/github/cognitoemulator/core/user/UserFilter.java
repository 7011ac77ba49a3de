package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.Errors;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A ListUsers filter: {@code attribute = "value"} for an exact match or {@code attribute ^= "value"} for a prefix,
 * on one of the attributes Cognito can search.
 *
 * @param attribute the attribute searched
 * @param prefix whether the value is a prefix rather than the whole value
 * @param value the value, with its escapes resolved
 */
public record UserFilter(String attribute, boolean prefix, String value) implements Predicate<User> {

    /** The attributes ListUsers can filter on. */
    public static final Set<String> SEARCHABLE = Set.of(
            "username",
            "email",
            "phone_number",
            "name",
            "given_name",
            "family_name",
            "preferred_username",
            "cognito:user_status",
            "status",
            "sub");

    private static final Pattern GRAMMAR =
            Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    /** Parses a filter; {@code null} for a blank one, which matches every user. */
    public static @Nullable UserFilter parse(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        Matcher matcher = GRAMMAR.matcher(filter);
        if (!matcher.matches() || !SEARCHABLE.contains(matcher.group(1))) {
            throw Errors.invalidParameter("Error while parsing filter.");
        }
        String value = matcher.group(3).replaceAll("\\\\(.)", "$1");
        return new UserFilter(matcher.group(1), matcher.group(2).equals("^="), value);
    }

    @Override
    public boolean test(User user) {
        return switch (this.attribute) {
            case "username" -> matches(user.username(), this.value);
            case "cognito:user_status" ->
                matches(user.status().name().toLowerCase(Locale.ROOT), this.value.toLowerCase(Locale.ROOT));
            case "status" -> matches(user.enabled() ? "Enabled" : "Disabled", this.value);
            default -> {
                String actual = user.attribute(this.attribute);
                yield actual != null && matches(actual, this.value);
            }
        };
    }

    private boolean matches(String actual, String expected) {
        return this.prefix ? actual.startsWith(expected) : actual.equals(expected);
    }
}
