package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.seed.PoolSeed;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 *     domain and users: each one the properties of a PoolSeed (id, name, password-policy, clients, groups, users,
 *     ...). Created with the same checks as the API where missing; left as they are where they exist already, such
 *     as in a database kept across restarts.
 * @param security How the emulator joins Spring Security when the application is an OAuth2 resource server.
 * @param maxRequestSize Largest body of a Cognito API call that the emulator reads; a longer one is refused with
 *     HTTP 413 before it is read. The default is Cognito's documented request-size limit of its largest calls
 *     (CreateManagedLoginBranding and UpdateManagedLoginBranding, 2 MB).
 * @param remoteAccess Who, besides callers on this machine, may reach the emulator.
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
        @DefaultValue List<PoolSeed> pools,
        @DefaultValue Security security,

        @DefaultValue(CognitoEmulatorProperties.DEFAULT_MAX_REQUEST_SIZE)
        DataSize maxRequestSize,

        @DefaultValue RemoteAccess remoteAccess) {

    /** The prefix of the emulator's properties. */
    public static final String PREFIX = "cognito.emulator";

    static final String DEFAULT_PROFILE = "dev";

    /** Cognito's request-size limit of CreateManagedLoginBranding, the largest calls of its API. */
    static final String DEFAULT_MAX_REQUEST_SIZE = "2MB";

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
        if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException(
                    "'maxRequestSize' must be between 1 and 2147483646 bytes but was '" + maxRequestSize + "'");
        }
    }

    /**
     * Who, besides callers on this machine, may reach the emulator. By default it answers loopback callers only
     * (127.0.0.0/8 and ::1): a developer's emulator hands out codes and temporary passwords in clear and takes
     * administrative calls from any credentials, so no other host of the network is let in unless this allows it.
     * Behind a reverse proxy every caller has the proxy's address: set 'server.forward-headers-strategy' so that
     * the caller's own address is the one checked.
     *
     * @param allowed Whether callers on other hosts are answered too. Without access keys, they are trusted as
     *     local callers are, for a trusted network only.
     * @param accessKeys Access keys (id and secret) of the shared-server mode. Once any is set, every administrative
     *     call (the ones Cognito requires IAM credentials for) must carry a valid AWS Signature Version 4 of one of
     *     them, or is refused as AWS refuses it (UnrecognizedClientException, InvalidSignatureException,
     *     MissingAuthenticationTokenException), and the inbox answers callers on this machine only. Public calls
     *     (SignUp, InitiateAuth, ...) need no signature, as with Cognito.
     */
    public record RemoteAccess(
            @DefaultValue("false") boolean allowed,
            @DefaultValue List<AccessKey> accessKeys) {

        public RemoteAccess {
            accessKeys = List.copyOf(accessKeys);
        }
    }

    /**
     * An access key that may sign administrative calls.
     *
     * @param id Access key id, for example 'AKIAIOSFODNN7EXAMPLE'.
     * @param secret Secret access key.
     */
    public record AccessKey(String id, String secret) {

        public AccessKey {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("'id' must not be blank");
            }
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("'secret' of access key '" + id + "' must not be empty");
            }
        }

        /** A description without the secret, so that logging the properties leaks nothing. */
        @Override
        public String toString() {
            return "AccessKey[id=" + this.id + ", secret=***]";
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
     * @param clientRegistrations Whether Spring Security's OAuth2 client registrations whose provider's issuer-uri
     *     ends with the id of one of the emulator's pools are built in-process from the pool's discovery document, at
     *     first use, instead of by Spring Boot fetching the document at startup. An application's own
     *     ClientRegistrationRepository always wins.
     */
    public record Security(
            @DefaultValue("true") boolean jwtDecoder,

            @DefaultValue(Security.DEFAULT_GROUP_AUTHORITY_PREFIX)
            String groupAuthorityPrefix,

            @DefaultValue("true") boolean clientRegistrations) {

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
}
