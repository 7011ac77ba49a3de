package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.util.List;

/**
 * The groups a user belongs to, one record per user, so that the 100 groups a user may join are counted exactly
 * under concurrent additions (each one replaces this record).
 *
 * @param sub the user
 * @param groupNames the names of its groups, sorted
 */
record UserGroupNames(String sub, List<String> groupNames) {

    /** Keyed {@code <pool id>/<sub>}. */
    static final ResourceKind<UserGroupNames> KIND = ResourceKind.of("user-groups", UserGroupNames.class);

    UserGroupNames {
        groupNames = List.copyOf(groupNames);
    }
}
