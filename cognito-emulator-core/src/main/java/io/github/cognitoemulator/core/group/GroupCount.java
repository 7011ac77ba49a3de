package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.ResourceKind;

/**
 * How many groups a pool holds, replaced with every creation and deletion so that the pool's quota holds under
 * concurrent creations.
 *
 * @param groups the number of groups
 */
record GroupCount(int groups) {

    /** Keyed by the pool id. */
    static final ResourceKind<GroupCount> KIND = ResourceKind.of("group-count", GroupCount.class);
}
