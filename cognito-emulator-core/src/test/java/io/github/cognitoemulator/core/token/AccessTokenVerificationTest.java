package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenVerificationTest {

    private static final String INVALID = "400 NotAuthorizedException: Invalid Access Token";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Tokens signIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void validAccessTokenNamesItsUser() {
        Tokens tokens = signIn();

        assertThat(this.fixture.getUser(tokens.accessToken()).string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void accessTokenExpiresWhenItsLifetimeIsOver() {
        Tokens tokens = signIn();

        this.fixture.clock().advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);

        this.fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(this.fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
    }

    @Test
    void shortLivedAccessTokenExpiresAfterFiveMinutes() {
        AppClient shortLived = this.fixture.createPasswordClient(
                this.poolId, Map.of("AccessTokenValidity", 5, "TokenValidityUnits", Map.of("AccessToken", "minutes")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(shortLived.id(), "alice", SignInFixture.PASSWORD));

        this.fixture.clock().advance(Duration.ofMinutes(5));

        assertThat(this.fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
    }

    @Test
    void accessTokenWithAlteredClaimsIsInvalid() {
        String[] parts = signIn().accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("\"alice\"", "\"mallory\"").getBytes(StandardCharsets.UTF_8));

        assertThat(this.fixture
                        .getUser(parts[0] + "." + altered + "." + parts[2])
                        .error())
                .isEqualTo(INVALID);
    }

    @Test
    void accessTokenWithAlteredSignatureIsInvalid() {
        String token = signIn().accessToken();
        char last = token.charAt(token.length() - 5);
        String altered = token.substring(0, token.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);

        assertThat(this.fixture.getUser(altered).error()).isEqualTo(INVALID);
    }

    @Test
    void garbageIsNotAnAccessToken() {
        signIn();

        assertThat(this.fixture.getUser("garbage").error()).isEqualTo(INVALID);
        assertThat(this.fixture.getUser("a.b.c").error()).isEqualTo(INVALID);
    }

    @Test
    void idTokenIsNotAnAccessToken() {
        Tokens tokens = signIn();

        assertThat(this.fixture.getUser(tokens.idToken()).error()).isEqualTo(INVALID);
    }

    @Test
    void tokenSignedWithAnotherKeyUnderThePoolsKeyIdIsInvalid() throws Exception {
        SignedJWT genuine = SignedJWT.parse(signIn().accessToken());
        RSAKey stranger = RsaKeySource.generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(genuine.getHeader().getKeyID())
                        .build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(stranger));

        assertThat(this.fixture.getUser(forged.serialize()).error()).isEqualTo(INVALID);
    }

    @Test
    void unsignedTokenIsInvalid() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(signIn().accessToken()).getJWTClaimsSet();
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String body = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(this.fixture.getUser(header + "." + body + ".").error()).isEqualTo(INVALID);
    }

    @Test
    void accessTokenOfADeletedUserIsRejected() {
        Tokens tokens = signIn();

        assertThat(this.fixture
                        .call("DeleteUser", Map.of("AccessToken", tokens.accessToken()))
                        .body())
                .isEqualTo("{}");

        assertThat(this.fixture.getUser(tokens.accessToken()).string("__type")).isEqualTo("NotAuthorizedException");
    }

    @Test
    void accessTokenOfAUserDeletedByAnAdministratorIsRejected() {
        Tokens tokens = signIn();
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.getUser(tokens.accessToken()).string("__type")).isEqualTo("NotAuthorizedException");
    }
}
