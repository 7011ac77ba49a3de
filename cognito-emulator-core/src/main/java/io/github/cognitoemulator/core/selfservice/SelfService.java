package io.github.cognitoemulator.core.selfservice;

import io.github.cognitoemulator.core.auth.SecretHash;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.code.VerificationCodes;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.message.MessageTemplates;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.SignedInUsers;
import io.github.cognitoemulator.core.token.SignedInUsers.SignedInUser;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the self-service actions share: finding the pool through the app client or the access token, checking the
 * secret hash, and sending codes.
 */
public final class SelfService {

    final PoolStore pools;

    final ClientStore clients;

    final UserDirectory users;

    final TokenService tokens;

    private final SignedInUsers signedIn;

    final VerificationCodes codes;

    final MessageSender messages;

    final ClientSecrets clientSecrets;

    final Triggers triggers;

    /** @param triggers the pool's Lambda triggers: pre sign-up and post confirmation */
    public SelfService(
            PoolStore pools,
            ClientStore clients,
            ClientSecrets clientSecrets,
            UserDirectory users,
            TokenService tokens,
            VerificationCodes codes,
            MessageSender messages,
            Triggers triggers) {
        this.triggers = Objects.requireNonNull(triggers, "'triggers' must not be null");
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.signedIn = new SignedInUsers(tokens, pools, users);
        this.codes = Objects.requireNonNull(codes, "'codes' must not be null");
        this.messages = Objects.requireNonNull(messages, "'messages' must not be null");
    }

    /** The app client named by {@code ClientId}. */
    UserPoolClient client(String clientId) {
        return this.clients.find(clientId).orElseThrow(() -> Errors.clientNotFound(clientId));
    }

    /** The pool of an app client. */
    UserPool pool(UserPoolClient client) {
        return this.pools.find(client.userPoolId()).orElseThrow(() -> Errors.clientNotFound(client.clientId()));
    }

    /**
     * Identifies the caller of an action that names an app client and a user: the client, its pool, and the user
     * if there is one, once the secret hash (of the name sent or of the internal username) has been checked.
     */
    ClientCall identify(String clientId, @Nullable String secretHash, String username) {
        UserPoolClient client = client(clientId);
        UserPool pool = pool(client);
        User user = this.users.findForSignIn(pool, username).orElse(null);
        SecretHash.check(client, this.clientSecrets.values(client), secretHash, username, user);
        return new ClientCall(client, pool, user);
    }

    /** The user behind a valid access token; a deleted or disabled user's token no longer works. */
    SignedInUser authenticate(String accessToken) {
        return this.signedIn.require(accessToken);
    }

    /**
     * Issues a code and sends it to {@code attribute} ({@code email} or {@code phone_number}) of the user.
     *
     * @return Cognito's {@code CodeDeliveryDetailsType}
     */
    Map<String, String> sendCode(UserPool pool, User user, CodePurpose purpose, String type, String attribute) {
        return sendCode(pool, user, purpose, type, attribute, null, Map.of());
    }

    /**
     * Issues a code and sends it, in the words of the pool's custom message trigger if it has one.
     *
     * @param clientId the app client of the request, or {@code null}
     * @param clientMetadata the request's {@code ClientMetadata}, for the custom message trigger
     */
    Map<String, String> sendCode(
            UserPool pool,
            User user,
            CodePurpose purpose,
            String type,
            String attribute,
            @Nullable String clientId,
            Map<String, String> clientMetadata) {
        String destination = Objects.requireNonNull(user.attribute(attribute), "'destination' must not be null");
        String code = this.codes.issue(pool.id(), user.sub(), purpose);
        boolean email = attribute.equals("email");
        MessageTemplates.Text text = this.triggers.customMessage(
                pool,
                clientId,
                type,
                user,
                email,
                code,
                null,
                clientMetadata,
                MessageTemplates.verification(pool, email, code));
        return this.messages.send(
                pool.id(), user.username(), type, attribute, destination, text.subject(), text.body(), code);
    }

    /**
     * The delivery details Cognito reports for a user who does not exist, when the client hides that: they look
     * like those of a code sent by email.
     */
    static Map<String, String> simulatedDelivery(String username) {
        return Map.of(
                "AttributeName", "email",
                "DeliveryMedium", "EMAIL",
                "Destination", MessageSender.mask("email", username + "@" + username));
    }

    /**
     * The attribute that sign-up codes go to: among the pool's auto-verified attributes that the user has, the phone
     * number wins over the email address, as in Cognito.
     */
    static @Nullable String autoVerifiedDestination(UserPool pool, User user) {
        for (String attribute : new String[] {"phone_number", "email"}) {
            if (pool.autoVerifiedAttributes().contains(attribute) && user.attribute(attribute) != null) {
                return attribute;
            }
        }
        return null;
    }

    /**
     * The caller of an action that names an app client and a user.
     *
     * @param client the app client
     * @param pool the client's pool
     * @param user the user named, or {@code null} when there is none
     */
    record ClientCall(
            UserPoolClient client, UserPool pool, @Nullable User user) {

        /**
         * The user named, or Cognito's error for an unknown one: {@code UserNotFoundException}, or, for a client
         * that hides whether users exist, the error a wrong code gets.
         */
        User requireUser() {
            if (this.user != null) {
                return this.user;
            }
            throw this.client.preventsUserExistenceErrors()
                    ? ErrorType.CODE_MISMATCH.exception("Invalid verification code provided, please try again.")
                    : ErrorType.USER_NOT_FOUND.exception("Username/client id combination not found.");
        }
    }
}
