package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;

/**
 * Spring Security's OAuth2 client, the classes {@code oauth2Login()} and {@code oauth2Client()} use, against the pools'
 * managed login over HTTP: discovery from the issuer, the authorization code grant with PKCE, the ID token verified
 * against the key set, userInfo, refresh, and client credentials.
 */
class SpringOAuth2ClientTests extends SignInUseCase {

    private static final String SAMPLE_POOL = "us-east-1_Sample123";

    private static final String CALLBACK = "https://shop.example.com/login/oauth2/code/shop";

    private static final String MACHINE_CLIENT = "sample0machine0client000a1";

    private static final String MACHINE_SECRET = "sampleMachineClientSecret0123456789abcdefghijklmn";

    @Autowired
    private ClientRegistrationRepository registrations;

    @Test
    void theApplicationsRegistrationIsBuiltFromTheEmulatorAtTheRunningPort() {
        ClientRegistration registration = this.registrations.findByRegistrationId("cognito");
        JsonNode discovery = json(
                get("/" + SAMPLE_POOL + "/.well-known/openid-configuration").body());

        assertThat(registration.getClientId()).isEqualTo("sample0login0client00000a1");
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(issuer(SAMPLE_POOL));
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo(discovery.get("authorization_endpoint").asString());
        assertThat(registration.getProviderDetails().getTokenUri())
                .isEqualTo(discovery.get("token_endpoint").asString());
        assertThat(registration.getProviderDetails().getJwkSetUri())
                .isEqualTo(issuer(SAMPLE_POOL) + "/.well-known/jwks.json");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
                .isEqualTo("username");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "email", "profile");
    }

    @Test
    void theAccountPageSendsTheBrowserToManagedLoginWithPkce() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();

        HttpResponse<String> account = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/account")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> start = http.send(
                HttpRequest.newBuilder(URI.create(
                                account.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).hasValue(baseUrl() + "/oauth2/authorization/cognito");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(this.registrations
                                .findByRegistrationId("cognito")
                                .getProviderDetails()
                                .getAuthorizationUri()
                        + "?response_type=code&client_id=sample0login0client00000a1&scope=openid%20email%20profile")
                .contains("&redirect_uri=" + baseUrl() + "/login/oauth2/code/cognito")
                .contains("&code_challenge_method=S256");
    }

    @Test
    void springDiscoversThePoolExchangesACodeWithPkceReadsTheUserAndRefreshes() throws Exception {
        String poolId = createPool();
        createUser(poolId, "dora", attribute("email", "dora@example.com"), attribute("email_verified", "true"));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("dora")
                        .password(STRONG_PASSWORD)
                        .permanent(true));
        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("shop"))
                        .generateSecret(true)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid", "email", "profile")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .callbackURLs(CALLBACK)
                        .supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        // What Spring Boot does with spring.security.oauth2.client.provider.<id>.issuer-uri in production.
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer(poolId))
                .registrationId("shop")
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .redirectUri(CALLBACK)
                .scope("openid", "email", "profile")
                .build();
        String verifier = "a-code-verifier-of-at-least-forty-three-characters-0123456789";
        OAuth2AuthorizationRequest authorization = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(client.clientId())
                .redirectUri(CALLBACK)
                .scopes(registration.getScopes())
                .state("state-1")
                .attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER, verifier))
                .additionalParameters((parameters) -> {
                    parameters.put(PkceParameterNames.CODE_CHALLENGE, s256(verifier));
                    parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
                    parameters.put(OidcParameterNames.NONCE, "nonce-1");
                })
                .build();

        Map<String, String> callback = new ManagedLoginHttpSignIn()
                .signIn(URI.create(authorization.getAuthorizationRequestUri()), CALLBACK, "dora", STRONG_PASSWORD);
        assertThat(callback).containsEntry("state", "state-1").containsKey("code");
        OAuth2AccessTokenResponse tokens = new RestClientAuthorizationCodeTokenResponseClient()
                .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                        registration,
                        new OAuth2AuthorizationExchange(
                                authorization,
                                OAuth2AuthorizationResponse.success(callback.get("code"))
                                        .redirectUri(CALLBACK)
                                        .state("state-1")
                                        .build())));

        assertThat(tokens.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
        assertThat(tokens.getRefreshToken()).isNotNull();
        String idToken = (String) tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        Jwt id = NimbusJwtDecoder.withIssuerLocation(issuer(poolId)).build().decode(idToken);
        assertThat(id.getAudience()).containsExactly(client.clientId());
        assertThat(id.getClaimAsString("nonce")).isEqualTo("nonce-1");
        assertThat(id.getClaimAsString("email")).isEqualTo("dora@example.com");
        assertThat(id.getClaimAsString("cognito:username")).isEqualTo("dora");
        JsonNode access = claims(tokens.getAccessToken().getTokenValue());
        assertThat(access.get("client_id").asString()).isEqualTo(client.clientId());
        assertThat(access.get("username").asString()).isEqualTo("dora");

        // What oauth2Login() does with the tokens: the user, from the ID token and userInfo.
        OidcUser user = new OidcUserService()
                .loadUser(new OidcUserRequest(
                        registration,
                        tokens.getAccessToken(),
                        new OidcIdToken(idToken, id.getIssuedAt(), id.getExpiresAt(), id.getClaims())));
        assertThat(user.getUserInfo()).isNotNull();
        assertThat(user.getEmail()).isEqualTo("dora@example.com");
        assertThat(user.getSubject()).isEqualTo(id.getSubject());

        OAuth2AccessTokenResponse refreshed = new RestClientRefreshTokenTokenResponseClient()
                .getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                        registration, tokens.getAccessToken(), tokens.getRefreshToken()));
        assertThat(refreshed.getAccessToken().getTokenValue())
                .isNotEqualTo(tokens.getAccessToken().getTokenValue());
        assertThat(claims(refreshed.getAccessToken().getTokenValue())
                        .get("username")
                        .asString())
                .isEqualTo("dora");
        assertThat(refreshed.getAdditionalParameters()).containsKey(OidcParameterNames.ID_TOKEN);
        // Without rotation Cognito issues no new refresh token, and Spring keeps the one it has.
        assertThat(refreshed.getRefreshToken().getTokenValue())
                .isEqualTo(tokens.getRefreshToken().getTokenValue());
    }

    @Test
    void theSeededMachineClientGetsClientCredentialsTokensForTheSampleApi() {
        OAuth2AccessTokenResponse tokens = new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(machine(MACHINE_SECRET)));

        JsonNode access = claims(tokens.getAccessToken().getTokenValue());
        assertThat(tokens.getRefreshToken()).isNull();
        assertThat(tokens.getAdditionalParameters()).doesNotContainKey(OidcParameterNames.ID_TOKEN);
        assertThat(access.get("iss").asString()).isEqualTo(issuer(SAMPLE_POOL));
        assertThat(access.get("token_use").asString()).isEqualTo("access");
        assertThat(access.get("client_id").asString()).isEqualTo(MACHINE_CLIENT);
        assertThat(access.get("sub").asString()).isEqualTo(MACHINE_CLIENT);
        assertThat(access.get("scope").asString()).isEqualTo("sample-api/read");
        assertThat(access.has("username")).isFalse();
    }

    @Test
    void aClientCredentialsRequestWithTheWrongSecretIsInvalidClient() {
        OAuth2AuthorizationException refused = catchThrowableOfType(
                OAuth2AuthorizationException.class,
                () -> new RestClientClientCredentialsTokenResponseClient()
                        .getTokenResponse(
                                new OAuth2ClientCredentialsGrantRequest(machine("wrong0secret0wrong0secret0"))));

        assertThat(refused).isNotNull();
        assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_client");
    }

    /** The seeded machine client, at the token endpoint of the application's own registration. */
    private ClientRegistration machine(String secret) {
        return ClientRegistration.withRegistrationId("machine")
                .clientId(MACHINE_CLIENT)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(this.registrations
                        .findByRegistrationId("cognito")
                        .getProviderDetails()
                        .getTokenUri())
                .scope("sample-api/read")
                .build();
    }

    /** The PKCE {@code S256} challenge of a verifier. */
    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
