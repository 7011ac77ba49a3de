package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SRP vectors computed by amazon-cognito-identity-js's {@code AuthenticationHelper}, the client Cognito's own SDKs
 * use: the verifier, the server value {@code B} and the {@code PASSWORD_CLAIM_SIGNATURE} that client sends must all
 * agree with this package. {@code interop/srp-vectors.mjs} regenerates {@code srp/vectors.json}.
 */
class SrpVectorsTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final JsonNode FILE = read();

    private static JsonNode read() {
        try (InputStream in = SrpVectorsTests.class.getResourceAsStream("/srp/vectors.json")) {
            return new ObjectMapper().readTree(Objects.requireNonNull(in, "srp/vectors.json is missing"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        FILE.get("vectors").forEach(node -> vectors.add(new Vector(node)));
        return vectors;
    }

    @Test
    void vectorsAreThere() {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void groupIsTheClientLibrarys() {
        assertThat(SrpGroup.N).isEqualTo(new BigInteger(FILE.get("N").asText(), 16));
        assertThat(SrpGroup.G).isEqualTo(new BigInteger(FILE.get("g").asText(), 16));
        assertThat(SrpGroup.K).isEqualTo(new BigInteger(FILE.get("k").asText(), 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifierIsTheOneTheClientDerives(Vector vector) {
        PasswordCredential credential = PasswordCredential.create(
                vector.poolName(), vector.username(), vector.password(), HEX.parseHex(vector.text("salt")));

        assertThat(SrpGroup.privateKey(vector.poolName(), vector.username(), vector.password(), vector.number("salt")))
                .isEqualTo(vector.number("x"));
        assertThat(credential.verifier()).isEqualTo(vector.text("v"));
        assertThat(credential.salt()).isEqualTo(vector.text("salt"));
        assertThat(credential.matches(vector.poolName(), vector.username(), vector.password()))
                .isTrue();
        assertThat(credential.matches(vector.poolName(), vector.username(), vector.text("wrongPassword")))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void startReproducesTheServerValue(Vector vector) {
        SrpSession session = SrpSession.start(vector.number("A"), vector.number("v"), HEX.parseHex(vector.text("b")));

        assertThat(session).isNotNull();
        assertThat(session.a()).isEqualTo(vector.number("A"));
        assertThat(session.b()).isEqualTo(vector.number("b"));
        assertThat(session.publicB()).isEqualTo(vector.number("B"));
        assertThat(session.verifier()).isEqualTo(vector.number("v"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void serverDerivesTheClientsSessionKey(Vector vector) {
        BigInteger a = vector.number("A");
        BigInteger b = vector.number("b");
        BigInteger publicB = vector.number("B");
        BigInteger u = new BigInteger(1, SrpGroup.sha256(HEX.parseHex(SrpGroup.padHex(a) + SrpGroup.padHex(publicB))));
        BigInteger s = a.multiply(vector.number("v").modPow(u, SrpGroup.N)).modPow(b, SrpGroup.N);

        assertThat(u).isEqualTo(vector.number("u"));
        assertThat(HEX.formatHex(
                        SrpSession.deriveKey(HEX.parseHex(SrpGroup.padHex(u)), HEX.parseHex(SrpGroup.padHex(s)))))
                .isEqualTo(vector.text("hkdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsTheClientsSignature(Vector vector) {
        assertThat(vector.session()
                        .verify(
                                vector.poolName(),
                                vector.username(),
                                vector.secretBlock(),
                                vector.text("timestamp"),
                                vector.signature("signature")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsASignatureMadeWithAWrongPassword(Vector vector) {
        assertThat(vector.session()
                        .verify(
                                vector.poolName(),
                                vector.username(),
                                vector.secretBlock(),
                                vector.text("timestamp"),
                                vector.signature("wrongPasswordSignature")))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsTheSignatureForAnotherTimestamp(Vector vector) {
        String timestamp = vector.text("timestamp");
        // One second later, and the same instant with the day of the month zero-padded.
        int lastDigit = timestamp.indexOf(" UTC") - 1;
        char nextDigit = (char) ('0' + (timestamp.charAt(lastDigit) - '0' + 1) % 10);
        String later = timestamp.substring(0, lastDigit) + nextDigit + timestamp.substring(lastDigit + 1);
        String padded = timestamp.replaceFirst("^(\\w{3} \\w{3}) (\\d) ", "$1 0$2 ");

        assertThat(later).isNotEqualTo(timestamp);
        for (String changed : List.of(later, padded, timestamp + " ")) {
            if (changed.equals(timestamp)) {
                continue;
            }
            assertThat(vector.session()
                            .verify(
                                    vector.poolName(),
                                    vector.username(),
                                    vector.secretBlock(),
                                    changed,
                                    vector.signature("signature")))
                    .as(changed)
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsTheSignatureForAnotherSecretBlock(Vector vector) {
        byte[] flipped = vector.secretBlock();
        flipped[flipped.length / 2] ^= 0x01;
        byte[] truncated = Arrays.copyOf(vector.secretBlock(), vector.secretBlock().length - 1);

        for (byte[] changed : List.of(flipped, truncated)) {
            assertThat(vector.session()
                            .verify(
                                    vector.poolName(),
                                    vector.username(),
                                    changed,
                                    vector.text("timestamp"),
                                    vector.signature("signature")))
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsTheSignatureForAnotherUsernameOrPool(Vector vector) {
        String username = vector.username();
        for (String changed : List.of(username.toUpperCase(Locale.ROOT), username + "x", "")) {
            if (changed.equals(username)) {
                continue;
            }
            assertThat(vector.session()
                            .verify(
                                    vector.poolName(),
                                    changed,
                                    vector.secretBlock(),
                                    vector.text("timestamp"),
                                    vector.signature("signature")))
                    .as(changed)
                    .isFalse();
        }
        assertThat(vector.session()
                        .verify(
                                vector.poolName().toLowerCase(Locale.ROOT),
                                username,
                                vector.secretBlock(),
                                vector.text("timestamp"),
                                vector.signature("signature")))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsTheSignatureAgainstAnotherVerifier(Vector vector) {
        BigInteger otherVerifier = new BigInteger(
                PasswordCredential.create(
                                vector.poolName(),
                                vector.username(),
                                vector.text("wrongPassword"),
                                HEX.parseHex(vector.text("salt")))
                        .verifier(),
                16);
        SrpSession session = new SrpSession(vector.number("A"), vector.number("b"), vector.number("B"), otherVerifier);

        assertThat(session.verify(
                        vector.poolName(),
                        vector.username(),
                        vector.secretBlock(),
                        vector.text("timestamp"),
                        vector.signature("signature")))
                .isFalse();
    }

    /** One vector of {@code srp/vectors.json}. */
    record Vector(JsonNode node) {

        String text(String field) {
            return Objects.requireNonNull(this.node.get(field), field).asText();
        }

        BigInteger number(String field) {
            return new BigInteger(text(field), 16);
        }

        String poolName() {
            String poolName = text("poolName");
            assertThat(text("poolId")).endsWith("_" + poolName);
            return poolName;
        }

        String username() {
            return text("username");
        }

        String password() {
            return text("password");
        }

        byte[] secretBlock() {
            return Base64.getDecoder().decode(text("secretBlock"));
        }

        byte[] signature(String field) {
            return Base64.getDecoder().decode(text(field));
        }

        SrpSession session() {
            return new SrpSession(number("A"), number("b"), number("B"), number("v"));
        }

        @Override
        public String toString() {
            return text("name");
        }
    }
}
