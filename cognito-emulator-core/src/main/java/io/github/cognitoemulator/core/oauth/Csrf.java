package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Cross-site request forgery protection of the managed login forms, as Cognito's {@code XSRF-TOKEN}: a random token in
 * a cookie of the site, repeated in a hidden field of every form; a post whose field does not match its cookie is
 * refused.
 */
public final class Csrf {

    /** The cookie holding the token. */
    public static final String COOKIE = "XSRF-TOKEN";

    /** The hidden form field repeating it. */
    public static final String FIELD = "_csrf";

    private final Ids ids;

    public Csrf(Ids ids) {
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** The token a page's forms carry: the browser's, or a new one to set with {@link Issued#cookies()}. */
    public Issued issue(HostedRequest request) {
        String current = Cookies.value(request, COOKIE);
        if (current != null && !current.isEmpty()) {
            return new Issued(current, List.of());
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(this.ids.randomBytes(24));
        return new Issued(token, List.of(Cookies.set(request, COOKIE, token, 3600)));
    }

    /** Whether the form posted with {@code request} repeats the token of its cookie. */
    public static boolean accepts(HostedRequest request, Parameters form) {
        String cookie = Cookies.value(request, COOKIE);
        String field = form.first(FIELD);
        return cookie != null
                && !cookie.isEmpty()
                && field != null
                && MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token for a page's forms.
     *
     * @param token the value of the hidden field
     * @param cookies the {@code Set-Cookie} header to send when the token is new, else none
     */
    public record Issued(String token, List<HostedResponse.Header> cookies) {

        public Issued {
            Objects.requireNonNull(token, "'token' must not be null");
            cookies = List.copyOf(cookies);
        }

        /** The hidden field, for {@link HostedPage.Form#hidden(String, String)}. */
        public HostedPage.Form addTo(HostedPage.Form form) {
            return form.hidden(FIELD, this.token);
        }

        /** A description without the token. */
        @Override
        public String toString() {
            return "Issued[token=" + Redacted.secret(this.token) + ", cookies=" + this.cookies.size() + "]";
        }
    }
}
