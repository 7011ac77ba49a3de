package io.github.cognitoemulator.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Ends the user's managed login session after the application's own: Cognito advertises no
 * {@code end_session_endpoint}, so Spring Security's OIDC logout cannot find it, and this handler sends the browser to
 * the managed login's {@code /logout} with the app client's id and the page to come back to, the application's home
 * page, which must be one of the client's {@code LogoutURLs}. The {@code /logout} endpoint is on the same site as the
 * authorization endpoint of the registration, the domain when the pool has one.
 */
final class CognitoLogoutSuccessHandler implements LogoutSuccessHandler {

    private final ClientRegistrationRepository registrations;

    private final String registrationId;

    CognitoLogoutSuccessHandler(ClientRegistrationRepository registrations, String registrationId) {
        this.registrations = Objects.requireNonNull(registrations, "'registrations' must not be null");
        this.registrationId = Objects.requireNonNull(registrationId, "'registrationId' must not be null");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        ClientRegistration registration = this.registrations.findByRegistrationId(this.registrationId);
        if (registration == null) {
            throw new IllegalStateException("No client registration '" + this.registrationId + "'");
        }
        String home = ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .path("/")
                .build()
                .toUriString();
        String logout = UriComponentsBuilder.fromUriString(
                        logoutEndpoint(registration.getProviderDetails().getAuthorizationUri()))
                .queryParam("client_id", registration.getClientId())
                .queryParam("logout_uri", home)
                .encode()
                .build()
                .toUriString();
        response.sendRedirect(logout);
    }

    /** The managed login's {@code /logout}, on the site of its {@code /oauth2/authorize}. */
    static String logoutEndpoint(String authorizationUri) {
        String site = authorizationUri.endsWith("/oauth2/authorize")
                ? authorizationUri.substring(0, authorizationUri.length() - "/oauth2/authorize".length())
                : authorizationUri.substring(0, authorizationUri.lastIndexOf('/'));
        return site + "/logout";
    }
}
