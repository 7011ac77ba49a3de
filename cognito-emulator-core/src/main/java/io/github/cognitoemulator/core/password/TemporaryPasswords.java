package io.github.cognitoemulator.core.password;

import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.support.Ids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Makes the temporary passwords Cognito generates when AdminCreateUser is given none. */
public final class TemporaryPasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

    private static final String DIGITS = "23456789";

    private static final String SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~=+-";

    private TemporaryPasswords() {}

    /** A password that satisfies {@code policy}: at least one of each character class, and long enough. */
    public static String generate(PasswordPolicy policy, Ids ids) {
        int length = Math.max(policy.minimumLength(), 12);
        List<Character> characters = new ArrayList<>(length);
        for (String alphabet : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            characters.add(ids.randomString(alphabet, 1).charAt(0));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (characters.size() < length) {
            characters.add(ids.randomString(all, 1).charAt(0));
        }
        for (int i = characters.size() - 1; i > 0; i--) {
            Collections.swap(characters, i, ids.nextInt(i + 1));
        }
        var password = new StringBuilder(length);
        characters.forEach(password::append);
        return password.toString();
    }
}
