package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.ResourceKind;

/**
 * That a user belongs to a group, kept under the group so that its members can be listed. It is written and removed
 * together with the user's {@link UserGroupNames}, which lists the same membership from the user's side.
 *
 * @param groupName the group
 * @param sub the user
 */
record GroupMember(String groupName, String sub) {

    /** Memberships, keyed {@code <pool id>/<group name> <sub>}: a space, which no group name holds, ends the name. */
    static final ResourceKind<GroupMember> KIND = ResourceKind.of("group-member", GroupMember.class);
}
