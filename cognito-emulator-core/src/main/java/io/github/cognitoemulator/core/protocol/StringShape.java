package io.github.cognitoemulator.core.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The constraints the Cognito service model puts on a string member: length, pattern, enumeration and whether the
 * value is sensitive (left out of validation messages).
 *
 * @param minLength the shortest value allowed
 * @param maxLength the longest value allowed
 * @param pattern the regular expression the whole value must match, or {@code null}
 * @param allowedValues the enumeration, empty when any value is allowed
 * @param sensitive whether the value must never be echoed back
 */
public record StringShape(
        int minLength, int maxLength, @Nullable Pattern pattern, List<String> allowedValues, boolean sensitive) {

    /** Any string. */
    public static final StringShape ANY = new StringShape(0, Integer.MAX_VALUE, null, List.of(), false);

    public StringShape {
        allowedValues = List.copyOf(allowedValues);
    }

    /** A string between {@code min} and {@code max} characters long. */
    public static StringShape length(int min, int max) {
        return new StringShape(min, max, null, List.of(), false);
    }

    /** A string that is one of the given values. */
    public static StringShape oneOf(String... values) {
        return new StringShape(0, Integer.MAX_VALUE, null, List.of(values), false);
    }

    /** This shape, also requiring the value to match {@code regex} as a whole. */
    public StringShape pattern(String regex) {
        return new StringShape(
                this.minLength, this.maxLength, Pattern.compile(regex), this.allowedValues, this.sensitive);
    }

    /** This shape, marked as holding a secret the service never repeats. */
    public StringShape asSensitive() {
        return new StringShape(this.minLength, this.maxLength, this.pattern, this.allowedValues, true);
    }

    /**
     * The constraints {@code value} breaks, in the wording of Cognito's validation messages. Cognito's service
     * framework prints an enumeration in the iteration order of a Java hash set ({@code [OPTIONAL, OFF, ON]},
     * {@code [implicit, client_credentials, code]}), not in the model's order, and so does this.
     */
    List<String> violations(String value) {
        if (!this.allowedValues.isEmpty()) {
            return this.allowedValues.contains(value)
                    ? List.of()
                    : List.of("Member must satisfy enum value set: " + new HashSet<>(this.allowedValues));
        }
        var violations = new java.util.ArrayList<String>(2);
        if (this.pattern != null && !this.pattern.matcher(value).matches()) {
            violations.add("Member must satisfy regular expression pattern: " + this.pattern.pattern());
        }
        int length = value.codePointCount(0, value.length());
        if (length < this.minLength) {
            violations.add("Member must have length greater than or equal to " + this.minLength);
        }
        if (length > this.maxLength) {
            violations.add("Member must have length less than or equal to " + this.maxLength);
        }
        return violations;
    }
}
