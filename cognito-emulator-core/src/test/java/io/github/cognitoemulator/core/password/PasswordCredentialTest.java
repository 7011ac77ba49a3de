package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static BigInteger x(String password, byte[] salt) {
        return SrpGroup.privateKey(POOL, "alice", password, new BigInteger(1, salt));
    }

    @Test
    void checkIsTheDigestOfThePrivateKey() {
        byte[] salt = salt();
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt);

        assertThat(credential.check())
                .isEqualTo(HexFormat.of()
                        .formatHex(SrpGroup.sha256(x("Passw0rd!", salt).toByteArray())))
                .hasSize(64);
        assertThat(credential.privateKey()).isNull();
    }

    @Test
    void aPasswordGivenInClearIsCheckedAgainstTheCheckNotTheVerifier() {
        byte[] salt = salt();
        PasswordCredential real = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt);
        PasswordCredential other = PasswordCredential.create(POOL, "alice", "0ther-Passw0rd!", salt);
        // The verifier of one password with the check of another: only the check decides a clear-text check.
        var mixed = new PasswordCredential(real.salt(), real.verifier(), other.check(), null);

        assertThat(mixed.matches(POOL, "alice", "0ther-Passw0rd!")).isTrue();
        assertThat(mixed.matches(POOL, "alice", "Passw0rd!")).isFalse();
    }

    @Test
    void credentialStoredBeforeChecksStillMatchesAgainstItsVerifier() {
        PasswordCredential current = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());
        var old = new PasswordCredential(current.salt(), current.verifier());

        assertThat(old.check()).isNull();
        assertThat(old.privateKey()).isNull();
        assertThat(old.matches(POOL, "alice", "Passw0rd!")).isTrue();
        assertThat(old.matches(POOL, "alice", "Passw0rd?")).isFalse();
        assertThat(old.matches(POOL, "bob", "Passw0rd!")).isFalse();
        assertThat(old.srpVerifier()).isEqualTo(new BigInteger(current.verifier(), 16));
    }

    @Test
    void temporaryCredentialKeepsThePrivateKeyInsteadOfTheVerifier() {
        byte[] salt = salt();
        PasswordCredential temporary = PasswordCredential.createTemporary(POOL, "alice", "Temp0rary!", salt);

        assertThat(temporary.salt()).isEqualTo(HexFormat.of().formatHex(salt));
        assertThat(temporary.verifier()).isNull();
        assertThat(temporary.check()).isNull();
        assertThat(temporary.privateKey()).isEqualTo(x("Temp0rary!", salt).toString(16));
    }

    @Test
    void temporaryCredentialMatchesItsPasswordOnly() {
        PasswordCredential temporary = PasswordCredential.createTemporary(POOL, "alice", "Temp0rary!", salt());

        assertThat(temporary.matches(POOL, "alice", "Temp0rary!")).isTrue();
        assertThat(temporary.matches(POOL, "alice", "temp0rary!")).isFalse();
        assertThat(temporary.matches(POOL, "bob", "Temp0rary!")).isFalse();
        assertThat(temporary.matches("XyZ321cbA", "alice", "Temp0rary!")).isFalse();
    }

    @Test
    void temporaryCredentialDerivesTheVerifierAPermanentOneStores() {
        byte[] salt = salt();
        PasswordCredential temporary = PasswordCredential.createTemporary(POOL, "alice", "Temp0rary!", salt);
        PasswordCredential permanent = PasswordCredential.create(POOL, "alice", "Temp0rary!", salt);

        assertThat(temporary.srpVerifier()).isEqualTo(new BigInteger(permanent.verifier(), 16));
        assertThat(permanent.srpVerifier()).isEqualTo(new BigInteger(permanent.verifier(), 16));
    }

    @Test
    void checksAgreeWithTheVerifierForManyPasswords() {
        for (int i = 0; i < 5; i++) {
            byte[] salt = salt();
            String password = "Passw0rd-" + this.random.nextInt();
            PasswordCredential current = PasswordCredential.create(POOL, "user" + i, password, salt);
            var old = new PasswordCredential(current.salt(), current.verifier());
            PasswordCredential temporary = PasswordCredential.createTemporary(POOL, "user" + i, password, salt);
            for (String attempt : new String[] {password, password + "x", password.substring(1)}) {
                boolean expected = old.matches(POOL, "user" + i, attempt);
                assertThat(current.matches(POOL, "user" + i, attempt)).isEqualTo(expected);
                assertThat(temporary.matches(POOL, "user" + i, attempt)).isEqualTo(expected);
                assertThat(expected).isEqualTo(attempt.equals(password));
            }
        }
    }

    @Test
    void aCredentialNeedsASaltAndAVerifierOrAPrivateKey() {
        assertThatThrownBy(() -> new PasswordCredential(null, "ab", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("'salt' must not be null");
        assertThatThrownBy(() -> new PasswordCredential("0a", null, "cd", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A credential needs a verifier or a private key");
        assertThatThrownBy(() -> new PasswordCredential("0a", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("'verifier' must not be null");
        assertThat(new PasswordCredential("0a", null, null, "ef").privateKey()).isEqualTo("ef");
    }

    @Test
    void textFormNeverShowsTheCheckOrThePrivateKey() {
        PasswordCredential credential = PasswordCredential.create(POOL, "alice", "Passw0rd!", salt());
        PasswordCredential temporary = PasswordCredential.createTemporary(POOL, "alice", "Passw0rd!", salt());

        assertThat(credential.toString()).doesNotContain(credential.check());
        assertThat(temporary.toString()).isEqualTo("PasswordCredential[salt=" + temporary.salt() + "]");
    }
}
