package io.github.cognitoemulator.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every record of groups and memberships reads back equal from a database store, which keeps it as JSON. */
class GroupRecordsRoundTripTest {

    private static final String POOL = "us-east-1_RoundTrip";

    private final JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        this.store.close();
    }

    private <T> void assertRoundTrip(ResourceKind<T> kind, String key, T value) {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));

        assertThat(this.store.resources().create(kind, POOL, key, value)).isTrue();

        assertThat(this.store.resources().find(kind, key).orElseThrow().value()).isEqualTo(value);
    }

    @Test
    void aGroupWithEverySetting() {
        assertRoundTrip(
                Group.KIND,
                POOL + "/admins",
                new Group(
                        "admins",
                        "Administrators",
                        "arn:aws:iam::123456789012:role/admins",
                        7,
                        Instant.parse("2024-03-05T09:07:02.123Z"),
                        Instant.parse("2024-03-06T09:07:02Z")));
    }

    @Test
    void aGroupWithoutSettings() {
        Instant now = Instant.parse("2024-03-05T09:07:02Z");
        assertRoundTrip(Group.KIND, POOL + "/plain", new Group("plain", null, null, null, now, now));
    }

    @Test
    void aMembership() {
        assertRoundTrip(GroupMember.KIND, POOL + "/admins sub-1", new GroupMember("admins", "sub-1"));
    }

    @Test
    void aUsersGroupNames() {
        assertRoundTrip(UserGroupNames.KIND, POOL + "/sub-1", new UserGroupNames("sub-1", List.of("a", "b")));
    }

    @Test
    void aPoolsGroupCount() {
        assertRoundTrip(GroupCount.KIND, POOL, new GroupCount(42));
    }
}
