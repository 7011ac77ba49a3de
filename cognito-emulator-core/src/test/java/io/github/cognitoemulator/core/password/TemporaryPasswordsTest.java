package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.support.Ids;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

    private static final int SEEDS = 500;

    private static final List<PasswordPolicy> POLICIES = List.of(
            PasswordPolicy.DEFAULT,
            new PasswordPolicy(6, false, false, false, false, 7, null),
            new PasswordPolicy(6, true, true, true, true, 1, null),
            new PasswordPolicy(16, false, true, false, true, 7, 5),
            new PasswordPolicy(99, true, true, true, true, 365, 24));

    @Test
    void generatedPasswordsAlwaysSatisfyThePolicy() {
        for (PasswordPolicy policy : POLICIES) {
            for (int seed = 0; seed < SEEDS; seed++) {
                String password = TemporaryPasswords.generate(policy, new Ids(new SplittableRandom(seed)));

                assertThat(policy.violations(password))
                        .as("seed %d, policy %s, password %s", seed, policy, password)
                        .isEmpty();
            }
        }
    }

    @Test
    void generatedPasswordsAreTwelveCharactersOrThePolicyMinimum() {
        Ids ids = new Ids(new SplittableRandom(1));

        assertThat(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids)).hasSize(12);
        assertThat(TemporaryPasswords.generate(new PasswordPolicy(6, true, true, true, true, 7, null), ids))
                .hasSize(12);
        assertThat(TemporaryPasswords.generate(new PasswordPolicy(40, true, true, true, true, 7, null), ids))
                .hasSize(40);
    }

    @Test
    void generatedPasswordsFitThePasswordShape() {
        Ids ids = new Ids(new SplittableRandom(2));
        for (int i = 0; i < SEEDS; i++) {
            assertThat(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids)).matches("[\\S]+");
        }
    }

    @Test
    void generatedPasswordsDiffer() {
        Ids ids = new Ids(new SplittableRandom(3));
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            passwords.add(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids));
        }

        assertThat(passwords).hasSize(1_000);
    }

    @Test
    void sameSeedGivesTheSamePassword() {
        assertThat(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, new Ids(new SplittableRandom(9))))
                .isEqualTo(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, new Ids(new SplittableRandom(9))));
    }

    @Test
    void characterClassesLandAnywhereInThePassword() {
        // Without the shuffle every password would start with its upper-case letter and end with random characters.
        Set<Character> firstCharacters = new HashSet<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            firstCharacters.add(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, new Ids(new SplittableRandom(seed)))
                    .charAt(0));
        }

        assertThat(firstCharacters).anyMatch(Character::isLowerCase);
        assertThat(firstCharacters).anyMatch(Character::isDigit);
        assertThat(firstCharacters).anyMatch((c) -> !Character.isLetterOrDigit(c));
    }

    @Test
    void seededGeneratorGivesTheSameSequenceOfPasswordsOnEveryRun() {
        // A seeded emulator must replay the same users: every password draws the same randomness, no more.
        Ids ids = new Ids(new SplittableRandom(9));

        assertThat(List.of(
                        TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids),
                        TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids),
                        TemporaryPasswords.generate(PasswordPolicy.DEFAULT, ids)))
                .containsExactly("c:ZmPU8HD=m-", "pf(udrce4J@&", "dsu5sGne=WQ^");
    }
}
