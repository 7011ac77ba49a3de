package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.seed.SeedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool of {@code cognito.emulator.pools} that cannot be had, which fails startup. The message starts with the full
 * name of the offending property, such as {@code cognito.emulator.pools[0].users[1].password}.
 */
public final class CognitoEmulatorSeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Pattern UPPERCASE = Pattern.compile("[A-Z]");

    private final String propertyName;

    private final String reason;

    CognitoEmulatorSeedException(SeedException cause) {
        this(propertyName(cause.path()), cause.reason(), cause);
    }

    private CognitoEmulatorSeedException(String propertyName, String reason, SeedException cause) {
        super(propertyName + ": " + reason, cause);
        this.propertyName = propertyName;
        this.reason = reason;
    }

    /**
     * The configuration property of a seed path: {@code pools[0].users[1].temporaryPassword} is
     * {@code cognito.emulator.pools[0].users[1].temporary-password}, in the kebab case of Spring's relaxed binding.
     */
    static String propertyName(String seedPath) {
        Matcher uppercase = UPPERCASE.matcher(seedPath);
        StringBuilder kebab = new StringBuilder(CognitoEmulatorProperties.PREFIX).append('.');
        while (uppercase.find()) {
            uppercase.appendReplacement(kebab, "-" + uppercase.group().toLowerCase(Locale.ROOT));
        }
        uppercase.appendTail(kebab);
        return kebab.toString();
    }

    /** The offending property, for example {@code cognito.emulator.pools[0].users[1].password}. */
    public String propertyName() {
        return this.propertyName;
    }

    /** What is wrong with it: Cognito's message when one of its operations refused the setting. */
    public String reason() {
        return this.reason;
    }
}
