package io.github.cognitoemulator.autoconfigure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Verifies the tokens of the {@link CognitoEmulator} running in the same application, without any HTTP call: neither
 * at startup, as {@code issuer-uri} would need, nor per request.
 *
 * <p>A token is accepted when it is signed with RS256 by a key of the pool its {@code iss} names; that {@code iss} is
 * {@link CognitoEmulatorIssuer#issuer(String)} of a pool the emulator serves (of the one pool given, if any); its
 * {@code token_use} is {@code access} or {@code id}; it has not expired and is not used before its {@code nbf}, by the
 * emulator's clock, without leeway (issuer and verifier read the same clock, and a token is expired from the instant
 * of its {@code exp} on, as for the emulator's own actions); and every additional validator
 * accepts it. Any other token is rejected with a {@link BadJwtException} (a {@link JwtValidationException} when a
 * validator refuses it), which Spring Security answers with 401 and {@code WWW-Authenticate: Bearer
 * error="invalid_token"}.
 */
public final class CognitoEmulatorJwtDecoder implements JwtDecoder {

    private static final String DECODING_ERROR = "An error occurred while attempting to decode the Jwt: ";

    private static final String INVALID_TOKEN_URI = "https://tools.ietf.org/html/rfc6750#section-3.1";

    private static final Set<String> TOKEN_USES = Set.of("access", "id");

    private final CognitoEmulator emulator;

    private final CognitoEmulatorIssuer issuer;

    private final @Nullable String userPoolId;

    private final MappedJwtClaimSetConverter claimSetConverter = MappedJwtClaimSetConverter.withDefaults(Map.of());

    private final Clock clock;

    private final OAuth2TokenValidator<Jwt> validator;

    /**
     * @param emulator the emulator whose pools' keys verify the tokens
     * @param issuer the issuer of the emulator's tokens
     * @param clock the emulator's clock, against which expiry and not-before are checked
     * @param userPoolId the only pool whose tokens are accepted, or {@code null} for every pool of the emulator
     * @param additionalValidators validators applied after the emulator's own checks, such as the application's
     */
    public CognitoEmulatorJwtDecoder(
            CognitoEmulator emulator,
            CognitoEmulatorIssuer issuer,
            Clock clock,
            @Nullable String userPoolId,
            Collection<? extends OAuth2TokenValidator<Jwt>> additionalValidators) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
        this.userPoolId = userPoolId;
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(this::validateTimestamps);
        validators.add(CognitoEmulatorJwtDecoder::validateTokenUse);
        validators.addAll(additionalValidators);
        this.validator = new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        SignedJWT signed = parse(token);
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new BadJwtException(DECODING_ERROR + "The token is not signed with RS256");
        }
        JWTClaimsSet claims = claims(signed);
        String userPoolId = this.issuer
                .userPoolId(claims.getIssuer())
                .orElseThrow(() ->
                        new BadJwtException(DECODING_ERROR + "The iss claim is not an issuer of the Cognito emulator"));
        if (this.userPoolId != null && !this.userPoolId.equals(userPoolId)) {
            throw new BadJwtException(DECODING_ERROR + "The token was issued by user pool " + userPoolId
                    + ", not by the application's user pool " + this.userPoolId);
        }
        JWK key = this.emulator
                .publicKeys(userPoolId)
                .orElseThrow(() -> new BadJwtException(DECODING_ERROR + "User pool " + userPoolId + " does not exist"))
                .getKeyByKeyId(header.getKeyID());
        if (!(key instanceof RSAKey rsaKey) || !verify(signed, rsaKey)) {
            throw new BadJwtException(DECODING_ERROR + "Signed JWT rejected: Invalid signature");
        }
        Jwt jwt = Jwt.withTokenValue(token)
                .headers((headers) -> headers.putAll(header.toJSONObject()))
                .claims((values) -> values.putAll(this.claimSetConverter.convert(claims.getClaims())))
                .build();
        OAuth2TokenValidatorResult result = this.validator.validate(jwt);
        if (result.hasErrors()) {
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException(DECODING_ERROR + description(errors), errors);
        }
        return jwt;
    }

    private static SignedJWT parse(String token) {
        try {
            JWT parsed = JWTParser.parse(token);
            if (parsed instanceof SignedJWT signed) {
                return signed;
            }
            throw new BadJwtException(DECODING_ERROR + "The token is not a signed JWT");
        } catch (ParseException ex) {
            throw new BadJwtException(DECODING_ERROR + "Malformed token", ex);
        }
    }

    private static JWTClaimsSet claims(SignedJWT signed) {
        try {
            return signed.getJWTClaimsSet();
        } catch (ParseException ex) {
            throw new BadJwtException(DECODING_ERROR + "Malformed payload", ex);
        }
    }

    private static boolean verify(SignedJWT signed, RSAKey key) {
        try {
            return signed.verify(new RSASSAVerifier(key));
        } catch (JOSEException ex) {
            return false;
        }
    }

    /**
     * As RFC 7519 has it, and as the emulator judges its own tokens: expired from the instant of {@code exp} on, not
     * yet valid before {@code nbf}. Spring Security's timestamp validator would still accept a token at its
     * {@code exp}, and allows a minute of leeway between clocks that this one clock does not need.
     */
    private OAuth2TokenValidatorResult validateTimestamps(Jwt jwt) {
        Instant now = this.clock.instant();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return invalid("Jwt has no expiry");
        }
        if (!now.isBefore(expiresAt)) {
            return invalid("Jwt expired at " + expiresAt);
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.isBefore(notBefore)) {
            return invalid("Jwt used before " + notBefore);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, INVALID_TOKEN_URI));
    }

    private static OAuth2TokenValidatorResult validateTokenUse(Jwt jwt) {
        String tokenUse = jwt.getClaimAsString("token_use");
        if (tokenUse != null && TOKEN_USES.contains(tokenUse)) {
            return OAuth2TokenValidatorResult.success();
        }
        return invalid("The token_use claim must be 'access' or 'id'");
    }

    private static String description(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }

    @Override
    public String toString() {
        return "CognitoEmulatorJwtDecoder[" + this.issuer.baseUrl()
                + ((this.userPoolId != null) ? "/" + this.userPoolId : "") + "]";
    }
}
