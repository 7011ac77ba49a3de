package io.github.cognitoemulator.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The checks AWS asks of an application that accepts Cognito access tokens, beyond the signature, expiry and issuer
 * its decoder verifies: the token is an access token ({@code token_use}), issued to this application's app client
 * ({@code client_id}). Spring Boot applies every such validator bean to the decoder it configures from
 * {@code issuer-uri}, and the emulator's decoder does the same, so the check holds in production and in dev alike.
 *
 * @param clientId the application's app client
 */
@ConfigurationProperties("sample.cognito")
record CognitoAccessTokens(String clientId) implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (!"access".equals(token.getClaimAsString("token_use"))) {
            return invalid("Not an access token");
        }
        if (!this.clientId.equals(token.getClaimAsString("client_id"))) {
            return invalid("Not issued to this application's app client");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
