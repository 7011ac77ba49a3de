package io.github.cognitoemulator.core.oauth;

import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.User;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET|POST /oauth2/userInfo}: the attributes of the user of an access token with the {@code openid} scope, as
 * strings, within what its scopes grant and its client can read.
 */
final class UserInfoEndpoint {

    /** The attributes {@code profile} grants, with every custom attribute. */
    static final Set<String> PROFILE = Set.of(
            "name",
            "family_name",
            "given_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "updated_at");

    static final String BAD_REQUEST = "Bad OAuth2 request at UserInfo Endpoint";

    static final String INVALID_TOKEN =
            "Access token is expired, disabled, or deleted, or the user has globally signed out.";

    static final String NO_OPENID = "Access token does not contain openid scope";

    private final OAuthContext context;

    UserInfoEndpoint(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        String authorization = http.header("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return error(400, "invalid_request", BAD_REQUEST);
        }
        String accessToken = authorization.substring(7).trim();
        TokenService.AccessTokenClaims claims;
        List<String> scopes;
        try {
            claims = this.context.tokens().verifyAccessToken(accessToken);
            Object scope = SignedJWT.parse(accessToken).getJWTClaimsSet().getClaim("scope");
            scopes = Arrays.asList(Objects.toString(scope, "").split(" "));
        } catch (CognitoException | ParseException invalid) {
            return error(401, "invalid_token", INVALID_TOKEN);
        }
        if (!claims.userPoolId().equals(pool.id())) {
            return error(401, "invalid_token", INVALID_TOKEN);
        }
        if (!scopes.contains("openid")) {
            return error(400, "invalid_request", NO_OPENID);
        }
        Optional<User> user = this.context.users().findBySub(pool, claims.sub()).filter(User::enabled);
        Optional<UserPoolClient> client = this.context.client(pool, claims.clientId());
        if (user.isEmpty() || client.isEmpty()) {
            return error(401, "invalid_token", INVALID_TOKEN);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", user.get().sub());
        List<String> readable = client.get().readAttributes();
        user.get().attributes().forEach((name, value) -> {
            if (!name.equals("sub")
                    && !name.startsWith("dev:")
                    && (readable == null || readable.contains(name))
                    && granted(scopes, name)) {
                body.put(name, value);
            }
        });
        body.put("username", user.get().username());
        return HostedResponse.of(
                200,
                OAuthErrors.JSON,
                FlatJson.object(body),
                List.of(new HostedResponse.Header("Cache-Control", "no-store")));
    }

    /**
     * Whether the scopes grant the attribute {@code name}: {@code openid} alone grants every readable attribute;
     * with {@code profile}, {@code email} or {@code phone}, each grants its own.
     */
    static boolean granted(List<String> scopes, String name) {
        boolean profile = scopes.contains("profile");
        boolean email = scopes.contains("email");
        boolean phone = scopes.contains("phone");
        if (!profile && !email && !phone) {
            return true;
        }
        return (profile && (PROFILE.contains(name) || name.startsWith("custom:")))
                || (email && (name.equals("email") || name.equals("email_verified")))
                || (phone && (name.equals("phone_number") || name.equals("phone_number_verified")));
    }

    private static Map<String, String> errorBody(String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static HostedResponse error(int status, String error, String description) {
        String challenge = "error=\"" + error + "\", error_description=\"" + description + "\"";
        return HostedResponse.of(
                status,
                OAuthErrors.JSON,
                FlatJson.object(errorBody(error, description)),
                List.of(new HostedResponse.Header("WWW-Authenticate", challenge)));
    }
}
