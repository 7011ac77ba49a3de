package io.github.cognitoemulator.core.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user pool's password policy ({@code PasswordPolicyType}), enforced on every password that is set.
 *
 * @param minimumLength the fewest characters a password may have
 * @param requireUppercase whether a password needs an uppercase letter
 * @param requireLowercase whether a password needs a lowercase letter
 * @param requireNumbers whether a password needs a digit
 * @param requireSymbols whether a password needs one of Cognito's symbols
 * @param temporaryPasswordValidityDays how long a temporary password may be used
 * @param passwordHistorySize how many earlier passwords may not be reused, {@code null} when unset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordPolicy(
        int minimumLength,
        boolean requireUppercase,
        boolean requireLowercase,
        boolean requireNumbers,
        boolean requireSymbols,
        int temporaryPasswordValidityDays,
        @Nullable Integer passwordHistorySize) {

    /** The policy of a pool created without one: eight characters and all four character classes. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, 7, null);

    /** The symbols that satisfy {@link #requireSymbols()}. */
    static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /**
     * The rules {@code password} breaks, each in Cognito's words ({@code "Password not long enough"}, ...), in the
     * order Cognito checks them; empty when the password conforms.
     */
    public List<String> violations(String password) {
        List<String> violations = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < this.minimumLength) {
            violations.add("Password not long enough");
        }
        if (this.requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
            violations.add("Password must have lowercase characters");
        }
        if (this.requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
            violations.add("Password must have uppercase characters");
        }
        if (this.requireNumbers && password.chars().noneMatch((c) -> c >= '0' && c <= '9')) {
            violations.add("Password must have numeric characters");
        }
        if (this.requireSymbols && password.chars().noneMatch((c) -> SYMBOLS.indexOf(c) >= 0)) {
            violations.add("Password must have symbol characters");
        }
        return violations;
    }
}
