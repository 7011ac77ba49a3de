package io.github.cognitoemulator.core.token;

import static io.github.cognitoemulator.core.SignInFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Tokens signIn(AppClient client) {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void refreshIssuesNewIdAndAccessTokensButNoRefreshToken() {
        Tokens first = signIn(this.client);
        this.fixture.clock().advance(Duration.ofMinutes(10));

        Reply reply = this.fixture.refresh(this.client.id(), first.refreshToken());

        assertThat(reply.map("ChallengeParameters")).isEmpty();
        assertThat(reply.map("AuthenticationResult"))
                .containsOnlyKeys("AccessToken", "ExpiresIn", "TokenType", "IdToken")
                .containsEntry("ExpiresIn", 3600)
                .containsEntry("TokenType", "Bearer");
        Tokens refreshed = SignInFixture.tokens(reply);
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshed.idToken()).isNotEqualTo(first.idToken());
    }

    @Test
    void refreshedTokensKeepTheSignInsAuthTimeAndOriginButAreIssuedNow() {
        Tokens first = signIn(this.client);
        this.fixture.clock().advance(Duration.ofMinutes(50));
        long now = this.fixture.clock().instant().getEpochSecond();

        Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(this.client.id(), first.refreshToken()));

        for (String token : List.of(refreshed.idToken(), refreshed.accessToken())) {
            Map<String, Object> claims = payload(token);
            assertThat(TokenClaimsTest.seconds(claims, "auth_time")).isEqualTo(SignInFixture.START.getEpochSecond());
            assertThat(claims.get("origin_jti"))
                    .isEqualTo(payload(first.accessToken()).get("origin_jti"));
            assertThat(TokenClaimsTest.seconds(claims, "iat")).isEqualTo(now);
            assertThat(TokenClaimsTest.seconds(claims, "exp")).isEqualTo(now + 3600);
        }
        assertThat(payload(refreshed.accessToken()).get("jti"))
                .isNotEqualTo(payload(first.accessToken()).get("jti"));
    }

    @Test
    void refreshedAccessTokenWorksAfterTheFirstOneHasExpired() {
        Tokens first = signIn(this.client);
        this.fixture.clock().advance(Duration.ofHours(2));
        assertThat(this.fixture.getUser(first.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");

        Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(this.client.id(), first.refreshToken()));

        assertThat(this.fixture.getUser(refreshed.accessToken()).string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void legacyRefreshTokenFlowNameWorksToo() {
        Tokens first = signIn(this.client);

        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "REFRESH_TOKEN",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("REFRESH_TOKEN", first.refreshToken())));

        assertThat(SignInFixture.tokens(reply).refreshToken()).isNull();
    }

    @Test
    void adminInitiateAuthRefreshesToo() {
        Tokens first = signIn(this.client);

        Reply reply = this.fixture.call(
                "AdminInitiateAuth",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "AuthFlow",
                        "REFRESH_TOKEN_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("REFRESH_TOKEN", first.refreshToken())));

        assertThat(payload(SignInFixture.tokens(reply).accessToken()).get("origin_jti"))
                .isEqualTo(payload(first.accessToken()).get("origin_jti"));
    }

    @Test
    void refreshTokenWorksOnlyForTheClientItWasIssuedTo() {
        Tokens first = signIn(this.client);
        AppClient other = this.fixture.createPasswordClient(this.poolId);

        assertThat(this.fixture.refresh(other.id(), first.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Invalid Refresh Token.");
        assertThat(this.fixture.refresh(this.client.id(), first.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void refreshTokenExpiresAfterThirtyDaysByDefault() {
        Tokens first = signIn(this.client);

        this.fixture.clock().advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(this.fixture.refresh(this.client.id(), first.refreshToken()).status())
                .isEqualTo(200);

        this.fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(this.fixture.refresh(this.client.id(), first.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has expired");
    }

    @Test
    void refreshTokenLivesAsLongAsTheClientSays() {
        AppClient hourly = this.fixture.createPasswordClient(
                this.poolId,
                Map.of("RefreshTokenValidity", 60, "TokenValidityUnits", Map.of("RefreshToken", "minutes")));
        Tokens first = signIn(hourly);

        this.fixture.clock().advance(Duration.ofMinutes(59));
        assertThat(this.fixture.refresh(hourly.id(), first.refreshToken()).status())
                .isEqualTo(200);

        this.fixture.clock().advance(Duration.ofMinutes(1));
        assertThat(this.fixture.refresh(hourly.id(), first.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has expired");
    }

    @Test
    void unknownRefreshTokenIsInvalid() {
        assertThat(this.fixture
                        .refresh(this.client.id(), "eyJjdHkiOiJKV1QifQ.bm9wZQ.bm9wZQ.bm9wZQ.bm9wZQ")
                        .error())
                .isEqualTo("400 NotAuthorizedException: Invalid Refresh Token.");
    }

    @Test
    void refreshWithoutTheTokenNamesTheMissingParameter() {
        Reply reply = this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", this.client.id(), "AuthParameters", Map.of()));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Missing required parameter REFRESH_TOKEN");
    }

    @Test
    void secretClientRefreshesWithTheSecretHashOfTheInternalUsername() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens first = SignInFixture.tokens(this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "ClientId",
                        secret.id(),
                        "AuthParameters",
                        Map.of(
                                "USERNAME",
                                "alice",
                                "PASSWORD",
                                SignInFixture.PASSWORD,
                                "SECRET_HASH",
                                SignInFixture.secretHash(secret.secret(), "alice", secret.id())))));

        Reply wrong = refreshWithSecretHash(secret, first.refreshToken(), "bm90IHRoZSBoYXNo");
        Reply right = refreshWithSecretHash(
                secret, first.refreshToken(), SignInFixture.secretHash(secret.secret(), "alice", secret.id()));

        assertThat(wrong.error())
                .isEqualTo("400 NotAuthorizedException: SecretHash does not match for the client: " + secret.id());
        assertThat(SignInFixture.tokens(right).refreshToken()).isNull();
    }

    private Reply refreshWithSecretHash(AppClient client, String refreshToken, String secretHash) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "REFRESH_TOKEN_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash)));
    }

    @Test
    void refreshTokenOfADeletedUserNoLongerWorks() {
        Tokens first = signIn(this.client);
        this.fixture
                .call("DeleteUser", Map.of("AccessToken", first.accessToken()))
                .requireSuccess();

        assertThat(this.fixture.refresh(this.client.id(), first.refreshToken()).string("__type"))
                .isEqualTo("NotAuthorizedException");
    }
}
