package io.github.cognitoemulator.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store's own rules: its message capacity, and the sign-ins it keeps per user. */
class InMemoryStoreTest {

    @Test
    void capacityOfOneMessageIsAllowedAndZeroIsNot() {
        assertThat(new InMemoryStore(1)).isNotNull();
        assertThatThrownBy(() -> new InMemoryStore(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'messageCapacity' must be positive");
    }

    @Test
    void revokingOneSignInLeavesTheOthersToAGlobalSignOut() {
        InMemoryStore store = new InMemoryStore();
        SignInFixture fixture = SignInFixture.create(store);
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String first = SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();
        String second = SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();

        fixture.call("RevokeToken", Map.of("ClientId", client.id(), "Token", first))
                .requireSuccess();
        assertThat(fixture.refresh(client.id(), second).status()).isEqualTo(200);
        fixture.call("AdminUserGlobalSignOut", Map.of("UserPoolId", poolId, "Username", "alice"))
                .requireSuccess();

        Reply refreshed = fixture.refresh(client.id(), second);
        assertThat(refreshed.error()).startsWith("400 NotAuthorizedException");
    }

    @Test
    void sweepingOneExpiredSignInLeavesTheOthersToAGlobalSignOut() {
        InMemoryStore store = new InMemoryStore();
        SignInFixture fixture = SignInFixture.create(store);
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(
                poolId, Map.of("RefreshTokenValidity", 60, "TokenValidityUnits", Map.of("RefreshToken", "minutes")));
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
        // An explicit sweep just before the first sign-in becomes sweepable keeps the next sign-in from sweeping.
        fixture.clock().advance(java.time.Duration.ofMinutes(179));
        assertThat(fixture.emulator().sweepExpired()).isZero();
        String later = SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();
        fixture.clock().advance(java.time.Duration.ofMinutes(2));

        assertThat(fixture.emulator().sweepExpired()).isEqualTo(1);
        fixture.call("AdminUserGlobalSignOut", Map.of("UserPoolId", poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(fixture.refresh(client.id(), later).error()).startsWith("400 NotAuthorizedException");
    }
}
