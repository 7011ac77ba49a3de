package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.auth.SecretHash;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the token and revocation endpoints: {@code client_secret_basic} ({@code Authorization: Basic}) or
 * {@code client_secret_post} ({@code client_id} and {@code client_secret} in the form). A client with a secret must
 * prove it; a public client names itself.
 */
final class ClientAuthentication {

    private final OAuthContext context;

    ClientAuthentication(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    /** The authenticated client, empty when the caller names none, an unknown one, or a wrong secret. */
    Optional<UserPoolClient> authenticate(HostedRequest http, UserPool pool, Parameters form) {
        String clientId = form.nonEmpty("client_id");
        String secret = form.nonEmpty("client_secret");
        String authorization = http.header("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            String decoded = decode(authorization.substring(6).trim());
            int colon = (decoded == null) ? -1 : decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String basicId = decoded.substring(0, colon);
            if (clientId != null && !clientId.equals(basicId)) {
                return Optional.empty();
            }
            clientId = basicId;
            secret = decoded.substring(colon + 1);
        }
        if (clientId == null) {
            return Optional.empty();
        }
        String presented = secret;
        return this.context.client(pool, clientId).filter((client) -> {
            var secrets = this.context.clientSecrets().values(client);
            return secrets.isEmpty() || SecretHash.isActiveSecret(secrets, presented);
        });
    }

    private static @Nullable String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
