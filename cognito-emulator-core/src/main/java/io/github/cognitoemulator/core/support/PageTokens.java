package io.github.cognitoemulator.core.support;

import io.github.cognitoemulator.core.error.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages through an ordered list with opaque tokens: a token names the key of the first item of the next page, so
 * pages stay consistent when items before it are deleted.
 */
public final class PageTokens {

    private PageTokens() {}

    /**
     * One page of {@code items}.
     *
     * @param items every item, in a stable order
     * @param key the stable key of an item
     * @param token the token from the previous page, or {@code null} for the first
     * @param size the most items the page may hold
     * @param <T> the item type
     * @return the page, and the token for the next one when more items follow
     */
    public static <T> Page<T> page(List<T> items, Function<T, String> key, @Nullable String token, int size) {
        int start = 0;
        if (token != null) {
            String startKey = decode(token);
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (key.apply(items.get(i)).compareTo(startKey) >= 0) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                return new Page<>(List.of(), null);
            }
        }
        int end = Math.min(items.size(), start + size);
        String next = (end < items.size()) ? encode(key.apply(items.get(end))) : null;
        return new Page<>(List.copyOf(items.subList(start, end)), next);
    }

    private static final String MARKER = "page:";

    /** The token that names {@code key} as the first item of the next page. */
    public static String tokenFor(String key) {
        return encode(key);
    }

    /**
     * The key a token names.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code InvalidParameterException} for a token
     *     that is not one of ours
     */
    public static String keyOf(String token) {
        return decode(token);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARKER + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            decoded = "";
        }
        if (!decoded.startsWith(MARKER)) {
            throw ErrorType.INVALID_PARAMETER.exception("Invalid pagination token.");
        }
        return decoded.substring(MARKER.length());
    }

    /**
     * One page of a list.
     *
     * @param items the items of this page
     * @param nextToken the token for the next page, {@code null} on the last
     * @param <T> the item type
     */
    public record Page<T>(List<T> items, @Nullable String nextToken) {}
}
