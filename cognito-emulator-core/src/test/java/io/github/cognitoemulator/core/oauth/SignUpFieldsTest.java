package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.pool.PasswordPolicy;
import org.junit.jupiter.api.Test;

class SignUpFieldsTest {

    private static String rules(int length, boolean upper, boolean lower, boolean numbers, boolean symbols) {
        return SignUpFields.passwordRules(new PasswordPolicy(length, upper, lower, numbers, symbols, 7, null));
    }

    @Test
    void thePasswordRulesNameEveryCharacterClassThePolicyRequires() {
        assertThat(SignUpFields.passwordRules(PasswordPolicy.DEFAULT))
                .isEqualTo("Passwords need at least 8 characters, with an uppercase letter, a lowercase letter, a"
                        + " number and a symbol.");
    }

    @Test
    void thePasswordRulesOfAPolicyWithoutCharacterClassesNameOnlyTheLength() {
        assertThat(rules(6, false, false, false, false)).isEqualTo("Passwords need at least 6 characters.");
    }

    @Test
    void thePasswordRulesJoinOneOrTwoClassesPlainly() {
        assertThat(rules(10, false, false, true, false))
                .isEqualTo("Passwords need at least 10 characters, with a number.");
        assertThat(rules(8, true, false, false, true))
                .isEqualTo("Passwords need at least 8 characters, with an uppercase letter and a symbol.");
        assertThat(rules(8, false, true, true, false))
                .isEqualTo("Passwords need at least 8 characters, with a lowercase letter and a number.");
    }
}
