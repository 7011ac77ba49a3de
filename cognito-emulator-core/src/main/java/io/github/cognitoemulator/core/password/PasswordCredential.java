package io.github.cognitoemulator.core.password;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is stored of a password: the SRP salt and verifier {@code v = g^x mod N}, never the password itself, with a
 * digest of the private value {@code x} that checks a password given in clear.
 *
 * <p>Computing {@code x} from a password takes two SHA-256 hashes, while {@code v} takes a 3072-bit modular
 * exponentiation (about a millisecond). So a password given in clear is checked against {@code check = H(x)}, and the
 * verifier serves only the SRP exchange, which needs it. A credential stored before the check existed has none and is
 * checked against the verifier.
 *
 * <p>A temporary password (one an administrator sets, or Cognito generates, for a user who must change it) is
 * stored as its {@code x} instead of the verifier, which is computed when an SRP sign-in asks for it: most temporary
 * passwords are used once, in clear or not at all, and creating a user then costs no exponentiation. A temporary
 * password is known to whoever received the invitation and is replaced at the first sign-in, so keeping {@code x}
 * (from which an SRP client proof can be made, as from the password itself) for that short while weakens nothing
 * that matters.
 *
 * @param salt the salt, as hex
 * @param verifier the verifier, as hex; {@code null} for a temporary password, whose verifier is derived when needed
 * @param check {@code H(x)} as hex, or {@code null} for a credential stored before there was one
 * @param privateKey {@code x} as hex, only for a temporary password, otherwise {@code null}
 */
public record PasswordCredential(
        String salt,
        @Nullable String verifier,
        @Nullable String check,
        @Nullable String privateKey) {

    public PasswordCredential {
        Objects.requireNonNull(salt, "'salt' must not be null");
        if (verifier == null && privateKey == null) {
            throw new IllegalArgumentException("A credential needs a verifier or a private key");
        }
    }

    /** A credential as stored before it had a check: salt and verifier only. */
    public PasswordCredential(String salt, String verifier) {
        this(salt, Objects.requireNonNull(verifier, "'verifier' must not be null"), null, null);
    }

    /** The credential for {@code password}, with a fresh 16-byte salt. */
    public static PasswordCredential create(String poolName, String username, String password, byte[] salt) {
        BigInteger x = SrpGroup.privateKey(poolName, username, password, new BigInteger(1, salt));
        return new PasswordCredential(
                HexFormat.of().formatHex(salt),
                SrpGroup.G.modPow(x, SrpGroup.N).toString(16),
                HexFormat.of().formatHex(check(x)),
                null);
    }

    /**
     * The credential for a temporary {@code password}, with a fresh 16-byte salt: its verifier is left to be derived
     * when an SRP sign-in needs it.
     */
    public static PasswordCredential createTemporary(String poolName, String username, String password, byte[] salt) {
        BigInteger x = SrpGroup.privateKey(poolName, username, password, new BigInteger(1, salt));
        return new PasswordCredential(HexFormat.of().formatHex(salt), null, null, x.toString(16));
    }

    /** Whether {@code password} is the one this credential was made from. */
    public boolean matches(String poolName, String username, String password) {
        BigInteger x = SrpGroup.privateKey(poolName, username, password, new BigInteger(this.salt, 16));
        if (this.check != null) {
            return MessageDigest.isEqual(HexFormat.of().parseHex(this.check), check(x));
        }
        if (this.privateKey != null) {
            return MessageDigest.isEqual(new BigInteger(this.privateKey, 16).toByteArray(), x.toByteArray());
        }
        byte[] expected = new BigInteger(this.verifier, 16).toByteArray();
        byte[] actual = SrpGroup.G.modPow(x, SrpGroup.N).toByteArray();
        return MessageDigest.isEqual(expected, actual);
    }

    /** The SRP verifier {@code v}: the stored one, or for a temporary password {@code g^x mod N}. */
    public BigInteger srpVerifier() {
        if (this.verifier != null) {
            return new BigInteger(this.verifier, 16);
        }
        return SrpGroup.G.modPow(new BigInteger(this.privateKey, 16), SrpGroup.N);
    }

    /** The digest that checks a password given in clear: SHA-256 over the big-endian bytes of {@code x}. */
    private static byte[] check(BigInteger x) {
        return SrpGroup.sha256(x.toByteArray());
    }

    /** Keeps the verifier, the check and the private key out of logs. */
    @Override
    public String toString() {
        return "PasswordCredential[salt=" + this.salt + "]";
    }
}
