package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.Errors;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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

    /** Each status as filters compare it, made once rather than for every user an index holds. */
    private static final Map<UserStatus, String> LOWER_CASE_STATUSES = lowerCaseStatuses();

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

    /**
     * The value a user has for a searchable attribute, as an index keeps it; {@code null} when the user has none.
     */
    public static @Nullable String searchValue(User user, String attribute) {
        return switch (attribute) {
            case "username" -> user.username();
            case "cognito:user_status" -> LOWER_CASE_STATUSES.get(user.status());
            case "status" -> user.enabled() ? "Enabled" : "Disabled";
            case "sub" -> user.sub();
            default -> user.attribute(attribute);
        };
    }

    private static Map<UserStatus, String> lowerCaseStatuses() {
        Map<UserStatus, String> statuses = new EnumMap<>(UserStatus.class);
        for (UserStatus status : UserStatus.values()) {
            statuses.put(status, status.name().toLowerCase(Locale.ROOT));
        }
        return statuses;
    }

    /** A filter value as an index compares it: statuses match regardless of case. */
    public static String normalizedValue(String attribute, String value) {
        return attribute.equals("cognito:user_status") ? value.toLowerCase(Locale.ROOT) : value;
    }

    @Override
    public boolean test(User user) {
        String actual = searchValue(user, this.attribute);
        return actual != null
                && matches(normalizedValue(this.attribute, actual), normalizedValue(this.attribute, this.value));
    }

    private boolean matches(String actual, String expected) {
        return this.prefix ? actual.startsWith(expected) : actual.equals(expected);
    }
}
