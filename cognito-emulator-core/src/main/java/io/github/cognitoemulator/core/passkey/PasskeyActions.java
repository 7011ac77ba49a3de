package io.github.cognitoemulator.core.passkey;

import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.PageTokens;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials and DeleteWebAuthnCredential:
 * what signed-in users do with their passkeys, authorized by their access token.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html">StartWebAuthnRegistration</a>
 */
public final class PasskeyActions implements ActionFamily {

    private final PoolStore pools;

    private final UserDirectory users;

    private final SignedInUsers signedIn;

    private final Passkeys passkeys;

    public PasskeyActions(PoolStore pools, UserDirectory users, TokenService tokens, Passkeys passkeys) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.signedIn = new SignedInUsers(tokens, pools, users);
        this.passkeys = Objects.requireNonNull(passkeys, "'passkeys' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("StartWebAuthnRegistration", AccessTokenRequest::parse, this::startWebAuthnRegistration);
        registry.addUnsigned(
                "CompleteWebAuthnRegistration", CompleteRequest::parse, this::completeWebAuthnRegistration);
        registry.addUnsigned("ListWebAuthnCredentials", ListRequest::parse, this::listWebAuthnCredentials);
        registry.addUnsigned("DeleteWebAuthnCredential", DeleteRequest::parse, this::deleteWebAuthnCredential);
    }

    Map<String, Object> startWebAuthnRegistration(AccessTokenRequest request, RequestContext context) {
        Caller caller = authenticate(request.accessToken());
        return Map.of(
                "CredentialCreationOptions",
                this.passkeys.startRegistration(caller.pool(), caller.user(), caller.clientId()));
    }

    Map<String, Object> completeWebAuthnRegistration(CompleteRequest request, RequestContext context) {
        Caller caller = authenticate(request.accessToken());
        this.passkeys.completeRegistration(caller.pool(), caller.user(), caller.clientId(), request.credential());
        if (this.users.findBySub(caller.pool(), caller.user().sub()).isEmpty()) {
            // The user was deleted while the passkey was stored, after its passkeys were removed: remove this one too.
            this.passkeys.userDeleted(caller.user());
        }
        return Map.of();
    }

    Map<String, Object> listWebAuthnCredentials(ListRequest request, RequestContext context) {
        Caller caller = authenticate(request.accessToken());
        List<PasskeyCredential> all =
                this.passkeys.credentials(caller.pool().id(), caller.user().sub());
        int size = (request.maxResults() != null) ? request.maxResults() : Passkeys.MAX_CREDENTIALS_PER_USER;
        PageTokens.Page<PasskeyCredential> page =
                PageTokens.page(all, PasskeyCredential::credentialId, request.nextToken(), size);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "Credentials",
                page.items().stream().map(PasskeyActions::description).toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> deleteWebAuthnCredential(DeleteRequest request, RequestContext context) {
        Caller caller = authenticate(request.accessToken());
        this.passkeys.delete(caller.pool(), caller.user(), request.credentialId());
        return Map.of();
    }

    private static Map<String, Object> description(PasskeyCredential passkey) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("CredentialId", passkey.credentialId());
        description.put("FriendlyCredentialName", passkey.friendlyName());
        description.put("RelyingPartyId", passkey.relyingPartyId());
        if (passkey.authenticatorAttachment() != null) {
            description.put("AuthenticatorAttachment", passkey.authenticatorAttachment());
        }
        description.put("AuthenticatorTransports", passkey.transports());
        description.put("CreatedAt", passkey.createdAt());
        return description;
    }

    /** The user behind a valid access token; a deleted or disabled user's token no longer works. */
    private Caller authenticate(String accessToken) {
        SignedInUsers.SignedInUser caller = this.signedIn.require(accessToken);
        return new Caller(caller.pool(), caller.user(), caller.claims().clientId());
    }

    /**
     * A signed-in caller.
     *
     * @param pool the user's pool
     * @param user the user
     * @param clientId the app client the access token was issued to
     */
    private record Caller(UserPool pool, User user, String clientId) {}

    /** A request carrying only an access token. */
    record AccessTokenRequest(String accessToken) {

        static AccessTokenRequest parse(RequestReader in) {
            return new AccessTokenRequest(in.requiredString("AccessToken", Shapes.ACCESS_TOKEN));
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "AccessTokenRequest[accessToken=" + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * A CompleteWebAuthnRegistration request.
     *
     * @param accessToken the signed-in user's access token
     * @param credential the authenticator's {@code RegistrationResponseJSON}
     */
    record CompleteRequest(String accessToken, Map<String, Object> credential) {

        static CompleteRequest parse(RequestReader in) {
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            Map<String, Object> credential = in.document("Credential");
            if (credential == null) {
                in.missing("Credential");
            }
            return new CompleteRequest(accessToken, (credential != null) ? credential : Map.of());
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "CompleteRequest[accessToken=" + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * A ListWebAuthnCredentials request.
     *
     * @param accessToken the signed-in user's access token
     * @param nextToken the token of the page to read, or {@code null} for the first
     * @param maxResults the largest page, or {@code null} for all of them
     */
    record ListRequest(
            String accessToken,
            @Nullable String nextToken,
            @Nullable Integer maxResults) {

        static ListRequest parse(RequestReader in) {
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            Integer maxResults = in.integer("MaxResults", IntShape.range(0, 20));
            return new ListRequest(accessToken, nextToken, maxResults);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "ListRequest[accessToken=" + Redacted.secret(this.accessToken) + ", nextToken=" + this.nextToken
                    + ", maxResults=" + this.maxResults + "]";
        }
    }

    /**
     * A DeleteWebAuthnCredential request.
     *
     * @param accessToken the signed-in user's access token
     * @param credentialId the passkey to delete
     */
    record DeleteRequest(String accessToken, String credentialId) {

        static DeleteRequest parse(RequestReader in) {
            return new DeleteRequest(
                    in.requiredString("AccessToken", Shapes.ACCESS_TOKEN),
                    in.requiredString("CredentialId", StringShape.length(0, Integer.MAX_VALUE)));
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "DeleteRequest[accessToken=" + Redacted.secret(this.accessToken) + ", credentialId="
                    + this.credentialId + "]";
        }
    }
}
