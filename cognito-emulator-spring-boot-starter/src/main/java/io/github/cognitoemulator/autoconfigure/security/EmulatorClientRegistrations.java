package io.github.cognitoemulator.autoconfigure.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The client registrations of {@code spring.security.oauth2.client}, those of the emulator's pools built in-process.
 *
 * <p>A registration is the emulator's when its provider's {@code issuer-uri} ends with the id of a pool the emulator
 * has when the application starts, whatever the host (so {@code https://cognito-idp.<region>.amazonaws.com/<poolId>},
 * a production issuer, works in development): the rule by which the emulator's JWT decoder picks its pool. Such a
 * registration is built at first use, and again whenever the pool's discovery document changes, from that document as
 * the emulator serves it: issuer, endpoints and key set are the emulator's, at the port the application listens on,
 * and nothing is fetched over HTTP. On top come the registration's properties, as Spring Boot maps them, and the
 * provider's {@code user-name-attribute} and {@code user-info-authentication-method}; the provider's explicit endpoint
 * URIs are left out, since they name the production issuer's endpoints, which the emulator stands in for. Every
 * other registration is mapped by Spring Boot's own mapper, as without the emulator.
 */
final class EmulatorClientRegistrations implements Iterable<ClientRegistration> {

    private final CognitoEmulator emulator;

    private final CognitoEmulatorIssuer issuer;

    /** The emulator's registrations and the others, in the order the properties give them. */
    private final Map<String, Entry> entries;

    private final ConcurrentMap<String, Built> built = new ConcurrentHashMap<>();

    EmulatorClientRegistrations(
            OAuth2ClientProperties properties, CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
        OAuth2ClientProperties others = new OAuth2ClientProperties();
        others.getProvider().putAll(properties.getProvider());
        Map<String, Entry> entries = new LinkedHashMap<>();
        properties.getRegistration().forEach((registrationId, registration) -> {
            OAuth2ClientProperties.Provider provider = properties
                    .getProvider()
                    .get((registration.getProvider() != null) ? registration.getProvider() : registrationId);
            String userPoolId = (provider != null) ? emulatedPool(provider.getIssuerUri()) : null;
            if (userPoolId != null) {
                entries.put(registrationId, new Emulated(registrationId, registration, provider, userPoolId));
            } else {
                others.getRegistration().put(registrationId, registration);
                entries.put(registrationId, null);
            }
        });
        new OAuth2ClientPropertiesMapper(others)
                .asClientRegistrations()
                .forEach((registrationId, registration) -> entries.put(registrationId, new Mapped(registration)));
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The pool an issuer names when the emulator has it, else {@code null}. */
    private @Nullable String emulatedPool(@Nullable String issuerUri) {
        String userPoolId = CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(issuerUri);
        if (userPoolId == null) {
            return null;
        }
        return this.emulator
                .managedLogin()
                .poolOf(userPoolId)
                .filter(userPoolId::equals)
                .orElse(null);
    }

    /** The ids of the registrations that are the emulator's. */
    List<String> emulatedRegistrationIds() {
        List<String> ids = new ArrayList<>();
        this.entries.forEach((registrationId, entry) -> {
            if (entry instanceof Emulated) {
                ids.add(registrationId);
            }
        });
        return ids;
    }

    /**
     * The registration with this id, or {@code null} when there is none.
     *
     * @throws IllegalStateException when the registration's pool is no longer in the emulator
     */
    @Nullable
    ClientRegistration find(String registrationId) {
        Entry entry = this.entries.get(registrationId);
        if (entry instanceof Mapped mapped) {
            return mapped.registration();
        }
        if (entry instanceof Emulated emulated) {
            return build(emulated);
        }
        return null;
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        List<ClientRegistration> registrations = new ArrayList<>();
        for (String registrationId : this.entries.keySet()) {
            registrations.add(Objects.requireNonNull(find(registrationId)));
        }
        return Collections.unmodifiableList(registrations).iterator();
    }

    private ClientRegistration build(Emulated emulated) {
        String document = this.emulator
                .openidConfiguration(emulated.userPoolId(), this.issuer.baseUrl())
                .orElseThrow(() -> new IllegalStateException("Client registration '" + emulated.registrationId()
                        + "' is of user pool " + emulated.userPoolId()
                        + ", which the Cognito emulator no longer has"));
        Built current = this.built.get(emulated.registrationId());
        if (current != null && current.document().equals(document)) {
            return current.registration();
        }
        ClientRegistration registration = registration(emulated, document);
        this.built.put(emulated.registrationId(), new Built(document, registration));
        return registration;
    }

    private static ClientRegistration registration(Emulated emulated, String document) {
        ClientRegistration.Builder builder =
                ClientRegistrations.fromOidcConfiguration(json(document)).registrationId(emulated.registrationId());
        OAuth2ClientProperties.Provider provider = emulated.provider();
        if (provider.getUserNameAttribute() != null) {
            builder.userNameAttributeName(provider.getUserNameAttribute());
        }
        if (provider.getUserInfoAuthenticationMethod() != null) {
            builder.userInfoAuthenticationMethod(new AuthenticationMethod(provider.getUserInfoAuthenticationMethod()));
        }
        OAuth2ClientProperties.Registration registration = emulated.registration();
        if (registration.getClientId() != null) {
            builder.clientId(registration.getClientId());
        }
        if (registration.getClientSecret() != null) {
            builder.clientSecret(registration.getClientSecret());
        }
        if (registration.getClientAuthenticationMethod() != null) {
            builder.clientAuthenticationMethod(
                    new ClientAuthenticationMethod(registration.getClientAuthenticationMethod()));
        }
        if (registration.getAuthorizationGrantType() != null) {
            builder.authorizationGrantType(new AuthorizationGrantType(registration.getAuthorizationGrantType()));
        }
        if (registration.getRedirectUri() != null) {
            builder.redirectUri(registration.getRedirectUri());
        }
        if (registration.getScope() != null) {
            builder.scope(registration.getScope());
        }
        if (registration.getClientName() != null) {
            builder.clientName(registration.getClientName());
        }
        return builder.build();
    }

    private static Map<String, Object> json(String document) {
        try {
            return JSONObjectUtils.parse(document);
        } catch (ParseException ex) {
            throw new IllegalStateException("The Cognito emulator's discovery document is not JSON", ex);
        }
    }

    /** A registration from the properties. */
    private sealed interface Entry permits Emulated, Mapped {}

    /** A registration of one of the emulator's pools, built at first use. */
    private record Emulated(
            String registrationId,
            OAuth2ClientProperties.Registration registration,
            OAuth2ClientProperties.Provider provider,
            String userPoolId)
            implements Entry {}

    /** A registration Spring Boot's mapper built. */
    private record Mapped(ClientRegistration registration) implements Entry {}

    /** A registration built from a pool's discovery document, kept until the document changes. */
    private record Built(String document, ClientRegistration registration) {}
}
