package io.github.cognitoemulator.core.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.support.Ids;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Temporary: routes the self-service paths to the pages until managed login's routing does. */
final class DirectRoute {

    private DirectRoute() {}

    static Function<HostedRequest, HostedResponse> of(CognitoEmulator emulator) {
        SelfServicePages pages = new SelfServicePages(
                (action, body, context) -> call(emulator, action, body),
                new ClientSecrets(emulator.store().resources()),
                new Csrf(new Ids(new Random(1))),
                new Ids(new Random(2)));
        return (request) -> {
            Parameters query = Parameters.query(request);
            UserPoolClient client =
                    emulator.store().clients().find(query.first("client_id")).orElseThrow();
            UserPool pool = emulator.store().pools().find(client.userPoolId()).orElseThrow();
            AuthorizationRequest authorization = new AuthorizationRequest(
                    client.clientId(),
                    query.first("redirect_uri"),
                    AuthorizationRequest.ResponseType.CODE,
                    List.of("openid"),
                    query.first("state"),
                    null,
                    null,
                    null);
            return pages.handle(request, pool, client, authorization);
        };
    }

    private static Object call(CognitoEmulator emulator, String action, ObjectNode body) {
        ProtocolResponse response = emulator.handle(action, body.toString());
        Map<String, Object> json = CognitoJson.readMap(response.bodyAsString().getBytes(StandardCharsets.UTF_8));
        if (response.status() != 200) {
            for (ErrorType type : ErrorType.values()) {
                if (type.wireName().equals(json.get("__type"))) {
                    throw type.exception((String) json.get("message"));
                }
            }
            throw new AssertionError(response.bodyAsString());
        }
        return json;
    }
}
