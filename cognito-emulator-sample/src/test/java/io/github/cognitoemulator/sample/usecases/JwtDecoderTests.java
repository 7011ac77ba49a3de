package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import tools.jackson.databind.JsonNode;

/**
 * Spring Security's own JWT decoders, configured the way applications configure them for Cognito, accept the
 * emulator's tokens and reject what they should.
 */
class JwtDecoderTests extends SignInUseCase {

    @Test
    void issuerLocationDecoderAcceptsAccessAndIdTokens() {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer(poolId));

        Jwt access = decoder.decode(tokens.accessToken());
        Jwt id = decoder.decode(tokens.idToken());

        assertThat(access.getIssuer()).hasToString(issuer(poolId));
        assertThat(access.getClaimAsString("token_use")).isEqualTo("access");
        assertThat(access.getClaimAsString("username")).isEqualTo("alice");
        assertThat(id.getClaimAsString("token_use")).isEqualTo("id");
        assertThat(id.getAudience())
                .containsExactly(claims(tokens.accessToken()).get("client_id").asString());
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void issuerLocationDecoderRejectsATamperedToken() {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer(poolId));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(tampered(tokens.accessToken())));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(tampered(tokens.idToken())));
    }

    @Test
    void issuerLocationDecoderRejectsATokenOfAnotherPool() {
        String poolId = createPool();
        String otherPoolId = createPool();
        aliceSignedIn(poolId);
        AuthenticationResultType otherTokens = aliceSignedIn(otherPoolId);
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer(poolId));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(otherTokens.accessToken()));
    }

    @Test
    void keySetOfTheWholeEmulatorAcceptsTokensOfEveryPool() {
        String firstPool = createPool();
        String secondPool = createPool();
        AuthenticationResultType first = aliceSignedIn(firstPool);
        AuthenticationResultType second = aliceSignedIn(secondPool);
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build();

        assertThat(decoder.decode(first.accessToken()).getIssuer()).hasToString(issuer(firstPool));
        assertThat(decoder.decode(second.accessToken()).getIssuer()).hasToString(issuer(secondPool));
        assertThat(decoder.decode(second.idToken()).getClaimAsString("token_use"))
                .isEqualTo("id");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(tampered(first.idToken())));
    }

    @Test
    void discoveryDocumentNamesTheTokensIssuerAndAWorkingKeySet() {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);

        JsonNode discovery =
                json(get("/" + poolId + "/.well-known/openid-configuration").body());

        assertThat(discovery.get("issuer").asString())
                .isEqualTo(claims(tokens.accessToken()).get("iss").asString());
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer(poolId));
        String jwksUri = discovery.get("jwks_uri").asString();
        assertThat(jwksUri).isEqualTo(issuer(poolId) + "/.well-known/jwks.json");
        JsonNode keys = json(get(jwksUri.substring(baseUrl().length())).body()).get("keys");
        Set<String> kids =
                keys.valueStream().map((key) -> key.get("kid").asString()).collect(Collectors.toSet());
        assertThat(kids).containsExactlyInAnyOrder(kid(tokens.accessToken()), kid(tokens.idToken()));
        keys.valueStream()
                .forEach((key) -> assertThat(key.propertyNames())
                        .containsExactlyInAnyOrder("alg", "e", "kid", "kty", "n", "use"));
    }

    private static String kid(String jwt) {
        return json(new String(
                        java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]),
                        java.nio.charset.StandardCharsets.UTF_8))
                .get("kid")
                .asString();
    }

    @Test
    void expiredTokenIsRejectedByTheDecodersTimestampCheck() {
        String poolId = createPool();
        String token = aliceSignedIn(poolId).accessToken();
        NimbusJwtDecoder now =
                NimbusJwtDecoder.withIssuerLocation(issuer(poolId)).build();
        NimbusJwtDecoder later =
                NimbusJwtDecoder.withIssuerLocation(issuer(poolId)).build();
        JwtTimestampValidator twoHoursLater = new JwtTimestampValidator();
        twoHoursLater.setClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        later.setJwtValidator(twoHoursLater);

        assertThat(now.decode(token).getSubject()).matches(UUID_PATTERN);
        assertThatExceptionOfType(JwtValidationException.class)
                .isThrownBy(() -> later.decode(token))
                .satisfies((error) -> assertThat(List.copyOf(error.getErrors()))
                        .anySatisfy((e) -> assertThat(e.getDescription()).contains("expired")));
    }
}
