package io.github.cognitoemulator.core.token;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The groups a user belongs to, as the tokens need them for {@code cognito:groups} and the role claims. */
@FunctionalInterface
public interface TokenGroups {

    /** For emulators without groups: every user belongs to none. */
    TokenGroups NONE = (userPoolId, sub) -> List.of();

    /** The groups of the user with this {@code sub}, in any order. */
    List<Group> of(String userPoolId, String sub);

    /**
     * One group of a user.
     *
     * @param name the group name
     * @param precedence the group's precedence (lower wins), or {@code null} when it has none
     * @param roleArn the IAM role of the group, or {@code null}
     */
    record Group(
            String name,
            @Nullable Integer precedence,
            @Nullable String roleArn) {}
}
