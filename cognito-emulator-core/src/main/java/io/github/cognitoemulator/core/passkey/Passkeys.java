package io.github.cognitoemulator.core.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The passkeys of a pool's users: where their relying party comes from, the registration ceremony, and the check of
 * the assertions that sign users in. Attestations and assertions are verified with webauthn4j; attestation statements
 * are checked but not traced to a trusted root, as Cognito accepts passkeys from any provider.
 */
public final class Passkeys {

    /** Registered passkeys, keyed by {@code <pool id>/<sub>/<credential id>}. */
    public static final ResourceKind<PasskeyCredential> CREDENTIALS =
            ResourceKind.of("webauthn-credential", PasskeyCredential.class);

    /** Pending registrations, one per user, keyed by {@code <pool id>/<sub>}. */
    public static final ResourceKind<RegistrationChallenge> REGISTRATIONS =
            ResourceKind.of("webauthn-registration-challenge", RegistrationChallenge.class);

    /** Cognito's quota of passkeys per user. */
    static final int MAX_CREDENTIALS_PER_USER = 20;

    /** How long a registration or sign-in ceremony may take; also the {@code timeout} handed to the client. */
    static final Duration CEREMONY_TIMEOUT = Duration.ofMinutes(3);

    /** ES256 and RS256, the algorithms Cognito asks authenticators for, in its order of preference. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    static final String FRIENDLY_NAME = "Passkey";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    private final @Nullable String localRelyingPartyId;

    /**
     * @param resources where passkeys and pending registrations are kept
     * @param clock the source of expiry times
     * @param ids the source of challenges
     * @param localRelyingPartyId the relying party of pools with neither a configured one nor a domain, for example
     *     {@code localhost}; {@code null} to refuse passkeys there, as Cognito does
     */
    public Passkeys(ResourceStore resources, Clock clock, Ids ids, @Nullable String localRelyingPartyId) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.localRelyingPartyId = localRelyingPartyId;
    }

    /**
     * Whether the pool lets users sign in with passkeys: {@code WEB_AUTHN} among its first factors, which takes the
     * Essentials plan or above.
     */
    public static boolean enabled(UserPool pool) {
        return !pool.tier().equals("LITE") && pool.allowedFirstAuthFactors().contains("WEB_AUTHN");
    }

    /**
     * The relying party of the pool's passkeys: the configured {@code RelyingPartyId}, else the custom domain, else
     * the prefix domain, else the emulator's local relying party.
     */
    public Optional<String> relyingPartyId(UserPool pool) {
        MfaSettings.WebAuthn settings = pool.mfaSettings().webAuthn();
        if (settings != null && settings.relyingPartyId() != null) {
            return Optional.of(settings.relyingPartyId());
        }
        Map<String, Object> domains = DomainActions.poolMembers(this.resources, pool.id());
        if (domains.get("CustomDomain") instanceof String custom) {
            return Optional.of(custom);
        }
        if (domains.get("Domain") instanceof String prefix) {
            return Optional.of(prefix + ".auth." + pool.region() + ".amazoncognito.com");
        }
        return Optional.ofNullable(this.localRelyingPartyId);
    }

    /** The pool's {@code UserVerification}: {@code preferred} unless configured. */
    public static String userVerification(UserPool pool) {
        MfaSettings.WebAuthn settings = pool.mfaSettings().webAuthn();
        return (settings != null) ? settings.userVerification() : "preferred";
    }

    /** The passkeys of a user, by key. */
    public List<PasskeyCredential> credentials(String userPoolId, String sub) {
        return this.resources.list(CREDENTIALS, userPoolId, userPrefix(userPoolId, sub)).stream()
                .map(Resource::value)
                .toList();
    }

    /** Whether the user has registered a passkey. */
    public boolean hasCredentials(String userPoolId, String sub) {
        return !this.resources
                .list(CREDENTIALS, userPoolId, userPrefix(userPoolId, sub))
                .isEmpty();
    }

    /**
     * Begins a registration: the {@code CredentialCreationOptions} for the user's authenticator, whose challenge
     * replaces any earlier one of the user.
     */
    Map<String, Object> startRegistration(UserPool pool, User user, String clientId) {
        requireEnabled(pool);
        String relyingPartyId = relyingPartyId(pool)
                .orElseThrow(() -> ErrorType.WEB_AUTHN_CONFIGURATION_MISSING.exception(
                        "The user pool has no relying party id for passkeys: set WebAuthnConfiguration.RelyingPartyId"
                                + " or add a domain."));
        List<PasskeyCredential> existing = credentials(pool.id(), user.sub());
        if (existing.size() >= MAX_CREDENTIALS_PER_USER) {
            throw tooManyCredentials();
        }
        String challenge = BASE64URL.encodeToString(this.ids.randomBytes(32));
        String verification = userVerification(pool);
        var pending = new RegistrationChallenge(
                pool.id(),
                user.sub(),
                clientId,
                challenge,
                relyingPartyId,
                verification,
                this.clock.instant().plus(CEREMONY_TIMEOUT));
        String key = userKey(pool.id(), user.sub());
        while (true) {
            Optional<Resource<RegistrationChallenge>> current = this.resources.find(REGISTRATIONS, key);
            boolean written = current.isPresent()
                    ? this.resources.replace(current.get(), pending)
                    : this.resources.create(REGISTRATIONS, pool.id(), key, pending);
            if (written) {
                break;
            }
            if (this.resources.find(REGISTRATIONS, key).isEmpty() && current.isEmpty()) {
                // Nothing to replace and nothing created: the pool is gone.
                throw Errors.userPoolNotFound(pool.id());
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge);
        options.put("rp", Map.of("id", relyingPartyId, "name", relyingPartyId));
        options.put(
                "user",
                Map.of(
                        "id", BASE64URL.encodeToString(user.sub().getBytes(StandardCharsets.UTF_8)),
                        "name", user.username(),
                        "displayName", user.username()));
        options.put(
                "pubKeyCredParams",
                ALGORITHMS.stream()
                        .map((p) ->
                                Map.of("type", "public-key", "alg", p.getAlg().getValue()))
                        .toList());
        options.put("timeout", CEREMONY_TIMEOUT.toMillis());
        options.put(
                "excludeCredentials",
                existing.stream().map(Passkeys::descriptor).toList());
        options.put(
                "authenticatorSelection",
                Map.of("requireResidentKey", true, "residentKey", "required", "userVerification", verification));
        return options;
    }

    /**
     * Completes the user's pending registration with the authenticator's {@code RegistrationResponseJSON}. The
     * challenge is spent in the same write that stores the passkey, so of two concurrent completions one registers.
     */
    void completeRegistration(UserPool pool, User user, String clientId, Map<String, Object> credential) {
        requireEnabled(pool);
        String key = userKey(pool.id(), user.sub());
        Resource<RegistrationChallenge> pending = this.resources
                .find(REGISTRATIONS, key)
                .filter((found) -> this.clock.instant().isBefore(found.value().expiresAt()))
                .orElseThrow(Passkeys::challengeNotFound);
        RegistrationChallenge challenge = pending.value();
        if (!challenge.clientId().equals(clientId)) {
            throw ErrorType.WEB_AUTHN_CLIENT_MISMATCH.exception(
                    "The passkey registration was started by another app client.");
        }
        RegistrationData data;
        try {
            data = WebAuthn.MANAGER.parseRegistrationResponseJSON(json(credential));
        } catch (DataConversionException | IllegalArgumentException | NullPointerException ex) {
            throw invalidCredential();
        }
        if (data.getAttestationObject() == null || data.getCollectedClientData() == null) {
            throw invalidCredential();
        }
        checkClientData(
                data.getCollectedClientData(),
                ClientDataType.WEBAUTHN_CREATE,
                challenge.challenge(),
                challenge.relyingPartyId(),
                Passkeys::challengeNotFound);
        ServerProperty server =
                serverProperty(data.getCollectedClientData(), challenge.relyingPartyId(), challenge.challenge());
        try {
            WebAuthn.MANAGER.verify(
                    data,
                    new RegistrationParameters(
                            server, ALGORITHMS, challenge.userVerification().equals("required"), true));
        } catch (BadRpIdException ex) {
            throw relyingPartyMismatch();
        } catch (NotAllowedAlgorithmException
                | BadAlgorithmException
                | BadAttestationStatementException
                | UserNotVerifiedException ex) {
            throw ErrorType.WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED.exception(
                    "The passkey credential is not supported by the user pool.");
        } catch (VerificationException | DataConversionException ex) {
            throw invalidCredential();
        }
        AuthenticatorData<?> authenticatorData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = Objects.requireNonNull(authenticatorData.getAttestedCredentialData());
        String credentialId = BASE64URL.encodeToString(attested.getCredentialId());
        var passkey = new PasskeyCredential(
                pool.id(),
                user.sub(),
                credentialId,
                challenge.relyingPartyId(),
                BASE64URL.encodeToString(WebAuthn.CREDENTIAL_DATA.convert(attested)),
                authenticatorData.getSignCount(),
                authenticatorData.isFlagBE(),
                authenticatorData.isFlagBS(),
                stringMember(credential, "authenticatorAttachment"),
                transports(data),
                FRIENDLY_NAME,
                this.clock.instant());
        String credentialKey = userPrefix(pool.id(), user.sub()) + credentialId;
        if (this.resources.find(CREDENTIALS, credentialKey).isPresent()) {
            throw Errors.invalidParameter("The passkey is already registered for the user.");
        }
        if (credentials(pool.id(), user.sub()).size() >= MAX_CREDENTIALS_PER_USER) {
            throw tooManyCredentials();
        }
        boolean written = this.resources.write(List.of(
                new ResourceChange.Delete(pending),
                new ResourceChange.Create<>(CREDENTIALS, pool.id(), credentialKey, passkey)));
        if (!written) {
            // A concurrent completion spent the challenge first.
            throw challengeNotFound();
        }
    }

    /**
     * Deletes one of the user's passkeys.
     *
     * @throws CognitoException {@code ResourceNotFoundException} when the user has no such passkey
     */
    void delete(UserPool pool, User user, String credentialId) {
        String key = userPrefix(pool.id(), user.sub()) + credentialId;
        while (true) {
            Resource<PasskeyCredential> found = this.resources
                    .find(CREDENTIALS, key)
                    .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception("Credential not found."));
            if (this.resources.delete(found)) {
                return;
            }
        }
    }

    /**
     * The {@code PublicKeyCredentialRequestOptions} of a sign-in with one of the user's passkeys.
     *
     * @param challenge the challenge the authenticator must sign, base64url
     */
    public Map<String, Object> requestOptions(UserPool pool, User user, String challenge, String relyingPartyId) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge);
        options.put("timeout", CEREMONY_TIMEOUT.toMillis());
        options.put("rpId", relyingPartyId);
        options.put(
                "allowCredentials",
                credentials(pool.id(), user.sub()).stream()
                        .map(Passkeys::descriptor)
                        .toList());
        options.put("userVerification", userVerification(pool));
        return options;
    }

    /** A new sign-in challenge, base64url. */
    public String newChallenge() {
        return BASE64URL.encodeToString(this.ids.randomBytes(32));
    }

    /**
     * Checks an {@code AuthenticationResponseJSON} against the user's passkeys and records the new signature
     * counter.
     *
     * @throws CognitoException {@code NotAuthorizedException} for an unknown passkey, a bad signature, a counter that
     *     went backwards, or a ceremony for another challenge, origin or relying party
     */
    public void verifyAssertion(
            UserPool pool,
            User user,
            String challenge,
            String relyingPartyId,
            String userVerification,
            String credentialJson) {
        AuthenticationData data;
        try {
            data = WebAuthn.MANAGER.parseAuthenticationResponseJSON(credentialJson);
        } catch (DataConversionException | IllegalArgumentException | NullPointerException ex) {
            throw assertionRefused();
        }
        if (data.getCredentialId() == null || data.getCollectedClientData() == null) {
            throw assertionRefused();
        }
        String key = userPrefix(pool.id(), user.sub()) + BASE64URL.encodeToString(data.getCredentialId());
        while (true) {
            Resource<PasskeyCredential> stored =
                    this.resources.find(CREDENTIALS, key).orElseThrow(Passkeys::assertionRefused);
            PasskeyCredential passkey = stored.value();
            checkClientData(
                    data.getCollectedClientData(),
                    ClientDataType.WEBAUTHN_GET,
                    challenge,
                    relyingPartyId,
                    Passkeys::assertionRefused);
            AttestedCredentialData attested =
                    WebAuthn.CREDENTIAL_DATA.convert(Base64.getUrlDecoder().decode(passkey.attestedCredentialData()));
            var record = new CredentialRecordImpl(
                    new NoneAttestationStatement(),
                    null,
                    passkey.backupEligible(),
                    passkey.backedUp(),
                    passkey.signCount(),
                    attested,
                    null,
                    null,
                    null,
                    null);
            try {
                WebAuthn.MANAGER.verify(
                        data,
                        new AuthenticationParameters(
                                serverProperty(data.getCollectedClientData(), relyingPartyId, challenge),
                                record,
                                List.of(attested.getCredentialId()),
                                userVerification.equals("required"),
                                true));
            } catch (VerificationException ex) {
                throw assertionRefused();
            }
            AuthenticatorData<?> authenticatorData = Objects.requireNonNull(data.getAuthenticatorData());
            if (this.resources.replace(
                    stored, passkey.used(authenticatorData.getSignCount(), authenticatorData.isFlagBS()))) {
                return;
            }
        }
    }

    /** Removes the passkeys and the pending registration of a deleted user. */
    public void userDeleted(User user) {
        while (true) {
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.DeleteIfPresent(REGISTRATIONS, userKey(user.userPoolId(), user.sub())));
            for (Resource<PasskeyCredential> passkey :
                    this.resources.list(CREDENTIALS, user.userPoolId(), userPrefix(user.userPoolId(), user.sub()))) {
                changes.add(new ResourceChange.Delete(passkey));
            }
            if (this.resources.write(changes)) {
                return;
            }
        }
    }

    /**
     * Checks what the client collected before the cryptography: the ceremony type, the challenge, and an origin
     * within the relying party, so that each gets Cognito's own error.
     */
    private static void checkClientData(
            CollectedClientData clientData,
            ClientDataType type,
            String challenge,
            String relyingPartyId,
            java.util.function.Supplier<CognitoException> wrongChallenge) {
        if (clientData.getType() != type || clientData.getChallenge() == null) {
            throw wrongChallenge.get();
        }
        if (!BASE64URL.encodeToString(clientData.getChallenge().getValue()).equals(challenge)) {
            throw wrongChallenge.get();
        }
        if (!originAllowed(clientData.getOrigin(), relyingPartyId)) {
            throw (type == ClientDataType.WEBAUTHN_CREATE)
                    ? ErrorType.WEB_AUTHN_ORIGIN_NOT_ALLOWED.exception(
                            "The passkey credential's origin is not allowed for the relying party " + relyingPartyId
                                    + ".")
                    : assertionRefused();
        }
    }

    /**
     * Whether a ceremony at {@code origin} may use {@code relyingPartyId}: the origin's host is the relying party or
     * one of its subdomains, over HTTPS, or over HTTP on {@code localhost} as browsers allow.
     */
    static boolean originAllowed(@Nullable Origin origin, String relyingPartyId) {
        if (origin == null || origin.getHost() == null || origin.getScheme() == null) {
            return false;
        }
        String host = origin.getHost();
        boolean within = host.equals(relyingPartyId) || host.endsWith("." + relyingPartyId);
        boolean secure = origin.getScheme().equals("https")
                || (origin.getScheme().equals("http") && (host.equals("localhost") || host.endsWith(".localhost")));
        return within && secure;
    }

    private static ServerProperty serverProperty(
            CollectedClientData clientData, String relyingPartyId, String challenge) {
        return ServerProperty.builder()
                .origin(clientData.getOrigin())
                .rpId(relyingPartyId)
                .challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(challenge)))
                .build();
    }

    private static List<String> transports(RegistrationData data) {
        if (data.getTransports() == null) {
            return List.of();
        }
        return data.getTransports().stream()
                .map((transport) -> transport.getValue())
                .sorted()
                .collect(Collectors.toList());
    }

    private static Map<String, Object> descriptor(PasskeyCredential passkey) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("type", "public-key");
        descriptor.put("id", passkey.credentialId());
        if (!passkey.transports().isEmpty()) {
            descriptor.put("transports", passkey.transports());
        }
        return descriptor;
    }

    private static @Nullable String stringMember(Map<String, Object> document, String member) {
        return (document.get(member) instanceof String value) ? value : null;
    }

    static String json(Map<String, Object> document) {
        return new String(CognitoJson.write(document), StandardCharsets.UTF_8);
    }

    static void requireEnabled(UserPool pool) {
        if (!enabled(pool)) {
            throw ErrorType.WEB_AUTHN_NOT_ENABLED.exception("WebAuthn is not enabled for this user pool.");
        }
    }

    static String userKey(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }

    private static String userPrefix(String userPoolId, String sub) {
        return userPoolId + "/" + sub + "/";
    }

    private static CognitoException challengeNotFound() {
        return ErrorType.WEB_AUTHN_CHALLENGE_NOT_FOUND.exception(
                "The passkey registration challenge was not found or has expired.");
    }

    private static CognitoException relyingPartyMismatch() {
        return ErrorType.WEB_AUTHN_RELYING_PARTY_MISMATCH.exception(
                "The passkey credential is for another relying party than the user pool's.");
    }

    private static CognitoException tooManyCredentials() {
        return ErrorType.LIMIT_EXCEEDED.exception(
                "The user has reached the limit of " + MAX_CREDENTIALS_PER_USER + " passkeys.");
    }

    private static CognitoException invalidCredential() {
        return Errors.invalidParameter("The passkey credential is not valid.");
    }

    private static CognitoException assertionRefused() {
        return ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
    }

    /**
     * The WebAuthn verifier and converter, made when a passkey is first registered or used: they bring a JSON and CBOR
     * stack of their own whose set-up would otherwise add to every application's startup.
     */
    private static final class WebAuthn {

        static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager();

        static final AttestedCredentialDataConverter CREDENTIAL_DATA =
                new AttestedCredentialDataConverter(new ObjectConverter());
    }
}
