package io.github.cognitoemulator.core.password;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What is stored of a password: the SRP salt and verifier {@code v = g^x mod N}, never the password itself. The same
 * pair answers SRP sign-ins and checks a password given in clear.
 *
 * @param salt the salt, as hex
 * @param verifier the verifier, as hex
 */
public record PasswordCredential(String salt, String verifier) {

    public PasswordCredential {
        Objects.requireNonNull(salt, "'salt' must not be null");
        Objects.requireNonNull(verifier, "'verifier' must not be null");
    }

    /** The credential for {@code password}, with a fresh 16-byte salt. */
    public static PasswordCredential create(String poolName, String username, String password, byte[] salt) {
        BigInteger saltValue = new BigInteger(1, salt);
        BigInteger x = SrpGroup.privateKey(poolName, username, password, saltValue);
        return new PasswordCredential(
                HexFormat.of().formatHex(salt), SrpGroup.G.modPow(x, SrpGroup.N).toString(16));
    }

    /** Whether {@code password} is the one this credential was made from. */
    public boolean matches(String poolName, String username, String password) {
        BigInteger x = SrpGroup.privateKey(poolName, username, password, new BigInteger(this.salt, 16));
        byte[] expected = new BigInteger(this.verifier, 16).toByteArray();
        byte[] actual = SrpGroup.G.modPow(x, SrpGroup.N).toByteArray();
        return MessageDigest.isEqual(expected, actual);
    }

    /** Keeps the verifier out of logs. */
    @Override
    public String toString() {
        return "PasswordCredential[salt=" + this.salt + "]";
    }
}
