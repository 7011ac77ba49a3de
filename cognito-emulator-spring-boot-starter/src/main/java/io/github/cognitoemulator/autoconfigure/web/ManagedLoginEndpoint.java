package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Header;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.oauth.HostedRequest;
import io.github.cognitoemulator.core.oauth.HostedResponse;
import io.github.cognitoemulator.core.oauth.ManagedLogin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Each pool's managed login (the OAuth 2.0 endpoints and the sign-in pages Cognito serves on a user pool domain) at
 * {@code <documents-path>/<site>/<path>}, where the site is the pool id or the prefix of the pool's domain, and the
 * path one of {@link ManagedLogin#PATHS}. The adapter only carries bytes: the method, the raw query, every header and
 * the body go to {@link ManagedLogin#handle}, and its answer comes back as it is, each {@code Set-Cookie} included.
 *
 * <p>The site's URL, which the pages link to and whose path scopes the cookies, is under the issuer's base URL, so
 * managed login is reached through the same name as the discovery document that advertises it.
 */
final class ManagedLoginEndpoint implements EmulatorHttp.Endpoint {

    /**
     * The most bytes of a request body taken: far more than any form of the sign-in pages, the token endpoint or an
     * identity provider's form post needs, and small enough that no request can make the emulator hold much.
     */
    static final int MAX_BODY_BYTES = 128 * 1024;

    private final BiPredicate<String, String> serves;

    private final Function<HostedRequest, HostedResponse> handler;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    ManagedLoginEndpoint(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this(managedLogin(emulator)::serves, managedLogin(emulator)::handle, path, issuer);
    }

    /**
     * @param serves whether a path below a site is managed login's, as {@link ManagedLogin#serves} decides it
     * @param handler the answer to a request that is, as {@link ManagedLogin#handle} gives it
     */
    ManagedLoginEndpoint(
            BiPredicate<String, String> serves,
            Function<HostedRequest, HostedResponse> handler,
            String path,
            CognitoEmulatorIssuer issuer) {
        this.serves = Objects.requireNonNull(serves, "'serves' must not be null");
        this.handler = Objects.requireNonNull(handler, "'handler' must not be null");
        this.basePath = EmulatorHttp.basePath(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
    }

    private static ManagedLogin managedLogin(CognitoEmulator emulator) {
        return Objects.requireNonNull(emulator, "'emulator' must not be null").managedLogin();
    }

    @Override
    public Route route(Request request) {
        SitePath target = sitePath(this.basePath, request.path());
        if (target == null || !this.serves.test(target.site(), target.path())) {
            return Pass.INSTANCE;
        }
        return new Handle(MAX_BODY_BYTES, (body) -> answer(request, target, body), ManagedLoginEndpoint::tooLarge);
    }

    /**
     * The site and the path below it of a request path {@code <basePath>/<site>/<path>}, or {@code null} when the
     * request path is not of that shape. Nothing is decoded: sites and managed login's paths are plain ASCII, so an
     * encoded one names none of them.
     */
    static @Nullable SitePath sitePath(String basePath, String requestPath) {
        if (!requestPath.startsWith(basePath + "/")) {
            return null;
        }
        String rest = requestPath.substring(basePath.length() + 1);
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        return new SitePath(rest.substring(0, slash), rest.substring(slash));
    }

    private Response answer(Request request, SitePath target, byte[] body) {
        String issuerBaseUrl = this.issuer.baseUrl();
        Map<String, List<String>> headers = request.headers().all();
        HostedResponse answer = this.handler.apply(new HostedRequest(
                request.method().toUpperCase(Locale.ROOT),
                target.site(),
                issuerBaseUrl + "/" + target.site(),
                issuerBaseUrl,
                target.path(),
                request.rawQuery(),
                headers,
                body));
        return new Response(
                answer.status(),
                answer.headers().stream()
                        .map((header) -> new Header(header.name(), header.value()))
                        .toList(),
                answer.body());
    }

    private static Response tooLarge() {
        return new Response(
                413,
                Map.of("Content-Type", "text/plain;charset=UTF-8"),
                "Request body too large".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where a request goes within managed login.
     *
     * @param site the pool id or domain prefix
     * @param path the path below the site, starting with {@code /}
     */
    record SitePath(String site, String path) {}
}
