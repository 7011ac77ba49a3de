package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy NOTHING_REQUIRED = new PasswordPolicy(6, false, false, false, false, 7, null);

    /** Cognito's symbol set, as the developer guide lists it, space included. */
    private static final String COGNITO_SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    @Test
    void defaultPolicyIsCognitosDefault() {
        assertThat(PasswordPolicy.DEFAULT).isEqualTo(new PasswordPolicy(8, true, true, true, true, 7, null));
    }

    @Test
    void passwordMeetingEveryRuleConforms() {
        assertThat(PasswordPolicy.DEFAULT.violations("Passw0rd!")).isEmpty();
    }

    @Test
    void shortPasswordIsNotLongEnough() {
        assertThat(PasswordPolicy.DEFAULT.violations("Pa0!xyz")).containsExactly("Password not long enough");
        assertThat(new PasswordPolicy(12, false, false, false, false, 7, null).violations("abcdefghijk"))
                .containsExactly("Password not long enough");
        assertThat(new PasswordPolicy(12, false, false, false, false, 7, null).violations("abcdefghijkl"))
                .isEmpty();
    }

    @Test
    void missingLowercaseIsReported() {
        assertThat(PasswordPolicy.DEFAULT.violations("PASSW0RD!"))
                .containsExactly("Password must have lowercase characters");
    }

    @Test
    void missingUppercaseIsReported() {
        assertThat(PasswordPolicy.DEFAULT.violations("passw0rd!"))
                .containsExactly("Password must have uppercase characters");
    }

    @Test
    void missingDigitIsReported() {
        assertThat(PasswordPolicy.DEFAULT.violations("Password!"))
                .containsExactly("Password must have numeric characters");
    }

    @Test
    void missingSymbolIsReported() {
        assertThat(PasswordPolicy.DEFAULT.violations("Passw0rdX"))
                .containsExactly("Password must have symbol characters");
    }

    @Test
    void everyBrokenRuleIsReportedWithLengthFirst() {
        assertThat(PasswordPolicy.DEFAULT.violations("short"))
                .startsWith("Password not long enough")
                .containsExactlyInAnyOrder(
                        "Password not long enough",
                        "Password must have uppercase characters",
                        "Password must have numeric characters",
                        "Password must have symbol characters");
    }

    @Test
    void rulesThePolicyDoesNotRequireAreNotChecked() {
        assertThat(NOTHING_REQUIRED.violations("aaaaaa")).isEmpty();
        assertThat(NOTHING_REQUIRED.violations("AAAAAA")).isEmpty();
        assertThat(NOTHING_REQUIRED.violations("111111")).isEmpty();
        assertThat(NOTHING_REQUIRED.violations("aaaaa")).containsExactly("Password not long enough");
    }

    @Test
    void eachOfCognitosSymbolsSatisfiesTheSymbolRule() {
        assertThat(COGNITO_SYMBOLS).hasSize(33);
        for (char symbol : COGNITO_SYMBOLS.toCharArray()) {
            assertThat(PasswordPolicy.DEFAULT.violations("Passw0rd" + symbol))
                    .as("symbol '%s'", symbol)
                    .isEmpty();
        }
    }

    @Test
    void charactersOutsideCognitosSymbolSetAreNotSymbols() {
        for (String other : new String[] {"§", "€", "£", "¿", "\t"}) {
            assertThat(PasswordPolicy.DEFAULT.violations("Passw0rd" + other))
                    .as("'%s'", other)
                    .containsExactly("Password must have symbol characters");
        }
    }
}
