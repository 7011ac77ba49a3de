package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import java.security.Provider;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SigningProviderTest {

    private static final RSAKey KEY = ReusableRsaKeys.source().next();

    private static boolean nativeProviderRunsHere() {
        return "Linux".equals(System.getProperty("os.name"))
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    private static String signAndVerify(JWSSigner signer) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("alice").build());
        jwt.sign(signer);
        String token = jwt.serialize();
        // Verified with the JDK's own provider, as any JWT library would.
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(KEY.toRSAPublicKey())))
                .isTrue();
        return token;
    }

    @Test
    void withoutTheNativeProviderTheJdksSignsAndGeneratesKeys() throws Exception {
        var jdk = new SigningProvider(null);

        assertThat(jdk.provider()).isNull();
        assertThat(jdk.rsaKeyPairGenerator().getProvider().getName()).isEqualTo("SunRsaSign");
        JWSSigner signer = jdk.signer(KEY);
        assertThat(((RSASSASigner) signer).getJCAContext().getProvider()).isNull();
        assertThat(((RSASSASigner) signer).getPrivateKey()).isEqualTo(KEY.toPrivateKey());
        signAndVerify(signer);
    }

    @Test
    void anAbsentProviderClassFallsBackToTheJdk() {
        assertThat(SigningProvider.load("com.example.NoSuchProvider")).isNull();
        assertThat(SigningProvider.load(String.class.getName())).isNull();
    }

    @Test
    void aProviderWhoseNativeCodeCannotRunFallsBackToTheJdk() {
        assertThat(SigningProvider.load(UnhealthyProvider.class.getName())).isNull();
    }

    @Test
    void aHealthyProviderIsUsed() {
        assertThat(SigningProvider.load(HealthyProvider.class.getName())).isSameAs(HealthyProvider.INSTANCE);
    }

    @Test
    void theNativeProviderSignsAndGeneratesKeysWhereItRuns() throws Exception {
        assumeTrue(nativeProviderRunsHere(), "the native provider of the build is for Linux on x86-64");
        Provider accp = SigningProvider.load(SigningProvider.NATIVE_PROVIDER_CLASS);
        assertThat(accp).isNotNull();
        assertThat(accp.getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(SigningProvider.get().provider()).isSameAs(accp);

        var provider = new SigningProvider(accp);
        assertThat(provider.rsaKeyPairGenerator().getProvider()).isSameAs(accp);
        RSASSASigner signer = (RSASSASigner) provider.signer(KEY);
        assertThat(signer.getJCAContext().getProvider()).isSameAs(accp);
        assertThat(signer.getPrivateKey().getClass().getName()).startsWith("com.amazon.corretto.crypto.provider.");
        // RS256 signatures are deterministic: the native provider's equals the JDK's, byte for byte.
        assertThat(signAndVerify(signer)).isEqualTo(signAndVerify(new SigningProvider(null).signer(KEY)));
    }

    @Test
    void signingKeysMakeOneSignerPerKeyUntilThePoolIsForgotten() {
        var store = new MapKeyStore();
        var keys = new SigningKeys(store, ReusableRsaKeys.source(), new SigningProvider(null));
        PoolKeys pool = keys.forPool("us-east-1_a");
        PoolKeys other = keys.forPool("us-east-1_b");

        JWSSigner first = keys.signer(pool.idToken());
        assertThat(((RSASSASigner) first).getJCAContext().getProvider()).isNull();
        assertThat(keys.signer(pool.idToken())).isSameAs(first);
        assertThat(keys.signer(pool.accessToken())).isNotSameAs(first);
        JWSSigner otherSigner = keys.signer(other.idToken());

        keys.forget("us-east-1_unknown");
        assertThat(keys.signer(pool.idToken())).isSameAs(first);
        JWSSigner access = keys.signer(pool.accessToken());
        keys.forget("us-east-1_a");
        assertThat(keys.signer(pool.idToken())).isNotSameAs(first);
        assertThat(keys.signer(pool.accessToken())).isNotSameAs(access);
        assertThat(keys.signer(other.idToken())).isSameAs(otherSigner);

        keys.forgetAll();
        assertThat(keys.signer(other.idToken())).isNotSameAs(otherSigner);
    }

    /** A provider class as the native one looks when its library cannot load. */
    public static final class UnhealthyProvider extends Provider {

        public static final UnhealthyProvider INSTANCE = new UnhealthyProvider();

        private UnhealthyProvider() {
            super("Unhealthy", "1.0", "a provider whose native code did not load");
        }

        public void assertHealthy() {
            throw new IllegalStateException("native library not loaded");
        }
    }

    /** A provider class as the native one looks when it works. */
    public static final class HealthyProvider extends Provider {

        public static final HealthyProvider INSTANCE = new HealthyProvider();

        private HealthyProvider() {
            super("Healthy", "1.0", "a provider that works");
        }

        public void assertHealthy() {}
    }

    /** Keeps keys in a map, as the in-memory store does. */
    private static final class MapKeyStore implements SigningKeyStore {

        private final java.util.Map<String, PoolKeys> keys = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public PoolKeys keysFor(String userPoolId, Supplier<PoolKeys> generator) {
            return this.keys.computeIfAbsent(userPoolId, (id) -> generator.get());
        }

        @Override
        public Optional<PoolKeys> find(String userPoolId) {
            return Optional.ofNullable(this.keys.get(userPoolId));
        }

        @Override
        public List<PoolKeys> list() {
            return List.copyOf(this.keys.values());
        }
    }
}
