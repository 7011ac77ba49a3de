package io.github.cognitoemulator.core.oauth;

import java.util.List;

/** {@code /error}: the page Cognito shows when a request names no client or callback URL it may answer. */
final class ErrorPage {

    /** Cognito's words on it. */
    static final String MESSAGE = "An error was encountered with the requested page.";

    private ErrorPage() {}

    static HostedResponse handle(HostedRequest http) {
        return page(200);
    }

    /** The error page with {@code status}. */
    static HostedResponse page(int status) {
        return HostedPage.titled("Error").alert(MESSAGE).response(status, List.of());
    }
}
