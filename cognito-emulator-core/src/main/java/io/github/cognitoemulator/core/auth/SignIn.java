package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.user.User;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in in progress once the user has proved the first factor: who, through which client, and what the client
 * sent along that the later steps need.
 *
 * @param pool the pool
 * @param client the app client signing in
 * @param user the user, as stored after the last step
 * @param context the request being answered
 * @param deviceKey the {@code DEVICE_KEY} the client sent, or {@code null}
 * @param clientMetadata the {@code ClientMetadata} of the request, for the triggers that receive it
 */
record SignIn(
        UserPool pool,
        UserPoolClient client,
        User user,
        RequestContext context,
        @Nullable String deviceKey,
        Map<String, String> clientMetadata) {

    SignIn {
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** A sign-in whose request carries no {@code ClientMetadata} for the later triggers. */
    SignIn(UserPool pool, UserPoolClient client, User user, RequestContext context, @Nullable String deviceKey) {
        this(pool, client, user, context, deviceKey, Map.of());
    }
}
