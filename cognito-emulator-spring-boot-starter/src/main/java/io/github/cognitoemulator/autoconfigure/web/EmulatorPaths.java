package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.ApplicationPaths;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.oauth.ManagedLogin;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * The requests the emulator's web adapters answer, told apart by method, path within the application and headers,
 * for request matchers of the application's security.
 *
 * @param path where the JSON 1.1 endpoint is, without trailing slashes
 * @param documents the documents of every pool ({@code <documents-path>/.well-known/...}) and of each one
 *     ({@code <documents-path>/<poolId>/.well-known/...})
 * @param uploads the uploads of user import files, at {@code <documents-path>/_emulator/user-import/<jobId>}: the
 *     {@code PreSignedUrl} of an import job is under the issuer's base URL
 * @param developerPages the emulator's own pages under {@code <path>/_emulator/}, such as the inbox
 * @param sitesPath where each pool's managed login is ({@code <documents-path>/<site>/...}), without trailing slashes
 * @param managedLogin which paths below a site are managed login's
 */
record EmulatorPaths(
        String path,
        Pattern documents,
        Pattern uploads,
        Pattern developerPages,
        String sitesPath,
        ManagedLogin managedLogin) {

    private static final String TARGET_HEADER = "X-Amz-Target";

    /** The paths of the emulator configured by {@code properties}, whose managed login is {@code managedLogin}. */
    static EmulatorPaths of(CognitoEmulatorProperties properties, ManagedLogin managedLogin) {
        String path = ApplicationPaths.withoutTrailingSlashes(properties.path());
        String documentsPath = ApplicationPaths.withoutTrailingSlashes(properties.documentsPath());
        return new EmulatorPaths(
                path,
                Pattern.compile(Pattern.quote(documentsPath) + "(/[^/]+)?/\\.well-known(/.*)?"),
                Pattern.compile(Pattern.quote(documentsPath + UserImportActions.UPLOAD_PATH) + ".*"),
                Pattern.compile(Pattern.quote(path) + "/_emulator(/.*)?"),
                documentsPath,
                managedLogin);
    }

    /** The paths of the emulator running in {@code context}, or empty when it runs none. */
    static Optional<EmulatorPaths> of(ApplicationContext context) {
        CognitoEmulator emulator =
                context.getBeanProvider(CognitoEmulator.class).getIfUnique();
        if (emulator == null) {
            return Optional.empty();
        }
        return context.getBeanProvider(CognitoEmulatorProperties.class).stream()
                .findFirst()
                .map((properties) -> of(properties, emulator.managedLogin()));
    }

    /**
     * Whether the emulator answers this request.
     *
     * @param method the HTTP method
     * @param pathWithinApplication the path, without the context path
     * @param headers the values of a request header, by name
     */
    boolean matches(String method, String pathWithinApplication, Function<String, List<String>> headers) {
        if (this.documents.matcher(pathWithinApplication).matches()) {
            return "GET".equals(method) || "HEAD".equals(method);
        }
        if (this.uploads.matcher(pathWithinApplication).matches() && "PUT".equals(method)) {
            return true;
        }
        if (this.developerPages.matcher(pathWithinApplication).matches()) {
            return true;
        }
        ManagedLoginEndpoint.SitePath site = ManagedLoginEndpoint.sitePath(this.sitesPath, pathWithinApplication);
        if (site != null && this.managedLogin.serves(site.site(), site.path())) {
            return true;
        }
        if (!pathWithinApplication.equals(this.path) && !pathWithinApplication.equals(this.path + "/")) {
            return false;
        }
        if ("POST".equals(method)) {
            return isCognitoTarget(first(headers.apply(TARGET_HEADER)));
        }
        return "OPTIONS".equals(method)
                && first(headers.apply("Access-Control-Request-Method")) != null
                && headers.apply("Access-Control-Request-Headers").stream()
                        .flatMap((value) -> List.of(value.split(",")).stream())
                        .anyMatch((header) -> TARGET_HEADER.equalsIgnoreCase(header.trim()));
    }

    private static boolean isCognitoTarget(@Nullable String target) {
        return target != null && target.startsWith(AwsJsonProtocol.TARGET_PREFIX);
    }

    private static @Nullable String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
