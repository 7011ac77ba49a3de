package io.github.cognitoemulator.core.provider;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code identities} user attribute: a JSON array, in a string, of the external identities linked to a user, written
 * as Cognito writes it ({@code [{"userId":"…","providerName":"…","providerType":"…","issuer":null,"primary":false,
 * "dateCreated":1705991781374}]}).
 */
public final class Identities {

    /** The name of the attribute. */
    public static final String ATTRIBUTE = "identities";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Identities() {}

    /**
     * One linked identity.
     *
     * @param userId the external user's value of the linking attribute
     * @param providerName the identity provider
     * @param providerType the provider's type
     * @param primary whether the user was created by signing in with this identity
     * @param dateCreated epoch milliseconds of the link
     */
    public record Identity(
            String userId, String providerName, String providerType, boolean primary, long dateCreated) {}

    /** The identities in an attribute value, none when there is none. */
    public static List<Identity> read(@Nullable String value) {
        List<Identity> identities = new ArrayList<>();
        if (value == null) {
            return identities;
        }
        try {
            for (JsonNode node : MAPPER.readTree(value)) {
                identities.add(new Identity(
                        node.path("userId").asText(),
                        node.path("providerName").asText(),
                        node.path("providerType").asText(),
                        node.path("primary").asBoolean(),
                        node.path("dateCreated").asLong()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return identities;
    }

    /** The attribute value of {@code identities}, or {@code null} for none, so that the attribute goes away. */
    public static @Nullable String write(List<Identity> identities) {
        if (identities.isEmpty()) {
            return null;
        }
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        List<String> items = new ArrayList<>();
        for (Identity identity : identities) {
            items.add("{\"userId\":\"" + new String(encoder.quoteAsString(identity.userId()))
                    + "\",\"providerName\":\"" + new String(encoder.quoteAsString(identity.providerName()))
                    + "\",\"providerType\":\"" + identity.providerType() + "\",\"issuer\":null,\"primary\":"
                    + identity.primary() + ",\"dateCreated\":" + identity.dateCreated() + "}");
        }
        return "[" + String.join(",", items) + "]";
    }
}
