package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group of a user pool.
 *
 * @param groupName the name, unique in the pool (case-sensitive)
 * @param description what the group is for, or {@code null}
 * @param roleArn the IAM role of its members, or {@code null}
 * @param precedence lower wins among a user's groups; {@code null} ranks after every number
 * @param creationDate when it was created
 * @param lastModifiedDate when it last changed
 */
public record Group(
        String groupName,
        @Nullable String description,
        @Nullable String roleArn,
        @Nullable Integer precedence,
        Instant creationDate,
        Instant lastModifiedDate) {

    /** Groups, keyed {@code <pool id>/<group name>}. */
    static final ResourceKind<Group> KIND = ResourceKind.of("group", Group.class);

    public Group {
        Objects.requireNonNull(groupName, "'groupName' must not be null");
        Objects.requireNonNull(creationDate, "'creationDate' must not be null");
        Objects.requireNonNull(lastModifiedDate, "'lastModifiedDate' must not be null");
    }
}
