package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The client side of Cognito's SRP exchange, as Cognito's JavaScript client computes it. */
final class SrpClient {

    private final BigInteger a;

    private final BigInteger publicA;

    SrpClient(byte[] random) {
        this.a = new BigInteger(1, random).mod(SrpGroup.N);
        this.publicA = SrpGroup.G.modPow(this.a, SrpGroup.N);
    }

    String publicA() {
        return this.publicA.toString(16);
    }

    /** {@code PASSWORD_CLAIM_SIGNATURE} for the server's challenge. */
    String signature(
            String poolName,
            String userId,
            String password,
            String saltHex,
            String srpB,
            String secretBlock,
            String timestamp) {
        HexFormat hex = HexFormat.of();
        BigInteger b = new BigInteger(srpB, 16);
        BigInteger u =
                new BigInteger(1, SrpGroup.sha256(hex.parseHex(SrpGroup.padHex(this.publicA) + SrpGroup.padHex(b))));
        BigInteger x = SrpGroup.privateKey(poolName, userId, password, new BigInteger(saltHex, 16));
        BigInteger s = b.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N)))
                .modPow(this.a.add(u.multiply(x)), SrpGroup.N);
        byte[] prk = hmac(hex.parseHex(SrpGroup.padHex(u)), hex.parseHex(SrpGroup.padHex(s)));
        byte[] info = Arrays.copyOf("Caldera Derived Key".getBytes(StandardCharsets.UTF_8), 20);
        info[19] = 1;
        byte[] key = Arrays.copyOf(hmac(prk, info), 16);
        byte[] signature = hmac(
                key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userId.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(secretBlock),
                timestamp.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
