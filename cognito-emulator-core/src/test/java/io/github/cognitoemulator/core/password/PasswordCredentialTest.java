package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PasswordCredentialTest {

    private static final String POOL = "AbC123xyZ";

    private final SplittableRandom random = new SplittableRandom(16);

    private byte[] salt() {
        byte[] salt = new byte[16];
        this.random.nextBytes(salt);
        return salt;
    }

    @Test
    void matchesThePasswordItWasMadeFrom() {
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());

        assertThat(credential.matches(POOL, "alice", "Passw0rd!")).isTrue();
    }

    @Test
    void doesNotMatchAnotherPasswordUserOrPool() {
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());

        assertThat(credential.matches(POOL, "alice", "passw0rd!")).isFalse();
        assertThat(credential.matches(POOL, "alice", "Passw0rd!!")).isFalse();
        assertThat(credential.matches(POOL, "bob", "Passw0rd!")).isFalse();
        assertThat(credential.matches("XyZ321cbA", "alice", "Passw0rd!")).isFalse();
    }

    @Test
    void verifierIsGToThePrivateKey() {
        byte[] salt = salt();
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt);

        assertThat(credential.salt()).isEqualTo(HexFormat.of().formatHex(salt)).hasSize(32);
        assertThat(credential.verifier())
                .isEqualTo(SrpGroup.G
                        .modPow(SrpGroup.privateKey(POOL, "alice", "Passw0rd!", new BigInteger(1, salt)), SrpGroup.N)
                        .toString(16));
    }

    @Test
    void sameSecretWithAnotherSaltGivesAnotherVerifier() {
        PasswordCredential first = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());
        PasswordCredential second = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());

        assertThat(second.salt()).isNotEqualTo(first.salt());
        assertThat(second.verifier()).isNotEqualTo(first.verifier());
        assertThat(second.matches(POOL, "alice", "Passw0rd!")).isTrue();
    }

    @Test
    void saltWithTheHighBitSetStillMatches() {
        byte[] salt = salt();
        salt[0] = (byte) 0x80;

        assertThat(PasswordCredential.create(POOL, "alice", "Passw0rd!", salt).matches(POOL, "alice", "Passw0rd!"))
                .isTrue();
    }

    @Test
    void textFormNeverShowsTheVerifier() {
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());

        assertThat(credential.toString())
                .doesNotContain(credential.verifier())
                .doesNotContain(credential.verifier().substring(0, 16))
                .doesNotContain("Passw0rd!");
    }

    @Test
    void textFormNamesTheSaltOnly() {
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());

        assertThat(credential.toString()).isEqualTo("PasswordCredential[salt=" + credential.salt() + "]");
    }
}
