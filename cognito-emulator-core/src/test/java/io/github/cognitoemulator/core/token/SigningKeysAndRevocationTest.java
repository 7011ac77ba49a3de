package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Signing keys shared through the store, and revocation as the token service reports it. */
class SigningKeysAndRevocationTest {

    private static final String INVALID = "400 NotAuthorizedException: Invalid Access Token";

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private final MutableClock clock = new MutableClock(SignInFixture.START);

    private static String error(ThrowingCallable call) {
        CognitoException error = catchThrowableOfType(CognitoException.class, call);
        assertThat(error).as("expected a Cognito error").isNotNull();
        return error.type().wireName() + ": " + error.getMessage();
    }

    private Tokens signIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    private TokenService tokenService(SigningKeyStore keys) {
        return new TokenService(
                new SigningKeys(keys, ReusableRsaKeys.source()),
                this.store.refreshSessions(),
                new UserSignOuts(this.store.resources()),
                TokenGroups.NONE,
                this.clock,
                new Ids(new Random(3)),
                TokenCustomizer.NONE);
    }

    @Test
    void anotherInstanceSharingTheStoreAcceptsTheTokensAndRevocations() {
        Tokens tokens = signIn();
        // A second emulator on the same store has read no keys yet: it must find the pool's keys in the store.
        SignInFixture other = SignInFixture.create(this.store);

        assertThat(other.getUser(tokens.accessToken()).string("Username")).isEqualTo("alice");
        assertThat(other.call(
                                "RevokeToken",
                                java.util.Map.of("ClientId", this.client.id(), "Token", tokens.refreshToken()))
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
    }

    @Test
    void aTokenNamingAPoolWithoutKeysIsInvalid() throws Exception {
        Tokens tokens = signIn();
        JWTClaimsSet genuine = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        String strangerPool = "us-east-1_Stranger0";
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown").build(),
                new JWTClaimsSet.Builder(genuine)
                        .issuer(SignInFixture.ISSUER_BASE + "/" + strangerPool)
                        .build());
        forged.sign(new RSASSASigner(ReusableRsaKeys.source().next()));

        assertThat(this.fixture.getUser(forged.serialize()).error()).isEqualTo(INVALID);
        assertThat(this.store.signingKeys().find(strangerPool)).isEmpty();
    }

    @Test
    void aStoredKeyTheJvmCannotUseVerifiesNothing() throws Exception {
        // A 256-bit modulus: readable as a JWK, refused by the JVM's RSA key factory.
        RSAKey unusable = new RSAKey.Builder(
                        Base64URL.encode(BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(297))),
                        Base64URL.encode(BigInteger.valueOf(65537)))
                .privateExponent(Base64URL.encode(BigInteger.valueOf(12345)))
                .keyID("unusable")
                .build();
        String pool = "us-east-1_Unusable0";
        PoolKeys keys = new PoolKeys(pool, unusable, unusable);
        SigningKeyStore keyStore = new FixedKeyStore(keys);
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unusable").build(),
                new JWTClaimsSet.Builder()
                        .issuer(SignInFixture.ISSUER_BASE + "/" + pool)
                        .subject("118b5540-b031-701d-5230-a1863ad04e8c")
                        .claim("token_use", "access")
                        .expirationTime(Date.from(this.clock.instant().plusSeconds(3600)))
                        .build());
        token.sign(new RSASSASigner(ReusableRsaKeys.source().next()));

        assertThat(error(() -> tokenService(keyStore).verifyAccessToken(token.serialize())))
                .isEqualTo("NotAuthorizedException: Invalid Access Token");
    }

    @Test
    void revokingReportsWhetherTheRefreshTokenWasKnown() {
        Tokens tokens = signIn();
        TokenService service = tokenService(this.store.signingKeys());

        assertThat(service.revokeRefreshToken("unknown-token", this.client.id()))
                .isFalse();
        assertThat(service.revokeRefreshToken(tokens.refreshToken(), this.client.id()))
                .isTrue();
        assertThat(this.fixture.refresh(this.client.id(), tokens.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has been revoked");
    }

    @Test
    void creatingAPoolLetsTheKeySourcePrepareKeysButAPoolWithKeysDoesNot() {
        CountingSource source = new CountingSource();
        SigningKeys keys = new SigningKeys(new InMemoryStore().signingKeys(), source);

        keys.expectPool("us-east-1_NewPool00");
        assertThat(source.expected.get()).isEqualTo(1);

        keys.publicKeys("us-east-1_NewPool00");
        keys.expectPool("us-east-1_NewPool00");
        assertThat(source.expected.get()).isEqualTo(1);
        assertThat(source.made.get()).isEqualTo(2);
    }

    @Test
    void aPoolsKeysAreMadeOnceAndKeptInTheStore() {
        CountingSource source = new CountingSource();
        InMemoryStore keyStore = new InMemoryStore();
        SigningKeys keys = new SigningKeys(keyStore.signingKeys(), source);

        var first = keys.publicKeys("us-east-1_NewPool00");
        var again = new SigningKeys(keyStore.signingKeys(), source).publicKeys("us-east-1_NewPool00");

        assertThat(again.toJSONObject()).isEqualTo(first.toJSONObject());
        assertThat(source.made.get()).isEqualTo(2);
        assertThat(keys.find("us-east-1_NewPool00", first.getKeys().get(1).getKeyID()))
                .map(RSAKey::isPrivate)
                .contains(true);
        assertThat(keys.find("us-east-1_NewPool00", "no-such-kid")).isEmpty();
        assertThat(keys.find("us-east-1_NoKeys000", first.getKeys().get(1).getKeyID()))
                .isEmpty();
    }

    @Test
    void afterTheStoreIsClearedForgettingAllMakesAPoolGetNewKeys() {
        CountingSource source = new CountingSource();
        InMemoryStore keyStore = new InMemoryStore();
        SigningKeys keys = new SigningKeys(keyStore.signingKeys(), source);
        keys.publicKeys("us-east-1_NewPool00");

        keyStore.clear();
        keys.forgetAll();
        keys.publicKeys("us-east-1_NewPool00");

        assertThat(source.made.get()).isEqualTo(4);
        assertThat(keyStore.signingKeys().find("us-east-1_NewPool00")).isPresent();
    }

    @Test
    void descriptionsNameTheKeysButShowNoKeyMaterialOrToken() {
        RSAKey key = ReusableRsaKeys.source().next();
        PoolKeys keys = new PoolKeys("us-east-1_Described", key, key);
        IssuedTokens tokens = new IssuedTokens("id.token.value", "access.token.value", null, 3600);

        assertThat(keys.toString())
                .isEqualTo("PoolKeys[us-east-1_Described, " + key.getKeyID() + ", " + key.getKeyID() + "]")
                .doesNotContain(key.getPrivateExponent().toString());
        assertThat(tokens.toString())
                .startsWith("IssuedTokens[idToken=")
                .endsWith(", expiresIn=3600]")
                .doesNotContain("id.token.value", "access.token.value");
    }

    private static final class CountingSource implements RsaKeySource {

        final AtomicInteger expected = new AtomicInteger();

        final AtomicInteger made = new AtomicInteger();

        private final RsaKeySource keys = ReusableRsaKeys.source();

        @Override
        public RSAKey next() {
            this.made.incrementAndGet();
            return this.keys.next();
        }

        @Override
        public void expectDemand() {
            this.expected.incrementAndGet();
        }
    }

    private record FixedKeyStore(PoolKeys keys) implements SigningKeyStore {

        @Override
        public PoolKeys keysFor(String userPoolId, Supplier<PoolKeys> generator) {
            return this.keys;
        }

        @Override
        public Optional<PoolKeys> find(String userPoolId) {
            return Optional.of(this.keys).filter((found) -> found.userPoolId().equals(userPoolId));
        }

        @Override
        public List<PoolKeys> list() {
            return List.of(this.keys);
        }
    }
}
