package io.github.cognitoemulator.core.token;

import static io.github.cognitoemulator.core.SignInFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final Set<String> ID_TOKEN_CLAIMS = Set.of(
            "sub",
            "email_verified",
            "iss",
            "cognito:username",
            "origin_jti",
            "aud",
            "event_id",
            "token_use",
            "auth_time",
            "exp",
            "iat",
            "jti");

    private static final Set<String> ACCESS_TOKEN_CLAIMS = Set.of(
            "sub",
            "iss",
            "client_id",
            "origin_jti",
            "event_id",
            "token_use",
            "scope",
            "auth_time",
            "exp",
            "iat",
            "jti",
            "username",
            "version");

    private static final long NOW = SignInFixture.START.getEpochSecond();

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of(
            "Schema",
            List.of(
                    Map.of("Name", "team", "AttributeDataType", "String", "Mutable", true),
                    Map.of("Name", "level", "AttributeDataType", "Number", "Mutable", true))));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    /** A numeric claim; JSON numbers read back as the smallest type that holds them. */
    static long seconds(Map<String, Object> claims, String name) {
        assertThat(claims.get(name)).as(name).isInstanceOf(Number.class);
        return ((Number) claims.get(name)).longValue();
    }

    private Tokens signIn(AppClient client) {
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
    }

    private Tokens aliceWithEveryKindOfAttribute() {
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true",
                "given_name",
                "Alice",
                "address",
                "1 Main Street, Springfield",
                "updated_at",
                "1700000000",
                "custom:team",
                "blue",
                "custom:level",
                "7");
        return signIn(this.client);
    }

    @Test
    void idTokenCarriesCognitosClaimsAndEveryReadableAttribute() {
        Tokens tokens = aliceWithEveryKindOfAttribute();
        String sub = this.fixture.attributesOf(this.poolId, "alice").get("sub");

        Map<String, Object> claims = payload(tokens.idToken());

        Set<String> expected = new HashSet<>(ID_TOKEN_CLAIMS);
        expected.addAll(List.of(
                "email",
                "phone_number",
                "phone_number_verified",
                "given_name",
                "address",
                "updated_at",
                "custom:team",
                "custom:level"));
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(claims)
                .containsEntry("sub", sub)
                .containsEntry("iss", SignInFixture.ISSUER_BASE + "/" + this.poolId)
                .containsEntry("cognito:username", "alice")
                .containsEntry("aud", this.client.id())
                .containsEntry("token_use", "id");
        assertThat(seconds(claims, "auth_time")).isEqualTo(NOW);
        assertThat(seconds(claims, "iat")).isEqualTo(NOW);
        assertThat(seconds(claims, "exp")).isEqualTo(NOW + 3600);
        assertThat((String) claims.get("origin_jti")).matches(UUID);
        assertThat((String) claims.get("event_id")).matches(UUID);
        assertThat((String) claims.get("jti")).matches(UUID);
    }

    @Test
    void idTokenWritesVerificationFlagsAsBooleansCustomValuesAsStringsAndTheAddressAsAnObject() {
        Map<String, Object> claims = payload(aliceWithEveryKindOfAttribute().idToken());

        assertThat(claims.get("email_verified")).isEqualTo(true);
        assertThat(claims.get("phone_number_verified")).isEqualTo(true);
        assertThat(claims.get("custom:team")).isEqualTo("blue");
        assertThat(claims.get("custom:level")).isEqualTo("7");
        assertThat(claims.get("address")).isEqualTo(Map.of("formatted", "1 Main Street, Springfield"));
        assertThat(claims.get("updated_at")).isInstanceOf(Number.class);
        assertThat(seconds(claims, "updated_at")).isEqualTo(1700000000L);
        assertThat(claims.get("email")).isEqualTo("alice@example.com");
        assertThat(claims.get("phone_number")).isEqualTo("+15555550100");
    }

    @Test
    void idTokenLeavesOutAttributesTheClientCannotRead() {
        AppClient narrow = this.fixture.createPasswordClient(
                this.poolId, Map.of("ReadAttributes", List.of("email", "email_verified")));
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "given_name",
                "Alice",
                "custom:team",
                "blue");

        Map<String, Object> claims = payload(signIn(narrow).idToken());

        assertThat(claims).containsEntry("email", "alice@example.com").containsEntry("email_verified", true);
        assertThat(claims).doesNotContainKeys("given_name", "custom:team");
    }

    @Test
    void accessTokenCarriesCognitosClaimsAndNoAttributes() {
        Tokens tokens = aliceWithEveryKindOfAttribute();
        String sub = this.fixture.attributesOf(this.poolId, "alice").get("sub");

        Map<String, Object> claims = payload(tokens.accessToken());

        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(ACCESS_TOKEN_CLAIMS);
        assertThat(claims)
                .containsEntry("sub", sub)
                .containsEntry("iss", SignInFixture.ISSUER_BASE + "/" + this.poolId)
                .containsEntry("client_id", this.client.id())
                .containsEntry("token_use", "access")
                .containsEntry("scope", "aws.cognito.signin.user.admin")
                .containsEntry("username", "alice");
        assertThat(seconds(claims, "auth_time")).isEqualTo(NOW);
        assertThat(seconds(claims, "iat")).isEqualTo(NOW);
        assertThat(seconds(claims, "exp")).isEqualTo(NOW + 3600);
        assertThat(seconds(claims, "version")).isEqualTo(2);
        assertThat((String) claims.get("jti")).matches(UUID);
    }

    @Test
    void bothTokensOfASignInShareTheirOriginAndEventButNotTheirId() {
        Tokens tokens = aliceWithEveryKindOfAttribute();
        Map<String, Object> id = payload(tokens.idToken());
        Map<String, Object> access = payload(tokens.accessToken());

        assertThat(access.get("origin_jti")).isEqualTo(id.get("origin_jti"));
        assertThat(access.get("event_id")).isEqualTo(id.get("event_id"));
        assertThat(access.get("jti")).isNotEqualTo(id.get("jti"));
        assertThat(access.get("sub")).isEqualTo(id.get("sub"));

        Map<String, Object> next = payload(signIn(this.client).accessToken());
        assertThat(next.get("origin_jti")).isNotEqualTo(access.get("origin_jti"));
        assertThat(next.get("event_id")).isNotEqualTo(access.get("event_id"));
    }

    @Test
    void headerNamesTheKeyAndRs256AndNoType() {
        Tokens tokens = aliceWithEveryKindOfAttribute();

        for (String token : List.of(tokens.idToken(), tokens.accessToken())) {
            Map<String, Object> header = SignInFixture.header(token);
            assertThat(header.keySet()).containsExactlyInAnyOrder("kid", "alg");
            assertThat(header).containsEntry("alg", "RS256");
            assertThat((String) header.get("kid")).hasSize(44).endsWith("=");
        }
    }

    @Test
    void idAndAccessTokensAreSignedWithTwoDifferentKeysOfThePoolsKeySet() throws Exception {
        Tokens tokens = aliceWithEveryKindOfAttribute();
        SignedJWT id = SignedJWT.parse(tokens.idToken());
        SignedJWT access = SignedJWT.parse(tokens.accessToken());

        JWKSet keys = JWKSet.parse(this.fixture.emulator().jwks(this.poolId).orElseThrow());

        assertThat(id.getHeader().getKeyID()).isNotEqualTo(access.getHeader().getKeyID());
        assertThat(keys.getKeys())
                .extracting((key) -> key.getKeyID())
                .containsExactlyInAnyOrder(
                        id.getHeader().getKeyID(), access.getHeader().getKeyID());
        assertThat(id.verify(verifier(keys, id))).isTrue();
        assertThat(access.verify(verifier(keys, access))).isTrue();
    }

    private static JWSVerifier verifier(JWKSet keys, SignedJWT jwt) throws Exception {
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        return new RSASSAVerifier(key.toRSAPublicKey());
    }

    @Test
    void servedKeySetsHoldPublicRs256SigningKeysOnly() {
        aliceWithEveryKindOfAttribute();
        this.fixture.createPool();

        for (String document : List.of(
                this.fixture.emulator().jwks(this.poolId).orElseThrow(),
                this.fixture.emulator().jwks())) {
            List<?> keys = (List<?>) CognitoJson.readMap(document.getBytes(StandardCharsets.UTF_8))
                    .get("keys");
            assertThat(keys).isNotEmpty();
            for (Object key : keys) {
                @SuppressWarnings("unchecked")
                Map<String, Object> jwk = (Map<String, Object>) key;
                assertThat(jwk.keySet()).containsExactly("alg", "e", "kid", "kty", "n", "use");
                assertThat(jwk)
                        .containsEntry("alg", "RS256")
                        .containsEntry("kty", "RSA")
                        .containsEntry("use", "sig");
            }
            assertThat(document).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
        }
    }

    @Test
    void emulatorKeySetHoldsTheKeysOfEveryPool() throws Exception {
        String otherPool = this.fixture.createPool();
        Set<String> kids = new HashSet<>();
        for (String pool : List.of(this.poolId, otherPool)) {
            JWKSet.parse(this.fixture.emulator().jwks(pool).orElseThrow())
                    .getKeys()
                    .forEach((key) -> kids.add(key.getKeyID()));
        }

        JWKSet all = JWKSet.parse(this.fixture.emulator().jwks());

        assertThat(kids).hasSize(4);
        assertThat(all.getKeys()).extracting((key) -> key.getKeyID()).containsExactlyInAnyOrderElementsOf(kids);
    }

    @Test
    void unknownPoolHasNoKeySet() {
        assertThat(this.fixture.emulator().jwks("us-east-1_NoSuchOne")).isEmpty();
        assertThat(this.fixture.emulator().publicKeys("us-east-1_NoSuchOne")).isEmpty();
    }

    @Test
    void publicKeysAreThePublishedKeySetAndVerifyThePoolsTokens() throws Exception {
        Tokens tokens = aliceWithEveryKindOfAttribute();
        SignedJWT access = SignedJWT.parse(tokens.accessToken());

        JWKSet keys = this.fixture.emulator().publicKeys(this.poolId).orElseThrow();

        assertThat(keys.toJSONObject(true))
                .isEqualTo(
                        JWKSet.parse(this.fixture.emulator().jwks(this.poolId).orElseThrow())
                                .toJSONObject(true));
        assertThat(keys.getKeys()).hasSize(2).noneMatch((key) -> key.isPrivate());
        assertThat(access.verify(verifier(keys, access))).isTrue();
    }

    @Test
    void lifetimesFollowTheClientsValiditiesAndUnits() {
        AppClient shortLived = this.fixture.createPasswordClient(
                this.poolId,
                Map.of(
                        "AccessTokenValidity",
                        5,
                        "IdTokenValidity",
                        2,
                        "TokenValidityUnits",
                        Map.of("AccessToken", "minutes", "IdToken", "hours")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Tokens tokens = signIn(shortLived);

        assertThat(tokens.expiresIn()).isEqualTo(300);
        assertThat(seconds(payload(tokens.accessToken()), "exp")).isEqualTo(NOW + 300);
        assertThat(seconds(payload(tokens.idToken()), "exp")).isEqualTo(NOW + 7200);
    }

    @Test
    void validitiesWithoutUnitsAreHours() {
        AppClient client =
                this.fixture.createPasswordClient(this.poolId, Map.of("AccessTokenValidity", 2, "IdTokenValidity", 3));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Tokens tokens = signIn(client);

        assertThat(tokens.expiresIn()).isEqualTo(7200);
        assertThat(seconds(payload(tokens.idToken()), "exp")).isEqualTo(NOW + 3 * 3600);
    }

    @Test
    void defaultLifetimesAreOneHourAndTheResultIsABearerWithARefreshToken() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        var reply = this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD);

        assertThat(reply.json()).containsOnlyKeys("AuthenticationResult", "ChallengeParameters");
        assertThat(reply.map("ChallengeParameters")).isEmpty();
        assertThat(reply.map("AuthenticationResult"))
                .containsOnlyKeys("AccessToken", "ExpiresIn", "TokenType", "RefreshToken", "IdToken")
                .containsEntry("ExpiresIn", 3600)
                .containsEntry("TokenType", "Bearer");
        Tokens tokens = SignInFixture.tokens(reply);
        assertThat(tokens.refreshToken()).matches("[A-Za-z0-9-_=.]+");
        assertThat(seconds(payload(tokens.idToken()), "exp")).isEqualTo(NOW + 3600);
        assertThat(seconds(payload(tokens.accessToken()), "exp")).isEqualTo(NOW + 3600);
    }

    @Test
    void userWithoutAttributesGetsAnIdTokenOfCognitosClaimsOnly() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Map<String, Object> claims = payload(signIn(this.client).idToken());

        Set<String> expected = new HashSet<>(ID_TOKEN_CLAIMS);
        expected.remove("email_verified");
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
