package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.message.MessageJson;
import java.util.Map;
import java.util.Objects;

/**
 * The inbox of messages that would have gone out by email or SMS (codes, temporary passwords, invitations) at
 * {@code <cognito.emulator.path>/_emulator/messages}, newest first, optionally narrowed with the {@code poolId} and
 * {@code username} query parameters.
 *
 * <p>It carries no CORS header: what it shows is as secret as a password, so only pages of the application's own
 * origin, and whoever the application's security lets through, may read it. Its filters also answer it to callers on
 * this machine only, unless remote callers are allowed without access keys ({@link EmulatorAccess}).
 */
final class InboxEndpoint implements EmulatorHttp.Endpoint {

    private final CognitoEmulator emulator;

    private final String inboxPath;

    InboxEndpoint(CognitoEmulator emulator, String path) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.inboxPath = EmulatorHttp.basePath(path) + CognitoEmulatorInboxFilter.INBOX_PATH;
    }

    @Override
    public Route route(Request request) {
        if (!"GET".equals(request.method()) || !request.path().equals(this.inboxPath)) {
            return Pass.INSTANCE;
        }
        return Handle.withoutBody(() -> Response.json(
                200,
                MessageJson.write(this.emulator
                        .inbox()
                        .messages(
                                request.query().first("poolId"), request.query().first("username"))),
                Map.of("Cache-Control", "no-store")));
    }
}
