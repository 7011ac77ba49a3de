package io.github.cognitoemulator.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoSignIn;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CognitoEmulatorJwtDecoderTests {

    private static final Instant START = Instant.parse("2026-03-05T09:07:02Z");

    private final MutableClock clock = new MutableClock(START);

    /** Every key the emulator was handed, private parts included, so a test can sign what the emulator would not. */
    private final List<RSAKey> keys = new ArrayList<>();

    private final CognitoEmulator emulator;

    private final CognitoEmulatorIssuer issuer = new CognitoEmulatorIssuer(null, "", "/", 8080);

    private final CognitoSignIn cognito;

    CognitoEmulatorJwtDecoderTests() {
        RsaKeySource shared = ReusableRsaKeys.source();
        this.emulator = CognitoEmulator.builder()
                .clock(this.clock)
                .keySource(() -> {
                    RSAKey key = shared.next();
                    this.keys.add(key);
                    return key;
                })
                .build();
        this.cognito = new CognitoSignIn(this.emulator, this.issuer);
    }

    private CognitoEmulatorJwtDecoder decoder() {
        return decoder(null, List.of());
    }

    private CognitoEmulatorJwtDecoder decoder(String userPoolId, List<OAuth2TokenValidator<Jwt>> validators) {
        return new CognitoEmulatorJwtDecoder(this.emulator, this.issuer, this.clock, userPoolId, validators);
    }

    @Test
    void acceptsTheAccessAndIdTokensOfAnyPoolOfTheEmulator() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser("admin");
        CognitoSignIn.Tokens others = this.cognito.newUser();

        Jwt access = decoder().decode(tokens.accessToken());
        Jwt id = decoder().decode(tokens.idToken());

        assertThat(access.getTokenValue()).isEqualTo(tokens.accessToken());
        assertThat(access.getClaimAsString("token_use")).isEqualTo("access");
        assertThat(access.getClaimAsStringList("cognito:groups")).containsExactly("admin");
        assertThat(access.getIssuer()).hasToString(this.issuer.baseUrl() + "/" + poolOf(access));
        assertThat(access.getExpiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(access.getIssuedAt()).isEqualTo(START);
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(id.getClaimAsString("token_use")).isEqualTo("id");
        assertThat(id.getAudience()).hasSize(1);
        assertThat(decoder().decode(others.accessToken()).getSubject()).isNotEqualTo(access.getSubject());
    }

    private static String poolOf(Jwt jwt) {
        String iss = jwt.getClaimAsString("iss");
        return iss.substring(iss.lastIndexOf('/') + 1);
    }

    @Test
    void acceptsOnlyTheGivenPoolsTokensWhenOneIsGiven() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        CognitoSignIn.Tokens others = this.cognito.newUser();
        String poolId = poolOf(decoder().decode(tokens.accessToken()));
        String otherPoolId = poolOf(decoder().decode(others.accessToken()));

        CognitoEmulatorJwtDecoder restricted = decoder(poolId, List.of());

        assertThat(restricted.decode(tokens.accessToken()).getSubject()).isNotNull();
        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> restricted.decode(others.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: The token was issued by user pool "
                        + otherPoolId + ", not by the application's user pool " + poolId);
    }

    @Test
    void rejectsTheTokensOfAPoolThatNoLongerExists() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        String poolId = poolOf(decoder().decode(tokens.accessToken()));
        this.cognito.call("DeleteUserPool", Map.of("UserPoolId", poolId));

        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode(tokens.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: User pool " + poolId
                        + " does not exist");
    }

    @Test
    void rejectsTokensOfAnotherIssuer() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        CognitoEmulatorIssuer elsewhere = new CognitoEmulatorIssuer(null, "", "/", 9090);

        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> new CognitoEmulatorJwtDecoder(this.emulator, elsewhere, this.clock, null, List.of())
                        .decode(tokens.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: The iss claim is not an issuer of"
                        + " the Cognito emulator");
    }

    @Test
    void rejectsATokenWhosePayloadWasChanged() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        CognitoSignIn.Tokens others = this.cognito.newUser();
        String[] parts = tokens.accessToken().split("\\.");
        String[] otherParts = others.accessToken().split("\\.");
        String forged = parts[0] + "." + otherParts[1] + "." + parts[2];
        decoder().decode(others.accessToken());

        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode(forged))
                .withMessage("An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid"
                        + " signature");
    }

    @Test
    void rejectsATokenSignedWithAKeyOfAnotherPool() throws Exception {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        String poolId = poolOf(decoder().decode(tokens.accessToken()));
        this.cognito.newUser();
        RSAKey otherPoolsKey = this.keys.get(this.keys.size() - 1);

        String token = sign(otherPoolsKey, claims(poolId, "access"));

        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode(token))
                .withMessageEndingWith("Signed JWT rejected: Invalid signature");
    }

    @Test
    void rejectsAnythingButAnRs256SignedJwt() throws Exception {
        String poolId = this.cognito.createPool();
        SignedJWT hs256 = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), claims(poolId, "access").build());
        hs256.sign(new MACSigner(new byte[32]));
        String plain = new PlainJWT(claims(poolId, "access").build()).serialize();

        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode(hs256.serialize()))
                .withMessageEndingWith("The token is not signed with RS256");
        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode(plain))
                .withMessageEndingWith("The token is not a signed JWT");
        assertThatExceptionOfType(BadJwtException.class)
                .isThrownBy(() -> decoder().decode("not-a-token"))
                .withMessageEndingWith("Malformed token");
    }

    @Test
    void acceptsOnlyAccessAndIdTokens() throws Exception {
        String poolId = this.cognito.createPool();
        this.emulator.publicKeys(poolId);
        RSAKey accessKey = poolKey(poolId, 1);

        assertThat(decoder().decode(sign(accessKey, claims(poolId, "id"))).getClaimAsString("token_use"))
                .isEqualTo("id");
        for (String tokenUse : new String[] {"refresh", "Access", ""}) {
            assertThatExceptionOfType(JwtValidationException.class)
                    .isThrownBy(() -> decoder().decode(sign(accessKey, claims(poolId, tokenUse))))
                    .withMessage("An error occurred while attempting to decode the Jwt: The token_use claim must be"
                            + " 'access' or 'id'")
                    .satisfies((ex) -> assertThat(ex.getErrors())
                            .extracting(OAuth2Error::getErrorCode)
                            .containsExactly("invalid_token"));
        }
        JWTClaimsSet withoutTokenUse = new JWTClaimsSet.Builder(
                        claims(poolId, "access").build())
                .claim("token_use", null)
                .build();
        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder().decode(sign(accessKey, new JWTClaimsSet.Builder(withoutTokenUse))));
    }

    /** The key of a pool the emulator was handed {@code index}-th (0: ID tokens, 1: access tokens). */
    private RSAKey poolKey(String poolId, int index) {
        String kid = this.emulator
                .publicKeys(poolId)
                .orElseThrow()
                .getKeys()
                .get(index)
                .getKeyID();
        return this.keys.stream()
                .filter((key) -> kid.equals(key.getKeyID()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void judgesExpiryByTheEmulatorsClockToTheSecond() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();

        this.clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(decoder().decode(tokens.accessToken())).isNotNull();
        this.clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder().decode(tokens.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: Jwt expired at "
                        + START.plus(Duration.ofHours(1)))
                .satisfies((ex) -> assertThat(ex.getErrors())
                        .extracting(OAuth2Error::getErrorCode, OAuth2Error::getUri)
                        .containsExactly(tuple("invalid_token", "https://tools.ietf.org/html/rfc6750#section-3.1")));
    }

    @Test
    void refusesATokenBeforeItsNotBeforeTime() throws Exception {
        String poolId = this.cognito.createPool();
        RSAKey accessKey = poolKey(poolId, 1);
        String token = sign(accessKey, claims(poolId, "access").notBeforeTime(Date.from(START.plusSeconds(1))));

        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder().decode(token))
                .withMessage("An error occurred while attempting to decode the Jwt: Jwt used before "
                        + START.plusSeconds(1));
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(decoder().decode(token)).isNotNull();
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        String poolId = this.cognito.createPool();
        String token = sign(poolKey(poolId, 1), claims(poolId, "access").expirationTime(null));

        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder().decode(token))
                .withMessage("An error occurred while attempting to decode the Jwt: Jwt has no expiry");
    }

    @Test
    void appliesAdditionalValidatorsAfterItsOwn() {
        CognitoSignIn.Tokens tokens = this.cognito.newUser();
        List<String> seen = new ArrayList<>();
        OAuth2TokenValidator<Jwt> clientCheck = (jwt) -> {
            seen.add(jwt.getClaimAsString("token_use"));
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Unknown client", null));
        };

        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder(null, List.of(clientCheck)).decode(tokens.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: Unknown client");
        assertThat(seen).containsExactly("access");

        OAuth2TokenValidator<Jwt> silent =
                (jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder(null, List.of(silent)).decode(tokens.accessToken()))
                .withMessage("An error occurred while attempting to decode the Jwt: Unable to validate Jwt");
        this.clock.advance(Duration.ofHours(2));
        seen.clear();
        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> decoder(null, List.of(clientCheck)).decode(tokens.accessToken()))
                .satisfies((ex) -> assertThat(ex.getErrors()).hasSize(2));
    }

    @Test
    void describesItself() {
        assertThat(decoder()).hasToString("CognitoEmulatorJwtDecoder[http://localhost:8080]");
        assertThat(decoder("us-east-1_abc", List.of()))
                .hasToString("CognitoEmulatorJwtDecoder[http://localhost:8080/us-east-1_abc]");
    }

    private JWTClaimsSet.Builder claims(String poolId, String tokenUse) {
        return new JWTClaimsSet.Builder()
                .issuer(this.issuer.issuer(poolId))
                .subject("f1e2d3c4-0000-4000-8000-000000000000")
                .claim("token_use", tokenUse)
                .issueTime(Date.from(START))
                .expirationTime(Date.from(START.plus(Duration.ofHours(1))));
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
