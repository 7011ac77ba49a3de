package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.device.Device;
import io.github.cognitoemulator.core.device.DeviceRegistry;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.DeviceConfiguration;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The device steps of a sign-in in a pool that tracks devices: the DEVICE_SRP_AUTH challenge for a remembered
 * device and the check of its DEVICE_PASSWORD_VERIFIER answer, and the {@code NewDeviceMetadata} handed to a
 * sign-in from a device the pool does not know yet.
 */
final class DeviceSignIn {

    private static final String DEVICE_KEY = "DEVICE_KEY";

    private final DeviceRegistry devices;

    private final UserDirectory users;

    private final AuthSessions sessions;

    private final SrpFlow srp;

    private final TokenService tokens;

    private final Clock clock;

    DeviceSignIn(
            DeviceRegistry devices,
            UserDirectory users,
            AuthSessions sessions,
            SrpFlow srp,
            TokenService tokens,
            Clock clock) {
        this.devices = Objects.requireNonNull(devices, "'devices' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.srp = Objects.requireNonNull(srp, "'srp' must not be null");
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The DEVICE_SRP_AUTH challenge when the sign-in names a remembered device of the user in a pool that tracks
     * devices. Before MFA ({@code inPlaceOfMfa}) only where the device may stand in for it: the pool lets remembered
     * devices do so ({@code ChallengeRequiredOnNewDevice}) or has MFA off; after MFA, or when none was needed, in any
     * pool. Empty when the sign-in goes on without device authentication.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code ResourceNotFoundException} when the
     *     {@code DEVICE_KEY} is not a device of the user
     */
    Optional<Map<String, Object>> challenge(SignIn signIn, boolean inPlaceOfMfa) {
        Optional<DeviceConfiguration> configuration = signIn.pool().deviceConfiguration();
        if (signIn.deviceKey() == null || configuration.isEmpty()) {
            return Optional.empty();
        }
        Device device = this.devices
                .find(signIn.pool().id(), signIn.user().sub(), signIn.deviceKey())
                .orElseThrow(DeviceRegistry::notFound);
        boolean standsInForMfa = configuration.get().challengeRequiredOnNewDevice()
                || "OFF".equals(signIn.pool().mfaConfiguration());
        if (!device.canAuthenticate() || (inPlaceOfMfa && !standsInForMfa)) {
            return Optional.empty();
        }
        UserPoolClient client = signIn.client();
        String session = this.sessions.open(new AuthSession(
                signIn.pool().id(),
                client.clientId(),
                signIn.user().sub(),
                ChallengeName.DEVICE_SRP_AUTH,
                this.clock.instant().plus(Duration.ofMinutes(client.authSessionValidity())),
                Map.of(DEVICE_KEY, device.deviceKey())));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ChallengeName", ChallengeName.DEVICE_SRP_AUTH.name());
        response.put("Session", session);
        response.put(
                "ChallengeParameters", Map.of("USER_ID_FOR_SRP", signIn.user().username()));
        return Optional.of(response);
    }

    /**
     * Refuses a PASSWORD_VERIFIER answer that names a device the user does not have before the answer spends its
     * secret block, so that the client can send the same answer again without the device key, as
     * amazon-cognito-identity-js does when told the device does not exist.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code ResourceNotFoundException} for a device
     *     key that is not the user's; nothing for an answer that the password check refuses anyway
     */
    void requireKnownDevice(UserPool pool, UserPoolClient client, Map<String, String> responses) {
        String deviceKey = responses.get(DEVICE_KEY);
        String secretBlock = responses.get("PASSWORD_CLAIM_SECRET_BLOCK");
        if (deviceKey == null
                || secretBlock == null
                || !AuthSessions.isWellFormed(secretBlock)
                || pool.deviceConfiguration().isEmpty()) {
            return;
        }
        AuthSession session;
        try {
            session = this.sessions.find(secretBlock, client.clientId(), ChallengeName.PASSWORD_VERIFIER);
        } catch (io.github.cognitoemulator.core.error.CognitoException ex) {
            return;
        }
        if (!session.sub().isEmpty()
                && this.devices.find(pool.id(), session.sub(), deviceKey).isEmpty()) {
            throw DeviceRegistry.notFound();
        }
    }

    /** The answer to DEVICE_SRP_AUTH ({@code USERNAME}, {@code DEVICE_KEY}, {@code SRP_A}): DEVICE_PASSWORD_VERIFIER. */
    Map<String, Object> answerDeviceSrpAuth(
            UserPool pool,
            UserPoolClient client,
            List<String> secrets,
            @Nullable String sessionToken,
            Map<String, String> responses) {
        String username = AuthenticationActions.requireParameter(responses, "USERNAME");
        String deviceKey = AuthenticationActions.requireParameter(responses, DEVICE_KEY);
        String srpA = AuthenticationActions.requireParameter(responses, "SRP_A");
        // Refused by its length and digits before the session is spent or anything is looked up.
        SrpFlow.clientValue(srpA);
        if (sessionToken == null) {
            throw ErrorType.INVALID_PARAMETER.exception("Missing required parameter Session");
        }
        AuthSession session = this.sessions.take(sessionToken, client.clientId(), ChallengeName.DEVICE_SRP_AUTH);
        User user = this.users.findBySub(pool, session.sub()).orElseThrow(DeviceSignIn::incorrect);
        SecretHash.check(client, secrets, responses.get("SECRET_HASH"), username, user.username());
        if (!user.username().equals(username)
                || !deviceKey.equals(session.data().get(DEVICE_KEY))) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
        Device device = this.devices
                .find(pool.id(), user.sub(), deviceKey)
                .filter(Device::canAuthenticate)
                .orElseThrow(DeviceRegistry::notFound);
        String groupKey = this.devices.groupKey(pool.id(), user.sub()).orElseThrow(DeviceRegistry::notFound);
        return this.srp.deviceChallenge(pool, client, user.sub(), user.username(), device, groupKey, srpA);
    }

    /**
     * The answer to DEVICE_PASSWORD_VERIFIER: the sign-in, ready for its tokens, once the device proved its secret and
     * is still remembered.
     */
    SignIn answerDevicePasswordVerifier(
            UserPool pool,
            UserPoolClient client,
            List<String> secrets,
            Map<String, String> responses,
            RequestContext context) {
        AuthSession session = this.srp.verifyDevice(pool, client, secrets, responses);
        User user = this.users.findBySub(pool, session.sub()).orElseThrow(DeviceSignIn::incorrect);
        if (!user.enabled()) {
            throw ErrorType.NOT_AUTHORIZED.exception("User is disabled.");
        }
        String deviceKey = session.data().get("deviceKey");
        // Forgotten, or no longer remembered, between the challenge and the answer.
        this.devices
                .find(pool.id(), user.sub(), deviceKey)
                .filter(Device::canAuthenticate)
                .orElseThrow(DeviceRegistry::notFound);
        return new SignIn(pool, client, user, context, deviceKey);
    }

    /**
     * The device the tokens of a sign-in name in {@code device_key}: the known device the client named, or a new one
     * tracked now, whose keys go back in {@code NewDeviceMetadata}; none when the pool does not track devices.
     *
     * @param refreshedFrom the sign-in being refreshed, which never tracks a new device, or {@code null}
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code NotAuthorizedException} for a refresh
     *     token bound to a device that the request does not name, or that is forgotten or was never confirmed
     */
    TokenDevice tokenDevice(SignIn signIn, @Nullable RefreshSession refreshedFrom) {
        UserPool pool = signIn.pool();
        if (pool.deviceConfiguration().isEmpty()) {
            return new TokenDevice(null, null);
        }
        if (refreshedFrom != null) {
            return refreshDevice(signIn, refreshedFrom.originJti());
        }
        if (signIn.deviceKey() != null) {
            Optional<Device> known = this.devices.find(pool.id(), signIn.user().sub(), signIn.deviceKey());
            if (known.isPresent()) {
                this.devices.authenticated(pool.id(), signIn.user().sub(), signIn.deviceKey(), this.clock.instant());
                return new TokenDevice(signIn.deviceKey(), null);
            }
        }
        DeviceRegistry.NewDevice created = this.devices.track(pool, signIn.user(), this.clock.instant());
        return new TokenDevice(created.deviceKey(), created);
    }

    /**
     * The device of a refresh: in a pool that tracks devices, a refresh token works only with the confirmed device its
     * sign-in was bound to.
     */
    private TokenDevice refreshDevice(SignIn signIn, String originJti) {
        String userPoolId = signIn.pool().id();
        String sub = signIn.user().sub();
        if (signIn.deviceKey() == null) {
            if (this.devices.isBoundToADevice(userPoolId, sub, originJti)) {
                throw invalidRefreshToken();
            }
            return new TokenDevice(null, null);
        }
        this.devices
                .find(userPoolId, sub, signIn.deviceKey())
                .filter((device) ->
                        device.confirmed() && device.refreshOrigins().contains(originJti))
                .orElseThrow(DeviceSignIn::invalidRefreshToken);
        this.devices.authenticated(userPoolId, sub, signIn.deviceKey(), this.clock.instant());
        return new TokenDevice(signIn.deviceKey(), null);
    }

    /** Binds the refresh token just issued for a sign-in to its device, so that it refreshes with that device only. */
    void issued(SignIn signIn, TokenDevice device, @Nullable String refreshToken) {
        if (device.deviceKey() == null || refreshToken == null) {
            return;
        }
        String originJti = this.tokens
                .refreshSession(refreshToken, signIn.client().clientId())
                .originJti();
        this.devices.bindRefreshToken(signIn.pool().id(), signIn.user().sub(), device.deviceKey(), originJti);
    }

    private static io.github.cognitoemulator.core.error.CognitoException invalidRefreshToken() {
        return ErrorType.NOT_AUTHORIZED.exception("Invalid Refresh Token.");
    }

    /**
     * The device side of issued tokens.
     *
     * @param deviceKey the {@code device_key} claim of the access token, or {@code null}
     * @param newDevice the keys of a device tracked by this sign-in, or {@code null}
     */
    record TokenDevice(@Nullable String deviceKey, DeviceRegistry.@Nullable NewDevice newDevice) {

        /** The {@code NewDeviceMetadata} member of {@code AuthenticationResult}, or {@code null}. */
        @Nullable
        Map<String, String> newDeviceMetadata() {
            if (this.newDevice == null) {
                return null;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("DeviceGroupKey", this.newDevice.deviceGroupKey());
            metadata.put("DeviceKey", this.newDevice.deviceKey());
            return metadata;
        }
    }

    private static io.github.cognitoemulator.core.error.CognitoException incorrect() {
        return ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
    }
}
