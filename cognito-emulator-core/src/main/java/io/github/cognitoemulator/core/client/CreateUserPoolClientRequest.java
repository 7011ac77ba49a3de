package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.Redacted;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CreateUserPoolClient request, or the settings of an UpdateUserPoolClient request, which gives them all again.
 *
 * @param userPoolId the pool
 * @param clientName the client name
 * @param generateSecret whether to generate a client secret
 * @param clientSecret a secret of the caller's choosing, or {@code null}
 * @param tokenValidity the token lifetimes
 * @param explicitAuthFlows the flows, or {@code null} when not given
 * @param preventUserExistenceErrors {@code LEGACY}, {@code ENABLED} or {@code null}
 * @param enableTokenRevocation whether refresh tokens can be revoked
 * @param authSessionValidity minutes a challenge session lasts
 * @param oauth the members Cognito checks against the pool and each other
 * @param settings the other members, by wire name
 */
record CreateUserPoolClientRequest(
        String userPoolId,
        String clientName,
        boolean generateSecret,
        @Nullable String clientSecret,
        TokenValidity tokenValidity,
        @Nullable List<ExplicitAuthFlow> explicitAuthFlows,
        @Nullable String preventUserExistenceErrors,
        boolean enableTokenRevocation,
        int authSessionValidity,
        OAuthSettings oauth,
        Map<String, Object> settings) {

    private static final StringShape CLIENT_NAME = StringShape.length(1, 128).pattern("[\\w\\s+=,.@-]+");

    private static final StringShape TIME_UNIT = StringShape.oneOf("seconds", "minutes", "hours", "days");

    private static final StringShape REDIRECT_URL =
            StringShape.length(1, 1024).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    static CreateUserPoolClientRequest parse(RequestReader in) {
        String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
        String clientName = in.requiredString("ClientName", CLIENT_NAME);
        Boolean generateSecret = in.bool("GenerateSecret");
        String clientSecret = in.string("ClientSecret", Shapes.CLIENT_SECRET);
        return parseSettings(in, userPoolId, clientName, Boolean.TRUE.equals(generateSecret), clientSecret);
    }

    /** The name of a client being updated, or {@code null} when the request leaves it out. */
    static @Nullable String optionalClientName(RequestReader in) {
        return in.string("ClientName", CLIENT_NAME);
    }

    /** The members that CreateUserPoolClient and UpdateUserPoolClient share. */
    static CreateUserPoolClientRequest parseSettings(
            RequestReader in,
            String userPoolId,
            String clientName,
            boolean generateSecret,
            @Nullable String clientSecret) {
        Integer refresh = in.integer("RefreshTokenValidity", IntShape.range(0, 315360000));
        Integer access = in.integer("AccessTokenValidity", IntShape.range(1, 86400));
        Integer id = in.integer("IdTokenValidity", IntShape.range(1, 86400));
        String accessUnit = null;
        String idUnit = null;
        String refreshUnit = null;
        RequestReader units = in.structure("TokenValidityUnits");
        if (units != null) {
            accessUnit = units.string("AccessToken", TIME_UNIT);
            idUnit = units.string("IdToken", TIME_UNIT);
            refreshUnit = units.string("RefreshToken", TIME_UNIT);
        }
        String[] flowNames =
                Arrays.stream(ExplicitAuthFlow.values()).map(Enum::name).toArray(String[]::new);
        List<String> flows = in.stringList("ExplicitAuthFlows", StringShape.oneOf(flowNames));
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> readAttributes = in.stringList("ReadAttributes", StringShape.length(1, 2048));
        putIfPresent(settings, "ReadAttributes", readAttributes);
        List<String> writeAttributes = in.stringList("WriteAttributes", StringShape.length(1, 2048));
        putIfPresent(settings, "WriteAttributes", writeAttributes);
        List<String> providers = in.stringList(
                "SupportedIdentityProviders",
                StringShape.length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+"));
        putIfPresent(settings, "SupportedIdentityProviders", providers);
        List<String> callbackUrls = in.stringList("CallbackURLs", REDIRECT_URL, 0, 100);
        putIfPresent(settings, "CallbackURLs", callbackUrls);
        List<String> logoutUrls = in.stringList("LogoutURLs", REDIRECT_URL, 0, 100);
        putIfPresent(settings, "LogoutURLs", logoutUrls);
        String defaultRedirectUri = in.string("DefaultRedirectURI", REDIRECT_URL);
        putIfPresent(settings, "DefaultRedirectURI", defaultRedirectUri);
        List<String> oauthFlows =
                in.stringList("AllowedOAuthFlows", StringShape.oneOf("code", "implicit", "client_credentials"), 0, 3);
        putIfPresent(settings, "AllowedOAuthFlows", oauthFlows);
        List<String> scopes = in.stringList(
                "AllowedOAuthScopes", StringShape.length(1, 256).pattern("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"), 0, 50);
        putIfPresent(settings, "AllowedOAuthScopes", scopes);
        boolean oauthClient = Boolean.TRUE.equals(in.bool("AllowedOAuthFlowsUserPoolClient"));
        settings.put("AllowedOAuthFlowsUserPoolClient", oauthClient);
        OAuthSettings oauth = new OAuthSettings(
                readAttributes,
                writeAttributes,
                orEmpty(providers),
                orEmpty(callbackUrls),
                orEmpty(logoutUrls),
                defaultRedirectUri,
                orEmpty(oauthFlows),
                orEmpty(scopes),
                oauthClient);
        putIfPresent(settings, "AnalyticsConfiguration", in.document("AnalyticsConfiguration"));
        Boolean propagate = in.bool("EnablePropagateAdditionalUserContextData");
        settings.put("EnablePropagateAdditionalUserContextData", Boolean.TRUE.equals(propagate));
        putIfPresent(settings, "RefreshTokenRotation", in.document("RefreshTokenRotation"));
        String preventErrors = in.string("PreventUserExistenceErrors", StringShape.oneOf("LEGACY", "ENABLED"));
        Boolean revocation = in.bool("EnableTokenRevocation");
        Integer sessionValidity = in.integer("AuthSessionValidity", IntShape.range(3, 15));
        return new CreateUserPoolClientRequest(
                userPoolId,
                clientName,
                generateSecret,
                clientSecret,
                new TokenValidity(access, id, refresh, accessUnit, idUnit, refreshUnit),
                (flows != null) ? toFlows(flows) : null,
                preventErrors,
                !Boolean.FALSE.equals(revocation),
                (sessionValidity != null) ? sessionValidity : 3,
                oauth,
                settings);
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return (list != null) ? list : List.of();
    }

    /**
     * The settings Cognito checks against the pool and each other, typed; absent lists are empty.
     *
     * @param readAttributes the attributes the client may read, or {@code null} for Cognito's default
     * @param writeAttributes the attributes the client may write, or {@code null} for Cognito's default
     * @param supportedIdentityProviders {@code COGNITO} and the names of pool providers
     * @param callbackUrls where the authorization server may send users back to
     * @param logoutUrls where sign-out may send users back to
     * @param defaultRedirectUri the default callback URL, or {@code null}
     * @param allowedOAuthFlows {@code code}, {@code implicit}, {@code client_credentials}
     * @param allowedOAuthScopes standard and resource server scopes
     * @param allowedOAuthFlowsUserPoolClient whether the client may use OAuth at all
     */
    record OAuthSettings(
            @Nullable List<String> readAttributes,
            @Nullable List<String> writeAttributes,
            List<String> supportedIdentityProviders,
            List<String> callbackUrls,
            List<String> logoutUrls,
            @Nullable String defaultRedirectUri,
            List<String> allowedOAuthFlows,
            List<String> allowedOAuthScopes,
            boolean allowedOAuthFlowsUserPoolClient) {}

    private static List<ExplicitAuthFlow> toFlows(List<String> names) {
        return names.stream()
                .filter((name) -> Arrays.stream(ExplicitAuthFlow.values())
                        .anyMatch((f) -> f.name().equals(name)))
                .map(ExplicitAuthFlow::valueOf)
                .distinct()
                .toList();
    }

    private static void putIfPresent(Map<String, Object> settings, String member, @Nullable Object value) {
        if (value != null) {
            settings.put(member, value);
        }
    }

    /** A description without the client secret. */
    @Override
    public String toString() {
        return "CreateUserPoolClientRequest[userPoolId=" + this.userPoolId + ", clientName=" + this.clientName
                + ", generateSecret=" + this.generateSecret + ", clientSecret=" + Redacted.secret(this.clientSecret)
                + ", tokenValidity=" + this.tokenValidity + ", explicitAuthFlows=" + this.explicitAuthFlows
                + ", preventUserExistenceErrors=" + this.preventUserExistenceErrors + ", enableTokenRevocation="
                + this.enableTokenRevocation + ", authSessionValidity=" + this.authSessionValidity + ", settings="
                + this.settings + "]";
    }
}
