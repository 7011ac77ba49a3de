package io.github.cognitoemulator.core.passkey;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.client.AuthenticationExtensionClientOutput;
import com.webauthn4j.data.extension.client.RegistrationExtensionClientOutput;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A software passkey behind a browser at {@code origin}: it answers Cognito's {@code CredentialCreationOptions} with
 * a {@code RegistrationResponseJSON} and its {@code CREDENTIAL_REQUEST_OPTIONS} with an
 * {@code AuthenticationResponseJSON}, as a browser's {@code PublicKeyCredential.toJSON()} writes them. Public because
 * the sign-in tests use it too.
 */
public final class SoftwarePasskey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ClientPlatform platform;

    /** A passkey with packed self attestation, used from {@code origin}, for example {@code https://example.com}. */
    public SoftwarePasskey(String origin) {
        this.platform = new ClientPlatform(
                new Origin(origin), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator(), new ObjectConverter()));
    }

    /** Moves the browser to another origin. */
    public void useOrigin(String origin) {
        this.platform.setOrigin(new Origin(origin));
    }

    /** The {@code RegistrationResponseJSON} for {@code CredentialCreationOptions}, as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> register(Map<String, Object> options) {
        Map<String, Object> rp = (Map<String, Object>) options.get("rp");
        Map<String, Object> user = (Map<String, Object>) options.get("user");
        Map<String, Object> selection = (Map<String, Object>) options.get("authenticatorSelection");
        List<PublicKeyCredentialParameters> algorithms = ((List<Map<String, Object>>) options.get("pubKeyCredParams"))
                .stream()
                        .map((p) -> new PublicKeyCredentialParameters(
                                PublicKeyCredentialType.PUBLIC_KEY,
                                COSEAlgorithmIdentifier.create(((Number) p.get("alg")).longValue())))
                        .toList();
        var creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity((String) rp.get("id"), (String) rp.get("name")),
                new PublicKeyCredentialUserEntity(
                        DECODER.decode((String) user.get("id")), (String) user.get("name"), (String)
                                user.get("displayName")),
                new DefaultChallenge(DECODER.decode((String) options.get("challenge"))),
                algorithms,
                ((Number) options.get("timeout")).longValue(),
                List.of(),
                new AuthenticatorSelectionCriteria(
                        null,
                        ResidentKeyRequirement.create((String) selection.get("residentKey")),
                        UserVerificationRequirement.create((String) selection.get("userVerification"))),
                null,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, RegistrationExtensionClientOutput> credential =
                this.platform.create(creation);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "clientDataJSON",
                BASE64URL.encodeToString(credential.getResponse().getClientDataJSON()));
        response.put(
                "attestationObject",
                BASE64URL.encodeToString(credential.getResponse().getAttestationObject()));
        response.put("transports", List.of("internal"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", BASE64URL.encodeToString(credential.getRawId()));
        json.put("rawId", BASE64URL.encodeToString(credential.getRawId()));
        json.put("type", "public-key");
        json.put("response", response);
        json.put("authenticatorAttachment", "platform");
        json.put("clientExtensionResults", Map.of());
        return json;
    }

    /** The {@code AuthenticationResponseJSON} for the challenge parameter {@code CREDENTIAL_REQUEST_OPTIONS}. */
    @SuppressWarnings("unchecked")
    public String authenticate(String requestOptionsJson) {
        Map<String, Object> options = CognitoJson.readMap(requestOptionsJson.getBytes(StandardCharsets.UTF_8));
        List<PublicKeyCredentialDescriptor> allowed = ((List<Map<String, Object>>) options.get("allowCredentials"))
                .stream()
                        .map((d) -> new PublicKeyCredentialDescriptor(
                                PublicKeyCredentialType.PUBLIC_KEY,
                                DECODER.decode((String) d.get("id")),
                                Set.of(AuthenticatorTransport.INTERNAL)))
                        .toList();
        var request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(DECODER.decode((String) options.get("challenge"))),
                ((Number) options.get("timeout")).longValue(),
                (String) options.get("rpId"),
                allowed,
                UserVerificationRequirement.create((String) options.get("userVerification")),
                null);
        PublicKeyCredential<AuthenticatorAssertionResponse, AuthenticationExtensionClientOutput> credential =
                this.platform.get(request);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "clientDataJSON",
                BASE64URL.encodeToString(credential.getResponse().getClientDataJSON()));
        response.put(
                "authenticatorData",
                BASE64URL.encodeToString(credential.getResponse().getAuthenticatorData()));
        response.put(
                "signature", BASE64URL.encodeToString(credential.getResponse().getSignature()));
        if (credential.getResponse().getUserHandle() != null) {
            response.put(
                    "userHandle",
                    BASE64URL.encodeToString(credential.getResponse().getUserHandle()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", BASE64URL.encodeToString(credential.getRawId()));
        json.put("rawId", BASE64URL.encodeToString(credential.getRawId()));
        json.put("type", "public-key");
        json.put("response", response);
        json.put("authenticatorAttachment", "platform");
        json.put("clientExtensionResults", Map.of());
        return new String(CognitoJson.write(json), StandardCharsets.UTF_8);
    }
}
