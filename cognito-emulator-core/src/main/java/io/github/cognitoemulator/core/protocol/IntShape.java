package io.github.cognitoemulator.core.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The range the Cognito service model allows for an integer member.
 *
 * @param min the smallest value allowed
 * @param max the largest value allowed
 */
public record IntShape(long min, long max) {

    /** Any integer. */
    public static final IntShape ANY = new IntShape(Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** An integer between {@code min} and {@code max}. */
    public static IntShape range(long min, long max) {
        return new IntShape(min, max);
    }

    List<String> violations(long value) {
        var violations = new ArrayList<String>(1);
        if (value < this.min) {
            violations.add("Member must have value greater than or equal to " + this.min);
        }
        if (value > this.max) {
            violations.add("Member must have value less than or equal to " + this.max);
        }
        return violations;
    }
}
