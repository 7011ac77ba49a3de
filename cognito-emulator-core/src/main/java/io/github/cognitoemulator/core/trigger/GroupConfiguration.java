package io.github.cognitoemulator.core.trigger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The groups of a user as the pre token generation trigger sees them ({@code groupConfiguration}) and as it may
 * replace them ({@code groupOverrideDetails}).
 *
 * @param groupsToOverride the group names, for the {@code cognito:groups} claim
 * @param iamRolesToOverride the groups' role ARNs, for {@code cognito:roles}
 * @param preferredRole the role of the group with the lowest precedence, for {@code cognito:preferred_role}
 */
public record GroupConfiguration(
        @Nullable List<String> groupsToOverride,
        @Nullable List<String> iamRolesToOverride,
        @Nullable String preferredRole) {}
