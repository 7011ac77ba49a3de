package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceKeyExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Remembered devices through the AWS SDK: a sign-in from a new device gets its keys, ConfirmDevice registers the
 * device's secret, and the next sign-in from it goes through DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER, whose
 * client side is computed here as Cognito's SDKs do it.
 */
class RememberedDevicesTests extends SignInUseCase {

    private static final HexFormat HEX = HexFormat.of();

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    /** A pool that tracks devices, with a password client and the user {@code alice}; returns the client id. */
    private String devicePool(String[] poolId, boolean userOptIn) {
        poolId[0] = createPool((request) -> request.deviceConfiguration((devices) ->
                        devices.challengeRequiredOnNewDevice(true).deviceOnlyRememberedOnUserPrompt(userOptIn)))
                .id();
        String clientId = createPasswordClient(poolId[0]);
        createConfirmedUser(poolId[0], "alice", STRONG_PASSWORD);
        return clientId;
    }

    private InitiateAuthResponse signInFrom(String clientId, String deviceKey) {
        return cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .clientId(clientId)
                        .authParameters(
                                Map.of("USERNAME", "alice", "PASSWORD", STRONG_PASSWORD, "DEVICE_KEY", deviceKey)));
    }

    @Test
    void aRememberedDeviceSignsInWithDeviceSrpAndEveryDeviceActionWorks() {
        String[] poolId = new String[1];
        String clientId = devicePool(poolId, true);

        AuthenticationResultType first = signIn(clientId, "alice", STRONG_PASSWORD);
        NewDeviceMetadataType metadata = first.newDeviceMetadata();
        assertThat(metadata.deviceKey()).matches("us-east-1_" + UUID_PATTERN);
        assertThat(metadata.deviceGroupKey()).matches("-[A-Za-z0-9]{8}");
        assertThat(claims(first.accessToken()).get("device_key").asString()).isEqualTo(metadata.deviceKey());
        DeviceSecret device = new DeviceSecret(metadata.deviceGroupKey(), metadata.deviceKey());

        boolean confirmationNecessary = cognito()
                .confirmDevice((request) -> request.accessToken(first.accessToken())
                        .deviceKey(metadata.deviceKey())
                        .deviceName("laptop")
                        .deviceSecretVerifierConfig((config) -> config.passwordVerifier(device.passwordVerifier())
                                .salt(device.salt())))
                .userConfirmationNecessary();
        assertThat(confirmationNecessary).isTrue();
        assertThat(cognito()
                        .listDevices((request) -> request.accessToken(first.accessToken()))
                        .devices())
                .isEmpty();

        cognito()
                .updateDeviceStatus((request) -> request.accessToken(first.accessToken())
                        .deviceKey(metadata.deviceKey())
                        .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED));
        List<DeviceType> listed = cognito()
                .listDevices(
                        (request) -> request.accessToken(first.accessToken()).limit(10))
                .devices();
        assertThat(listed).extracting(DeviceType::deviceKey).containsExactly(metadata.deviceKey());
        DeviceType got = cognito()
                .getDevice((request) -> request.accessToken(first.accessToken()).deviceKey(metadata.deviceKey()))
                .device();
        assertThat(attributes(got.deviceAttributes()))
                .containsEntry("device_name", "laptop")
                .containsEntry("dev:device_remembered_status", "remembered");
        assertThat(got.deviceCreateDate()).isNotNull();

        InitiateAuthResponse challenge = signInFrom(clientId, metadata.deviceKey());
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.DEVICE_SRP_AUTH);
        RespondToAuthChallengeResponse verifier = cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.DEVICE_SRP_AUTH)
                        .session(challenge.session())
                        .challengeResponses(device.srpAuth("alice")));
        assertThat(verifier.challengeName()).isEqualTo(ChallengeNameType.DEVICE_PASSWORD_VERIFIER);
        RespondToAuthChallengeResponse tokens = cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER)
                        .session(verifier.session())
                        .challengeResponses(device.passwordVerifier(verifier.challengeParameters())));
        assertThat(tokens.authenticationResult().newDeviceMetadata()).isNull();
        assertThat(claims(tokens.authenticationResult().accessToken())
                        .get("device_key")
                        .asString())
                .isEqualTo(metadata.deviceKey());
        String refreshToken = tokens.authenticationResult().refreshToken();
        AuthenticationResultType refreshed = cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken, "DEVICE_KEY", metadata.deviceKey())))
                .authenticationResult();
        assertThat(claims(refreshed.accessToken()).get("device_key").asString()).isEqualTo(metadata.deviceKey());
        NotAuthorizedException unbound = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                .clientId(clientId)
                                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
        assertThat(unbound.awsErrorDetails().errorMessage()).isEqualTo("Invalid Refresh Token.");

        assertThat(cognito()
                        .adminListDevices(
                                (request) -> request.userPoolId(poolId[0]).username("alice"))
                        .devices())
                .extracting(DeviceType::deviceKey)
                .containsExactly(metadata.deviceKey());
        cognito()
                .adminUpdateDeviceStatus((request) -> request.userPoolId(poolId[0])
                        .username("alice")
                        .deviceKey(metadata.deviceKey())
                        .deviceRememberedStatus(DeviceRememberedStatusType.NOT_REMEMBERED));
        DeviceType adminGot = cognito()
                .adminGetDevice((request) ->
                        request.userPoolId(poolId[0]).username("alice").deviceKey(metadata.deviceKey()))
                .device();
        assertThat(attributes(adminGot.deviceAttributes()))
                .containsEntry("dev:device_remembered_status", "not_remembered");
        assertThat(adminGot.deviceLastAuthenticatedDate()).isNotNull();
        // A device that is not remembered signs in without device authentication.
        assertThat(signInFrom(clientId, metadata.deviceKey()).authenticationResult())
                .isNotNull();

        cognito()
                .forgetDevice(
                        (request) -> request.accessToken(first.accessToken()).deviceKey(metadata.deviceKey()));
        assertThat(cognito()
                        .adminListDevices(
                                (request) -> request.userPoolId(poolId[0]).username("alice"))
                        .devices())
                .isEmpty();
        ResourceNotFoundException gone =
                cognitoError(ResourceNotFoundException.class, () -> signInFrom(clientId, metadata.deviceKey()));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Device does not exist.");
    }

    @Test
    void aPoolThatAlwaysRemembersNeedsNoConfirmationAndTheAdministratorForgets() {
        String[] poolId = new String[1];
        String clientId = devicePool(poolId, false);
        AuthenticationResultType first = signIn(clientId, "alice", STRONG_PASSWORD);
        String deviceKey = first.newDeviceMetadata().deviceKey();
        DeviceSecret device = new DeviceSecret(first.newDeviceMetadata().deviceGroupKey(), deviceKey);

        assertThat(cognito()
                        .confirmDevice((request) -> request.accessToken(first.accessToken())
                                .deviceKey(deviceKey)
                                .deviceSecretVerifierConfig(
                                        (config) -> config.passwordVerifier(device.passwordVerifier())
                                                .salt(device.salt())))
                        .userConfirmationNecessary())
                .isFalse();
        assertThat(signInFrom(clientId, deviceKey).challengeName()).isEqualTo(ChallengeNameType.DEVICE_SRP_AUTH);

        DeviceKeyExistsException twice = cognitoError(
                DeviceKeyExistsException.class,
                () -> cognito()
                        .confirmDevice((request) ->
                                request.accessToken(first.accessToken()).deviceKey(deviceKey)));
        assertThat(twice.awsErrorDetails().errorMessage()).isEqualTo("Device key already exists.");

        cognito()
                .adminForgetDevice((request) ->
                        request.userPoolId(poolId[0]).username("alice").deviceKey(deviceKey));
        ResourceNotFoundException missing = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .getDevice((request) ->
                                request.accessToken(first.accessToken()).deviceKey(deviceKey)));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Device does not exist.");
        UserNotFoundException nobody = cognitoError(
                UserNotFoundException.class,
                () -> cognito()
                        .adminListDevices(
                                (request) -> request.userPoolId(poolId[0]).username("nobody")));
        assertThat(nobody.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
    }

    /**
     * A device's secret and the client side of device SRP, as Cognito's SDKs compute them: the device group key in
     * place of the pool name and the device key in place of the username.
     */
    private static final class DeviceSecret {

        private final String groupKey;

        private final String deviceKey;

        private final String password;

        private final String saltHex;

        private final BigInteger a;

        private final BigInteger publicA;

        DeviceSecret(String groupKey, String deviceKey) {
            SecureRandom random = new SecureRandom();
            this.groupKey = groupKey;
            this.deviceKey = deviceKey;
            byte[] password = new byte[40];
            random.nextBytes(password);
            this.password = Base64.getEncoder().encodeToString(password);
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            this.saltHex = SrpGroup.padHex(new BigInteger(1, salt));
            byte[] secret = new byte[128];
            random.nextBytes(secret);
            this.a = new BigInteger(1, secret).mod(SrpGroup.N);
            this.publicA = SrpGroup.G.modPow(this.a, SrpGroup.N);
        }

        String salt() {
            return Base64.getEncoder().encodeToString(HEX.parseHex(this.saltHex));
        }

        String passwordVerifier() {
            BigInteger verifier = SrpGroup.G.modPow(x(this.saltHex), SrpGroup.N);
            return Base64.getEncoder().encodeToString(HEX.parseHex(SrpGroup.padHex(verifier)));
        }

        Map<String, String> srpAuth(String username) {
            return Map.of("USERNAME", username, "DEVICE_KEY", this.deviceKey, "SRP_A", this.publicA.toString(16));
        }

        Map<String, String> passwordVerifier(Map<String, String> challenge) {
            BigInteger publicB = new BigInteger(challenge.get("SRP_B"), 16);
            BigInteger u =
                    new BigInteger(1, sha256(HEX.parseHex(SrpGroup.padHex(this.publicA) + SrpGroup.padHex(publicB))));
            BigInteger x = x(SrpGroup.padHex(new BigInteger(challenge.get("SALT"), 16)));
            BigInteger s = publicB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N)))
                    .mod(SrpGroup.N)
                    .modPow(this.a.add(u.multiply(x)), SrpGroup.N);
            byte[] prk = hmac(HEX.parseHex(SrpGroup.padHex(u)), HEX.parseHex(SrpGroup.padHex(s)));
            byte[] info = Arrays.copyOf("Caldera Derived Key".getBytes(StandardCharsets.UTF_8), 20);
            info[19] = 1;
            byte[] key = Arrays.copyOf(hmac(prk, info), 16);
            String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
            byte[] signature = hmac(
                    key,
                    this.groupKey.getBytes(StandardCharsets.UTF_8),
                    this.deviceKey.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(challenge.get("SECRET_BLOCK")),
                    timestamp.getBytes(StandardCharsets.UTF_8));
            return Map.of(
                    "USERNAME", challenge.get("USERNAME"),
                    "DEVICE_KEY", this.deviceKey,
                    "PASSWORD_CLAIM_SECRET_BLOCK", challenge.get("SECRET_BLOCK"),
                    "TIMESTAMP", timestamp,
                    "PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
        }

        private BigInteger x(String paddedSaltHex) {
            String identity = HEX.formatHex(
                    sha256((this.groupKey + this.deviceKey + ":" + this.password).getBytes(StandardCharsets.UTF_8)));
            return new BigInteger(1, sha256(HEX.parseHex(paddedSaltHex + identity)));
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private static byte[] hmac(byte[] key, byte[]... parts) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                for (byte[] part : parts) {
                    mac.update(part);
                }
                return mac.doFinal();
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
