package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Digests;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issues and checks Cognito's tokens: RS256 ID and access tokens with Cognito's claim sets, signed with the pool's
 * keys, and opaque refresh tokens bound to the app client they were issued to.
 */
public final class TokenService {

    /** The scope of every access token issued through the API (as opposed to the hosted UI). */
    public static final String API_SCOPE = "aws.cognito.signin.user.admin";

    private static final String REFRESH_TOKEN_HEADER = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}".getBytes());

    /** Prefixes the key of a sign-in without a refresh token; {@code /} never occurs in a base64url digest. */
    static final String NO_REFRESH_TOKEN = "no-refresh-token/";

    private final SigningKeys keys;

    private final Clock clock;

    private final Ids ids;

    private final RefreshSessionStore refreshSessions;

    private final UserSignOuts signOuts;

    private final TokenGroups groups;

    private final TokenCustomizer customizer;

    /**
     * @param groups the groups of users, for the {@code cognito:groups}, {@code cognito:roles} and
     *     {@code cognito:preferred_role} claims
     * @param customizer what changes the claims before the tokens are signed
     */
    public TokenService(
            SigningKeys keys,
            RefreshSessionStore refreshSessions,
            UserSignOuts signOuts,
            TokenGroups groups,
            Clock clock,
            Ids ids,
            TokenCustomizer customizer) {
        this.customizer = Objects.requireNonNull(customizer, "'customizer' must not be null");
        this.keys = Objects.requireNonNull(keys, "'keys' must not be null");
        this.refreshSessions = Objects.requireNonNull(refreshSessions, "'refreshSessions' must not be null");
        this.signOuts = Objects.requireNonNull(signOuts, "'signOuts' must not be null");
        this.groups = Objects.requireNonNull(groups, "'groups' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Issues the tokens of a sign-in, or of a refresh when {@link TokenRequest#refreshedFrom()} is set. */
    public IssuedTokens issue(TokenRequest request) {
        return issue(request, null);
    }

    /**
     * Issues the tokens of a sign-in through managed login, or of a refresh of one: as {@link #issue(TokenRequest)},
     * with the granted scopes in the access token's {@code scope}, and {@code nonce} and {@code at_hash} in the ID
     * token, claims no trigger can change.
     *
     * @param grant the OAuth grant, or {@code null} for the API's tokens
     */
    public IssuedTokens issue(TokenRequest request, @Nullable OAuthGrant grant) {
        Instant now = this.clock.instant();
        UserPoolClient client = request.client();
        RefreshSession refreshed = request.refreshedFrom();
        String originJti = (refreshed != null) ? refreshed.originJti() : this.ids.uuid();
        String eventId = this.ids.uuid();
        PoolKeys poolKeys = this.keys.forPool(request.pool().id());
        Duration accessLifetime = client.tokenValidity().accessTokenDuration();

        // Read once, so that both tokens of a sign-in name the same groups.
        List<TokenGroups.Group> groups =
                ordered(this.groups.of(request.pool().id(), request.user().sub()));
        JWTClaimsSet.Builder id =
                new JWTClaimsSet.Builder().claim("sub", request.user().sub());
        addGroupsClaim(id, groups);
        addAttributeClaims(id, request.pool(), client, request.user());
        id.issuer(request.issuer()).claim("cognito:username", request.user().username());
        // Only clients with token revocation carry the sign-in's id, by which RevokeToken finds their tokens.
        boolean revocable = client.enableTokenRevocation();
        if (revocable) {
            id.claim("origin_jti", originJti);
        }
        List<String> roles = roles(groups);
        if (!roles.isEmpty()) {
            id.claim("cognito:roles", roles);
        }
        String preferredRole = preferredRole(groups);
        if (preferredRole != null) {
            id.claim("cognito:preferred_role", preferredRole);
        }
        id.audience(client.clientId())
                .claim("event_id", eventId)
                .claim("token_use", "id")
                .claim("auth_time", request.authTime().getEpochSecond())
                .expirationTime(
                        Date.from(seconds(now.plus(client.tokenValidity().idTokenDuration()))))
                .issueTime(Date.from(seconds(now)))
                .jwtID(this.ids.uuid());

        JWTClaimsSet.Builder accessClaims =
                new JWTClaimsSet.Builder().claim("sub", request.user().sub());
        addGroupsClaim(accessClaims, groups);
        if (request.deviceKey() != null) {
            accessClaims.claim("device_key", request.deviceKey());
        }
        accessClaims.issuer(request.issuer()).claim("client_id", client.clientId());
        if (revocable) {
            accessClaims.claim("origin_jti", originJti);
        }
        JWTClaimsSet access = accessClaims
                .claim("event_id", eventId)
                .claim("token_use", "access")
                .claim("scope", (grant != null) ? grant.scopeClaim() : API_SCOPE)
                .claim("auth_time", request.authTime().getEpochSecond())
                .expirationTime(Date.from(seconds(now.plus(accessLifetime))))
                .issueTime(Date.from(seconds(now)))
                .jwtID(this.ids.uuid())
                .claim("username", request.user().username())
                .claim("version", 2)
                .build();

        String refreshToken = null;
        if (refreshed == null) {
            // A sign-in without a refresh token (the implicit grant) is recorded too, already expired, under a key
            // no refresh token's digest can equal: its access tokens carry its origin_jti, and a sign-out or a
            // disabled user must be able to revoke them as well.
            boolean withRefreshToken = grant == null || grant.refreshToken();
            refreshToken = withRefreshToken ? newRefreshToken() : null;
            Instant refreshExpiry =
                    withRefreshToken ? now.plus(client.tokenValidity().refreshTokenDuration()) : now;
            Duration longestToken = Collections.max(
                    List.of(accessLifetime, client.tokenValidity().idTokenDuration()));
            this.refreshSessions.save(new RefreshSession(
                    (refreshToken != null) ? digest(refreshToken) : NO_REFRESH_TOKEN + originJti,
                    request.pool().id(),
                    client.clientId(),
                    request.user().sub(),
                    originJti,
                    request.authTime(),
                    refreshExpiry,
                    // A refresh just before the refresh token expires issues tokens that outlive it, and a
                    // revocation must be kept for as long as they can be presented.
                    refreshExpiry.plus(longestToken),
                    false));
        }
        Map<String, Object> idClaims = new LinkedHashMap<>(id.build().getClaims());
        Map<String, Object> accessTokenClaims = new LinkedHashMap<>(access.getClaims());
        this.customizer.customize(request, idClaims, accessTokenClaims);
        String accessToken = sign(claimsSet(accessTokenClaims), poolKeys.accessToken());
        if (grant != null) {
            if (grant.nonce() != null) {
                idClaims.put("nonce", grant.nonce());
            }
            idClaims.put("at_hash", atHash(accessToken));
        }
        return new IssuedTokens(
                sign(claimsSet(idClaims), poolKeys.idToken()), accessToken, refreshToken, accessLifetime.toSeconds());
    }

    /**
     * An access token of the client credentials grant: the client acting for itself, so {@code sub} is the client id,
     * and there is no user, no ID token and no refresh token.
     *
     * @param issuer the {@code iss} claim, {@code <issuer base URL>/<pool id>}
     * @param scopes the granted custom scopes
     * @return the signed access token
     */
    public String issueClientCredentials(UserPool pool, UserPoolClient client, String issuer, List<String> scopes) {
        Instant now = seconds(this.clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("sub", client.clientId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plus(client.tokenValidity().accessTokenDuration())))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(this.ids.uuid())
                .claim("client_id", client.clientId())
                .build();
        return sign(claims, this.keys.forPool(pool.id()).accessToken());
    }

    /** {@code at_hash}: the left half of the SHA-256 digest of the access token, base64url without padding. */
    static String atHash(String accessToken) {
        return Digests.base64Url(Arrays.copyOf(Digests.sha256Bytes(accessToken), 16));
    }

    private static JWTClaimsSet claimsSet(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return builder.build();
    }

    /**
     * The session behind a refresh token presented by {@code clientId}.
     *
     * @throws CognitoException {@code NotAuthorizedException} when the token is unknown, belongs to another client,
     *     has expired or has been revoked
     */
    public RefreshSession refreshSession(String refreshToken, String clientId) {
        RefreshSession session = presentedRefreshSession(refreshToken, clientId);
        requireUsable(session);
        return session;
    }

    /**
     * The session behind a refresh token presented by {@code clientId}, revoked or expired or not, for a caller that
     * answers something else first (a disabled user) before {@link #requireUsable(RefreshSession)}.
     *
     * @throws CognitoException {@code NotAuthorizedException} when the token is unknown or belongs to another client
     */
    public RefreshSession presentedRefreshSession(String refreshToken, String clientId) {
        RefreshSession session =
                this.refreshSessions.findByTokenDigest(digest(refreshToken)).orElse(null);
        if (session == null || !session.clientId().equals(clientId)) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid Refresh Token.");
        }
        return session;
    }

    /**
     * Checks that a sign-in's refresh token still works.
     *
     * @throws CognitoException {@code NotAuthorizedException} when it has been revoked or has expired
     */
    public void requireUsable(RefreshSession session) {
        if (session.revoked()) {
            throw ErrorType.NOT_AUTHORIZED.exception("Refresh Token has been revoked");
        }
        if (!this.clock.instant().isBefore(session.expiresAt())) {
            throw ErrorType.NOT_AUTHORIZED.exception("Refresh Token has expired");
        }
    }

    /**
     * Checks an access token presented to a self-service action: signature, expiry, {@code token_use} and
     * revocation.
     *
     * @return the token's claims
     * @throws CognitoException {@code NotAuthorizedException} with Cognito's message otherwise
     */
    public AccessTokenClaims verifyAccessToken(String accessToken) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(accessToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException ex) {
            throw invalidAccessToken();
        }
        String issuer = claims.getIssuer();
        String kid = jwt.getHeader().getKeyID();
        if (issuer == null
                || kid == null
                || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalidAccessToken();
        }
        String userPoolId = issuer.substring(issuer.lastIndexOf('/') + 1);
        Optional<RSAKey> key = this.keys.find(userPoolId, kid);
        if (key.isEmpty() || !verify(jwt, key.get())) {
            throw invalidAccessToken();
        }
        Object tokenUse = claims.getClaim("token_use");
        if (!"access".equals(tokenUse)) {
            throw invalidAccessToken();
        }
        Date expiration = claims.getExpirationTime();
        if (expiration == null || !this.clock.instant().isBefore(expiration.toInstant())) {
            throw ErrorType.NOT_AUTHORIZED.exception("Access Token has expired");
        }
        Object originJti = claims.getClaim("origin_jti");
        if (originJti != null
                ? this.refreshSessions.isRevoked(originJti.toString())
                : signedOutSince(userPoolId, claims)) {
            throw ErrorType.NOT_AUTHORIZED.exception("Access Token has been revoked");
        }
        return new AccessTokenClaims(
                userPoolId,
                Objects.toString(claims.getClaim("client_id"), ""),
                Objects.toString(claims.getSubject(), ""),
                Objects.toString(claims.getClaim("username"), ""),
                Objects.toString(originJti, ""));
    }

    /**
     * Revokes a refresh token presented by {@code clientId}, and with it the access tokens issued from it.
     *
     * @return {@code false} when the token is unknown, and {@code true} once it is revoked
     * @throws CognitoException {@code UnauthorizedException} when the token was issued to another client
     */
    public boolean revokeRefreshToken(String refreshToken, String clientId) {
        RefreshSession session =
                this.refreshSessions.findByTokenDigest(digest(refreshToken)).orElse(null);
        if (session == null) {
            return false;
        }
        if (!session.clientId().equals(clientId)) {
            throw ErrorType.UNAUTHORIZED.exception("The token was not issued to this client.");
        }
        revoke(session.originJti());
        return true;
    }

    /** Revokes every token of one sign-in: its refresh token and the access tokens issued from it. */
    public void revoke(String originJti) {
        this.refreshSessions.revoke(originJti);
    }

    /** Revokes every token ever issued to a user, as global sign-out does. */
    public void revokeAll(String userPoolId, String sub) {
        this.refreshSessions.revokeUser(userPoolId, sub);
        this.signOuts.signedOut(userPoolId, sub, this.clock.instant());
    }

    /**
     * Whether the user signed out everywhere since a token without {@code origin_jti} was issued. Tokens carry their
     * issue time in whole seconds, so one issued in the second of the sign-out counts as issued before it.
     */
    private boolean signedOutSince(String userPoolId, JWTClaimsSet claims) {
        Date issuedAt = claims.getIssueTime();
        return this.signOuts
                .lastSignOut(userPoolId, Objects.toString(claims.getSubject(), ""))
                .filter((at) -> issuedAt == null || issuedAt.toInstant().getEpochSecond() <= at.getEpochSecond())
                .isPresent();
    }

    /** What is kept of a refresh token: its SHA-256 digest, so that a copy of the store signs nobody in. */
    private static String digest(String refreshToken) {
        return Digests.sha256(refreshToken);
    }

    /** {@code cognito:groups}, only when the user belongs to a group. */
    private static void addGroupsClaim(JWTClaimsSet.Builder claims, List<TokenGroups.Group> groups) {
        if (!groups.isEmpty()) {
            claims.claim(
                    "cognito:groups",
                    groups.stream().map(TokenGroups.Group::name).toList());
        }
    }

    /**
     * The groups in the order the tokens list them: by precedence, the highest (lowest number) first and the groups
     * without one last, then by name.
     */
    static List<TokenGroups.Group> ordered(List<TokenGroups.Group> groups) {
        return groups.stream()
                .sorted(Comparator.comparing(
                                TokenGroups.Group::precedence, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                        .thenComparing(TokenGroups.Group::name))
                .toList();
    }

    /** {@code cognito:roles}: the role of every group that has one, once each, in the order of the groups. */
    static List<String> roles(List<TokenGroups.Group> ordered) {
        return ordered.stream()
                .map(TokenGroups.Group::roleArn)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /**
     * {@code cognito:preferred_role}: the role of the group with the highest precedence among those with a role.
     * Groups of equal precedence (or all without one) do not outrank each other, so when they carry different roles
     * there is no preferred role, as Cognito documents for {@code Precedence}.
     */
    static @Nullable String preferredRole(List<TokenGroups.Group> ordered) {
        List<TokenGroups.Group> withRole =
                ordered.stream().filter((group) -> group.roleArn() != null).toList();
        if (withRole.isEmpty()) {
            return null;
        }
        Integer best = withRole.get(0).precedence();
        List<String> candidates = withRole.stream()
                .filter((group) -> Objects.equals(group.precedence(), best))
                .map(TokenGroups.Group::roleArn)
                .distinct()
                .toList();
        return (candidates.size() == 1) ? candidates.get(0) : null;
    }

    private void addAttributeClaims(JWTClaimsSet.Builder claims, UserPool pool, UserPoolClient client, User user) {
        List<String> readable = client.readAttributes();
        for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
            String name = attribute.getKey();
            if (name.equals("sub") || name.startsWith("dev:") || (readable != null && !readable.contains(name))) {
                continue;
            }
            claims.claim(name, claimValue(pool, name, attribute.getValue()));
        }
    }

    /** Cognito writes verification flags as booleans, numbers as numbers, the address as an object. */
    private static Object claimValue(UserPool pool, String name, String value) {
        if (name.equals("address")) {
            return Map.of("formatted", value);
        }
        if (name.equals("identities")) {
            return identities(value);
        }
        if (name.startsWith(SchemaAttribute.CUSTOM_PREFIX)) {
            return value;
        }
        String type =
                pool.attribute(name).map(SchemaAttribute::attributeDataType).orElse("String");
        if (type.equals("Boolean")) {
            return Boolean.parseBoolean(value);
        }
        if (type.equals("Number")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException ex) {
                return value;
            }
        }
        return value;
    }

    /**
     * The linked identities as the ID token carries them: the attribute's JSON array as a claim, with every value
     * but a null issuer as a string ({@code "primary":"false"}, {@code "dateCreated":"1583426720227"}), where the
     * attribute has a boolean and a number.
     */
    private static Object identities(String value) {
        List<Object> identities;
        try {
            identities = JSONArrayUtils.parse(value);
        } catch (ParseException ex) {
            return value;
        }
        List<Object> claim = new ArrayList<>(identities.size());
        for (Object identity : identities) {
            Map<String, Object> asStrings = new LinkedHashMap<>();
            if (identity instanceof Map<?, ?> members) {
                members.forEach((key, member) ->
                        asStrings.put(String.valueOf(key), (member != null) ? String.valueOf(member) : null));
            }
            claim.add(asStrings);
        }
        return claim;
    }

    private String newRefreshToken() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return REFRESH_TOKEN_HEADER + "." + encoder.encodeToString(this.ids.randomBytes(256)) + "."
                + encoder.encodeToString(this.ids.randomBytes(12)) + "."
                + encoder.encodeToString(this.ids.randomBytes(384)) + "."
                + encoder.encodeToString(this.ids.randomBytes(16));
    }

    private String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(this.keys.signer(key));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a token", ex);
        }
    }

    private static boolean verify(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException ex) {
            return false;
        }
    }

    private static Instant seconds(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }

    private static CognitoException invalidAccessToken() {
        return ErrorType.NOT_AUTHORIZED.exception("Invalid Access Token");
    }

    /**
     * What a verified access token says.
     *
     * @param userPoolId the pool that issued it
     * @param clientId the app client it was issued to
     * @param sub the user's sub
     * @param username the user's internal username
     * @param originJti the id of the sign-in it belongs to
     */
    public record AccessTokenClaims(
            String userPoolId, String clientId, String sub, String username, String originJti) {}
}
