package io.github.cognitoemulator.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the Cognito emulator that runs inside the application.
 *
 * @param enabled Whether to run the emulator. When unset, it runs only while one of 'cognito.emulator.profiles' is
 *     active; false keeps it off whatever the profiles.
 * @param profiles Profiles that switch the emulator on when 'cognito.emulator.enabled' is unset.
 * @param path Path, within the application, at which the emulator answers Cognito's JSON 1.1 calls; the AWS SDK's
 *     endpoint points there. Must start with '/'.
 * @param region Region served when a request's SigV4 credential scope names none. It prefixes user pool ids.
 * @param accountId Twelve-digit AWS account id that appears in ARNs.
 * @param issuerBaseUrl Base URL of the issuer of tokens, so that 'iss' is '{issuer-base-url}/{poolId}'. When unset,
 *     'http://localhost:{server port}{context path}{documents-path}', whatever host name a request used. Set
 *     'https://cognito-idp.{region}.amazonaws.com' for an 'iss' identical to Cognito's.
 * @param storage Where the emulator keeps its state: in memory unless a JDBC URL is given.
 * @param provisionedLimitMaximums Account-level maximum request rate of adjustable API categories, by category name
 *     (for example 'UserAuthentication: 500'), as if Service Quotas had granted an increase; UpdateProvisionedLimit
 *     accepts rates up to it. A category not listed has its free rate as maximum.
 * @param passkeyRelyingPartyId Relying party id of passkeys in pools that have neither a
 *     'WebAuthnConfiguration.RelyingPartyId' nor a domain, for example 'localhost' for an application served from
 *     the developer's machine. When unset, such pools refuse passkey registration with
 *     WebAuthnConfigurationMissingException, as Cognito does.
 * @param documentsPath Path, within the application, under which the emulator serves its OpenID Connect documents
 *     ('{documents-path}/{poolId}/.well-known/openid-configuration' and 'jwks.json', and the same two for all pools
 *     at '{documents-path}/.well-known/'); the default issuer ends with it. Set it, to '/cognito' for example, when
 *     the application serves its own '/.well-known' documents. Defaults to 'path'. Must start with '/'.
 * @param pools User pools to have from startup, under fixed ids, with their app clients, groups, resource servers,
 *     domain and users. Created with the same checks as the API where missing; left as they are where they exist
 *     already, such as in a database kept across restarts.
 * @param security How the emulator joins Spring Security when the application is an OAuth2 resource server.
 */
@ConfigurationProperties(CognitoEmulatorProperties.PREFIX)
public record CognitoEmulatorProperties(
        @Nullable Boolean enabled,

        @DefaultValue(CognitoEmulatorProperties.DEFAULT_PROFILE)
        List<String> profiles,

        @DefaultValue("/") String path,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("000000000000") String accountId,
        @Nullable String issuerBaseUrl,
        @DefaultValue Storage storage,
        @DefaultValue Map<String, Integer> provisionedLimitMaximums,
        @Nullable String passkeyRelyingPartyId,
        @Nullable String documentsPath,
        @DefaultValue List<Pool> pools,
        @DefaultValue Security security) {

    static final String PREFIX = "cognito.emulator";

    static final String DEFAULT_PROFILE = "dev";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public CognitoEmulatorProperties {
        profiles = List.copyOf(profiles);
        provisionedLimitMaximums = Map.copyOf(provisionedLimitMaximums);
        pools = List.copyOf(pools);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        if (documentsPath == null) {
            documentsPath = path;
        } else if (!documentsPath.startsWith("/")) {
            throw new IllegalArgumentException("'documentsPath' must start with '/' but was '" + documentsPath + "'");
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("'region' must not be blank");
        }
        if (issuerBaseUrl != null && (issuerBaseUrl.isBlank() || issuerBaseUrl.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "'issuerBaseUrl' must not be blank or end with '/' but was '" + issuerBaseUrl + "'");
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("'accountId' must be twelve digits but was '" + accountId + "'");
        }
    }

    /**
     * How the emulator joins Spring Security when the application is an OAuth2 resource server
     * ({@code spring-boot-starter-oauth2-resource-server} on the class path).
     *
     * @param jwtDecoder Whether to verify bearer tokens against the emulator in-process, with a JwtDecoder (or
     *     ReactiveJwtDecoder) that takes precedence over the one 'spring.security.oauth2.resourceserver.jwt.issuer-uri'
     *     would configure. An application's own decoder always wins.
     * @param groupAuthorityPrefix Prefix of the authority each group of a token's 'cognito:groups' claim becomes, so
     *     that with 'ROLE_' the group 'admin' satisfies hasRole("admin").
     */
    public record Security(
            @DefaultValue("true") boolean jwtDecoder,

            @DefaultValue(Security.DEFAULT_GROUP_AUTHORITY_PREFIX)
            String groupAuthorityPrefix) {

        static final String DEFAULT_GROUP_AUTHORITY_PREFIX = "ROLE_";
    }

    /**
     * Where the emulator keeps its state. It never uses the application's own DataSource.
     *
     * @param url JDBC URL of an H2 or PostgreSQL database for the emulator's state, for example
     *     'jdbc:h2:file:./cognito' to keep it across restarts, or a PostgreSQL URL shared by several instances. When
     *     unset, state is kept in memory and gone when the application stops.
     * @param username Database user.
     * @param password Database password.
     */
    public record Storage(
            @Nullable String url,
            @Nullable String username,
            @Nullable String password) {

        public Storage {
            if (url != null && url.isBlank()) {
                throw new IllegalArgumentException("'url' must not be blank");
            }
        }

        /** Whether state is kept in memory. */
        public boolean inMemory() {
            return this.url == null;
        }

        /** A description without the password, so that logging the properties leaks nothing. */
        @Override
        public String toString() {
            return "Storage[url=" + this.url + ", username=" + this.username + ", password="
                    + ((this.password != null) ? "***" : null) + "]";
        }
    }

    /**
     * A user pool created at startup under a fixed id. Settings left unset take Cognito's defaults.
     *
     * @param id Pool id: the region, an underscore and nine letters or digits, for example 'us-east-1_Sample123'. Its
     *     region is the pool's region.
     * @param name Pool name.
     * @param usernameAttributes Attributes that sign in in place of a username: 'email' and/or 'phone_number'.
     * @param aliasAttributes Attributes that also sign in: 'email', 'phone_number' and/or 'preferred_username'.
     * @param autoVerifiedAttributes Attributes Cognito verifies by sending a code: 'email' and/or 'phone_number'.
     * @param usernameCaseSensitive Whether usernames are case sensitive.
     * @param passwordPolicy Password policy.
     * @param mfa Multi-factor authentication setting.
     * @param customAttributes Custom attributes of the schema, named without the 'custom:' prefix.
     * @param adminCreateUserOnly Whether only administrators create users (no self sign-up).
     * @param deletionProtection Whether deletion protection is active.
     * @param clients App clients.
     * @param groups Groups.
     * @param resourceServers Resource servers, whose scopes app clients may allow.
     * @param domain Prefix of the pool's Cognito domain.
     * @param users Users, created without an invitation.
     */
    public record Pool(
            String id,
            String name,
            @Nullable List<String> usernameAttributes,
            @Nullable List<String> aliasAttributes,
            @Nullable List<String> autoVerifiedAttributes,
            @Nullable Boolean usernameCaseSensitive,
            @Nullable PasswordPolicy passwordPolicy,
            @Nullable Mfa mfa,
            @Nullable List<CustomAttribute> customAttributes,
            @Nullable Boolean adminCreateUserOnly,
            @Nullable Boolean deletionProtection,
            @Nullable List<Client> clients,
            @Nullable List<Group> groups,
            @Nullable List<ResourceServer> resourceServers,
            @Nullable String domain,
            @Nullable List<User> users) {}

    /**
     * A pool's password policy.
     *
     * @param minimumLength Minimum length, 6 to 99.
     * @param requireUppercase Whether a password needs an uppercase letter.
     * @param requireLowercase Whether a password needs a lowercase letter.
     * @param requireNumbers Whether a password needs a digit.
     * @param requireSymbols Whether a password needs a symbol.
     * @param temporaryPasswordValidityDays Days a temporary password stays valid.
     * @param passwordHistorySize Number of previous passwords a new password must differ from.
     */
    public record PasswordPolicy(
            @Nullable Integer minimumLength,
            @Nullable Boolean requireUppercase,
            @Nullable Boolean requireLowercase,
            @Nullable Boolean requireNumbers,
            @Nullable Boolean requireSymbols,
            @Nullable Integer temporaryPasswordValidityDays,
            @Nullable Integer passwordHistorySize) {}

    /**
     * A pool's multi-factor authentication setting.
     *
     * @param configuration 'OFF', 'ON' or 'OPTIONAL'.
     * @param softwareToken Whether authenticator apps (TOTP) are a factor; needed by 'ON' and 'OPTIONAL'.
     */
    public record Mfa(
            @Nullable String configuration, @Nullable Boolean softwareToken) {}

    /**
     * A custom attribute of a pool's schema.
     *
     * @param name Name, without the 'custom:' prefix.
     * @param type Data type: 'String' (default), 'Number', 'DateTime' or 'Boolean'.
     * @param mutable Whether the value may change after the user is created (default true).
     * @param developerOnly Whether only administrators may read and write it.
     * @param minLength Minimum length of a String value.
     * @param maxLength Maximum length of a String value.
     * @param minValue Minimum of a Number value.
     * @param maxValue Maximum of a Number value.
     */
    public record CustomAttribute(
            String name,
            @Nullable String type,
            @Nullable Boolean mutable,
            @Nullable Boolean developerOnly,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable Integer minValue,
            @Nullable Integer maxValue) {}

    /**
     * An app client created under a fixed id.
     *
     * @param id Client id: 26 lowercase letters or digits, unique across pools.
     * @param name Client name.
     * @param secret Fixed client secret (24 to 64 letters, digits, '_' or '+'), which makes the client confidential.
     *     When unset, the client is public.
     * @param explicitAuthFlows Authentication flows, for example 'ALLOW_USER_PASSWORD_AUTH'.
     * @param accessTokenValidity Lifetime of access tokens, 5 minutes to 1 day.
     * @param idTokenValidity Lifetime of ID tokens, 5 minutes to 1 day.
     * @param refreshTokenValidity Lifetime of refresh tokens, 60 minutes to 3650 days.
     * @param callbackUrls Redirect URLs allowed after sign-in.
     * @param logoutUrls Redirect URLs allowed after sign-out.
     * @param defaultRedirectUri Default redirect URL, one of the callback URLs.
     * @param allowedOAuthFlows OAuth flows: 'code', 'implicit' and/or 'client_credentials'.
     * @param allowedOAuthScopes OAuth scopes, for example 'openid' or '{resource server}/{scope}'.
     * @param allowedOAuthFlowsUserPoolClient Whether the client may use OAuth flows; when unset, true if
     *     'allowed-o-auth-flows' is set.
     * @param supportedIdentityProviders Identity providers of the client's managed login, for example 'COGNITO'.
     * @param preventUserExistenceErrors 'ENABLED' or 'LEGACY'.
     * @param enableTokenRevocation Whether refresh tokens can be revoked.
     * @param readAttributes Attributes the client may read.
     * @param writeAttributes Attributes the client may write.
     */
    public record Client(
            String id,
            String name,
            @Nullable String secret,
            @Nullable List<String> explicitAuthFlows,
            @Nullable Duration accessTokenValidity,
            @Nullable Duration idTokenValidity,
            @Nullable Duration refreshTokenValidity,
            @Nullable List<String> callbackUrls,
            @Nullable List<String> logoutUrls,
            @Nullable String defaultRedirectUri,
            @Nullable List<String> allowedOAuthFlows,
            @Nullable List<String> allowedOAuthScopes,
            @Nullable Boolean allowedOAuthFlowsUserPoolClient,
            @Nullable List<String> supportedIdentityProviders,
            @Nullable String preventUserExistenceErrors,
            @Nullable Boolean enableTokenRevocation,
            @Nullable List<String> readAttributes,
            @Nullable List<String> writeAttributes) {

        /** Hides the secret, so that logging the properties leaks nothing. */
        @Override
        public String toString() {
            return "Client[id=" + this.id + ", name=" + this.name + ", secret=" + ((this.secret != null) ? "***" : null)
                    + "]";
        }
    }

    /**
     * A group of a pool.
     *
     * @param name Group name.
     * @param description Description.
     * @param precedence Precedence: the lowest wins among the groups of a user.
     * @param roleArn ARN of the IAM role of the group.
     */
    public record Group(
            String name,
            @Nullable String description,
            @Nullable Integer precedence,
            @Nullable String roleArn) {}

    /**
     * A resource server of a pool.
     *
     * @param identifier Identifier, for example 'https://api.example.com'.
     * @param name Name.
     * @param scopes Scopes, each name with its description.
     */
    public record ResourceServer(
            String identifier, String name, @Nullable Map<String, String> scopes) {}

    /**
     * A user created at startup. Give 'password' or 'temporary-password'.
     *
     * @param username Username, or the email address or phone number in a pool whose username attributes name it.
     * @param attributes User attributes, for example 'email' and 'email_verified'.
     * @param password Permanent password: the user is CONFIRMED.
     * @param temporaryPassword Temporary password: the user is FORCE_CHANGE_PASSWORD and chooses a new password at the
     *     first sign-in.
     * @param enabled Whether the user may sign in (default true).
     * @param groups Names of the groups the user is in.
     */
    public record User(
            String username,
            @Nullable Map<String, String> attributes,
            @Nullable String password,
            @Nullable String temporaryPassword,
            @Nullable Boolean enabled,
            @Nullable List<String> groups) {

        /** Hides the passwords, so that logging the properties leaks nothing. */
        @Override
        public String toString() {
            return "User[username=" + this.username + "]";
        }
    }
}
