package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code SECRET_HASH}: Base64(HMAC-SHA256(client secret, username + client id)), required from secret clients. A
 * client may have two active secrets while one is rotated: a hash made with either is accepted.
 */
public final class SecretHash {

    private SecretHash() {}

    /** The secret hash of {@code username} for a client with {@code clientSecret}. */
    public static String compute(String clientSecret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /**
     * Checks the secret hash sent with an authentication request; a client without a secret needs none.
     *
     * @param secrets the client's active secrets, none for a public client
     * @param usernames the names the hash may have been computed with (the name sent, the internal username)
     */
    public static void check(
            UserPoolClient client, List<String> secrets, @Nullable String secretHash, String... usernames) {
        if (secrets.isEmpty()) {
            return;
        }
        if (secretHash == null) {
            throw ErrorType.NOT_AUTHORIZED.exception(
                    "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received");
        }
        if (!matches(client, secrets, secretHash, usernames)) {
            throw ErrorType.NOT_AUTHORIZED.exception("Unable to verify secret hash for client " + client.clientId());
        }
    }

    /**
     * Checks the secret hash of a request that names a user: Cognito accepts it computed with the name sent or, once
     * the user is known, with the internal username.
     */
    public static void check(
            UserPoolClient client,
            List<String> secrets,
            @Nullable String secretHash,
            String nameSent,
            @Nullable User user) {
        if (user != null) {
            check(client, secrets, secretHash, nameSent, user.username());
        } else {
            check(client, secrets, secretHash, nameSent);
        }
    }

    /**
     * Whether {@code secretHash} was computed with one of the client's active secrets for one of {@code usernames};
     * a client without secrets accepts any.
     */
    public static boolean matches(UserPoolClient client, List<String> secrets, String secretHash, String... usernames) {
        if (secrets.isEmpty()) {
            return true;
        }
        for (String secret : secrets) {
            for (String username : usernames) {
                byte[] expected = compute(secret, username, client.clientId()).getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(expected, secretHash.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code clientSecret}, sent as it is, is one of the client's active secrets (or none is needed). */
    public static boolean isActiveSecret(List<String> secrets, @Nullable String clientSecret) {
        return secrets.isEmpty() || (clientSecret != null && secrets.contains(clientSecret));
    }
}
