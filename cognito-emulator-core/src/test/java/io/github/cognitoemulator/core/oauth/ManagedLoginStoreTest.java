package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManagedLoginStoreTest {

    private static final Instant AT = Instant.parse("2024-03-05T09:07:02Z");

    private static JdbcStore h2() {
        return JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void authorizationCodesRoundTripThroughTheDatabase() {
        try (JdbcStore store = h2()) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_oauth"));
            AuthorizationCodes.AuthorizationCode code = new AuthorizationCodes.AuthorizationCode(
                    "us-east-1_oauth",
                    "client",
                    "https://app.example.com/callback",
                    List.of("openid", "email"),
                    "nonce",
                    "challenge",
                    "S256",
                    "sub",
                    AT,
                    AT.plusSeconds(300));
            AuthorizationCodes.AuthorizationCode bare = new AuthorizationCodes.AuthorizationCode(
                    "us-east-1_oauth", "client", "https://x", List.of(), null, null, null, "sub", AT, AT);

            store.resources().create(AuthorizationCodes.KIND, "us-east-1_oauth", "us-east-1_oauth/a", code);
            store.resources().create(AuthorizationCodes.KIND, "us-east-1_oauth", "us-east-1_oauth/b", bare);

            assertThat(store.resources()
                            .find(AuthorizationCodes.KIND, "us-east-1_oauth/a")
                            .orElseThrow()
                            .value())
                    .isEqualTo(code);
            assertThat(store.resources()
                            .find(AuthorizationCodes.KIND, "us-east-1_oauth/b")
                            .orElseThrow()
                            .value())
                    .isEqualTo(bare);
        }
    }

    @Test
    void sessionsAndGrantedScopesRoundTripThroughTheDatabase() {
        try (JdbcStore store = h2()) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_oauth"));
            HostedSessions.HostedSession session =
                    new HostedSessions.HostedSession("us-east-1_oauth", "sub", AT, AT.plusSeconds(3600));
            GrantedScopes.Grant grant =
                    new GrantedScopes.Grant("us-east-1_oauth", "sub", "jti", List.of("openid", "rs/read"), AT);

            store.resources().create(HostedSessions.KIND, "us-east-1_oauth", "us-east-1_oauth/sub/x", session);
            store.resources().create(GrantedScopes.KIND, "us-east-1_oauth", "us-east-1_oauth/sub/jti", grant);

            assertThat(store.resources()
                            .find(HostedSessions.KIND, "us-east-1_oauth/sub/x")
                            .orElseThrow()
                            .value())
                    .isEqualTo(session);
            assertThat(store.resources()
                            .find(GrantedScopes.KIND, "us-east-1_oauth/sub/jti")
                            .orElseThrow()
                            .value())
                    .isEqualTo(grant);
        }
    }

    @Test
    void theWholeFlowRunsOnTheDatabase() {
        try (JdbcStore store = h2()) {
            OAuthFixture oauth = OAuthFixture.create(SignInFixture.create(store), Map.of(), Map.of());
            Map<String, Object> tokens = oauth.json(oauth.exchange(oauth.code("scope", "openid email")));

            HostedResponse refreshed = oauth.post(
                    "/oauth2/token",
                    Parameters.NONE
                            .with("grant_type", "refresh_token")
                            .with("client_id", oauth.client.id())
                            .with("refresh_token", (String) tokens.get("refresh_token"))
                            .encode(),
                    Map.of());

            assertThat(SignInFixture.payload((String) oauth.json(refreshed).get("access_token")))
                    .containsEntry("scope", "openid email");
            assertThat(oauth.get("/oauth2/authorize", oauth.authorizeQuery()).header("Location"))
                    .startsWith(OAuthFixture.CALLBACK + "?code=");
        }
    }

    @Test
    void ofTwoConcurrentExchangesOfACodeExactlyOneGetsTokens() throws Exception {
        PausingStore store = new PausingStore(new InMemoryStore());
        OAuthFixture oauth = OAuthFixture.create(SignInFixture.create(store), Map.of(), Map.of());
        String code = oauth.code();
        // Both exchanges read the code before either deletes it.
        store.holdUntil(PausingStore.Operation.RESOURCE_WRITE, 2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HostedResponse>> exchanges = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                exchanges.add(threads.submit(() -> oauth.exchange(code)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HostedResponse> exchange : exchanges) {
                statuses.add(exchange.get().status());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void expiredCodesAreSweptWhenTheNextIsIssued() {
        OAuthFixture oauth = OAuthFixture.create();
        ResourceStore resources = oauth.fixture.emulator().store().resources();
        oauth.code();
        oauth.code();
        assertThat(resources.list(AuthorizationCodes.KIND, oauth.poolId)).hasSize(2);
        oauth.fixture.clock().advance(Duration.ofMinutes(5));

        oauth.code();

        assertThat(resources.list(AuthorizationCodes.KIND, oauth.poolId)).hasSize(1);
    }

    @Test
    void aPoolHoldsAtMostAThousandLiveCodesDroppingTheOldest() {
        OAuthFixture oauth = OAuthFixture.create();
        ResourceStore resources = oauth.fixture.emulator().store().resources();
        AuthorizationCodes codes = new AuthorizationCodes(
                resources,
                oauth.fixture.clock(),
                new io.github.cognitoemulator.core.support.Ids(new java.util.Random(1)));
        AuthorizationRequest request = new AuthorizationRequest(
                oauth.client.id(),
                OAuthFixture.CALLBACK,
                AuthorizationRequest.ResponseType.CODE,
                List.of("openid"),
                null,
                null,
                null,
                null);
        String first = codes.issue(oauth.poolId, request, "sub", AT);
        oauth.fixture.clock().advance(Duration.ofSeconds(1));
        for (int i = 1; i < AuthorizationCodes.MAX_PER_POOL; i++) {
            codes.issue(oauth.poolId, request, "sub", AT);
        }
        assertThat(resources.list(AuthorizationCodes.KIND, oauth.poolId)).hasSize(1000);

        codes.issue(oauth.poolId, request, "sub", AT);

        assertThat(resources.list(AuthorizationCodes.KIND, oauth.poolId)).hasSize(1000);
        assertThat(codes.take(oauth.poolId, first)).isEmpty();
    }

    @Test
    void aUserHoldsAtMostTenSessionsAndExpiredOnesAreSwept() {
        OAuthFixture oauth = OAuthFixture.create();
        ResourceStore resources = oauth.fixture.emulator().store().resources();
        HostedSessions sessions = new HostedSessions(
                resources,
                oauth.fixture.clock(),
                new io.github.cognitoemulator.core.support.Ids(new java.util.Random(1)));
        String oldest = sessions.open(oauth.poolId, "sub", AT);
        oauth.fixture.clock().advance(Duration.ofSeconds(1));
        for (int i = 1; i < HostedSessions.MAX_PER_USER; i++) {
            sessions.open(oauth.poolId, "sub", AT);
        }
        assertThat(resources.list(HostedSessions.KIND, oauth.poolId)).hasSize(10);

        sessions.open(oauth.poolId, "sub", AT);

        assertThat(resources.list(HostedSessions.KIND, oauth.poolId)).hasSize(10);
        assertThat(sessions.find(oauth.poolId, oldest)).isEmpty();
        oauth.fixture.clock().advance(Duration.ofHours(1));
        sessions.open(oauth.poolId, "sub", AT);
        assertThat(resources.list(HostedSessions.KIND, oauth.poolId)).hasSize(1);
    }

    @Test
    void anExpiredSessionIsDeletedWhenPresented() {
        OAuthFixture oauth = OAuthFixture.create();
        ResourceStore resources = oauth.fixture.emulator().store().resources();
        HostedSessions sessions = new HostedSessions(
                resources,
                oauth.fixture.clock(),
                new io.github.cognitoemulator.core.support.Ids(new java.util.Random(1)));
        String cookie = sessions.open(oauth.poolId, "sub", AT);
        oauth.fixture.clock().advance(Duration.ofHours(1));

        assertThat(sessions.find(oauth.poolId, cookie)).isEmpty();
        assertThat(resources.list(HostedSessions.KIND, oauth.poolId)).isEmpty();
        assertThat(sessions.find(oauth.poolId, "nodot")).isEmpty();
        assertThat(sessions.find(oauth.poolId, null)).isEmpty();
        assertThat(sessions.find(oauth.poolId, ".x")).isEmpty();
    }

    @Test
    void aUsersExpiredGrantsAreSweptWhenSheIsGrantedAnother() {
        OAuthFixture oauth = OAuthFixture.create();
        ResourceStore resources = oauth.fixture.emulator().store().resources();
        oauth.exchange(oauth.code());
        assertThat(resources.list(GrantedScopes.KIND, oauth.poolId)).hasSize(1);
        // Refresh tokens last 30 days; their sessions are kept an hour more.
        oauth.fixture.clock().advance(Duration.ofDays(30).plusHours(1));

        oauth.exchange(oauth.code());

        assertThat(resources.list(GrantedScopes.KIND, oauth.poolId)).hasSize(1);
    }
}
