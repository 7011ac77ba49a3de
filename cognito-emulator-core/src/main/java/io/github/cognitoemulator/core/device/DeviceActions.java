package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.DeviceConfiguration;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.PageTokens;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * ConfirmDevice, GetDevice, ListDevices, ForgetDevice, UpdateDeviceStatus, and their administrator counterparts
 * AdminGetDevice, AdminListDevices, AdminForgetDevice and AdminUpdateDeviceStatus.
 *
 * <p>As in Cognito, a user's own GetDevice and ListDevices see remembered devices only, while the administrator's
 * see every confirmed device whatever its status.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html">Working with user devices</a>
 */
public final class DeviceActions implements ActionFamily {

    /** The most devices a page holds, and its size when the request names none. */
    static final int MAX_PAGE_SIZE = 60;

    /** Device keys: the model's {@code DeviceKeyType}. */
    static final StringShape DEVICE_KEY = StringShape.length(1, 55).pattern("[\\w-]+_[0-9a-f-]+");

    private static final StringShape REMEMBERED_STATUS = StringShape.oneOf("remembered", "not_remembered");

    private final PoolStore pools;

    private final UserDirectory users;

    private final SignedInUsers signedIn;

    private final DeviceRegistry devices;

    private final Clock clock;

    public DeviceActions(
            PoolStore pools, UserDirectory users, TokenService tokens, DeviceRegistry devices, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.signedIn = new SignedInUsers(tokens, pools, users);
        this.devices = Objects.requireNonNull(devices, "'devices' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("ConfirmDevice", ConfirmDeviceRequest::parse, this::confirmDevice);
        registry.addUnsigned("GetDevice", (in) -> DeviceRequest.parse(in, false), this::getDevice);
        registry.addUnsigned("ListDevices", (in) -> ListDevicesRequest.parse(in, false), this::listDevices);
        registry.addUnsigned("ForgetDevice", (in) -> DeviceRequest.parse(in, false), this::forgetDevice);
        registry.addUnsigned(
                "UpdateDeviceStatus", (in) -> UpdateDeviceStatusRequest.parse(in, false), this::updateDeviceStatus);
        registry.add("AdminGetDevice", (in) -> DeviceRequest.parse(in, true), this::getDevice);
        registry.add("AdminListDevices", (in) -> ListDevicesRequest.parse(in, true), this::listDevices);
        registry.add("AdminForgetDevice", (in) -> DeviceRequest.parse(in, true), this::forgetDevice);
        registry.add(
                "AdminUpdateDeviceStatus", (in) -> UpdateDeviceStatusRequest.parse(in, true), this::updateDeviceStatus);
    }

    Map<String, Object> confirmDevice(ConfirmDeviceRequest request, RequestContext context) {
        Owner owner = authenticate(request.accessToken());
        String salt = null;
        String verifier = null;
        if (request.salt() != null || request.passwordVerifier() != null) {
            salt = hexOf(request.salt());
            verifier = new BigInteger(1, HexFormat.of().parseHex(hexOf(request.passwordVerifier()))).toString(16);
        }
        boolean userDecides = owner.pool()
                .deviceConfiguration()
                .map(DeviceConfiguration::deviceOnlyRememberedOnUserPrompt)
                .orElse(false);
        this.devices.confirm(
                owner.pool().id(),
                owner.user().sub(),
                request.deviceKey(),
                request.deviceName(),
                salt,
                verifier,
                !userDecides,
                this.clock.instant());
        return Map.of("UserConfirmationNecessary", userDecides);
    }

    Map<String, Object> getDevice(DeviceRequest request, RequestContext context) {
        Owner owner = owner(request.admin(), request.userPoolId(), request.username(), request.accessToken(), context);
        Device device = this.devices
                .find(owner.pool().id(), owner.user().sub(), request.deviceKey())
                .filter(visibleTo(request.admin()))
                .orElseThrow(DeviceRegistry::notFound);
        return Map.of("Device", deviceType(device));
    }

    Map<String, Object> listDevices(ListDevicesRequest request, RequestContext context) {
        Owner owner = owner(request.admin(), request.userPoolId(), request.username(), request.accessToken(), context);
        List<Device> visible = this.devices.list(owner.pool().id(), owner.user().sub()).stream()
                .filter(visibleTo(request.admin()))
                .toList();
        PageTokens.Page<Device> page =
                PageTokens.page(visible, Device::deviceKey, request.paginationToken(), request.limit());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Device device : page.items()) {
            listed.add(deviceType(device));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Devices", listed);
        if (page.nextToken() != null) {
            response.put("PaginationToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> forgetDevice(DeviceRequest request, RequestContext context) {
        Owner owner = owner(request.admin(), request.userPoolId(), request.username(), request.accessToken(), context);
        this.devices.forget(owner.pool().id(), owner.user().sub(), request.deviceKey());
        return Map.of();
    }

    Map<String, Object> updateDeviceStatus(UpdateDeviceStatusRequest request, RequestContext context) {
        Owner owner = owner(request.admin(), request.userPoolId(), request.username(), request.accessToken(), context);
        if (request.status() == null) {
            // Nothing to change, but the device must still be one of the user's confirmed devices.
            this.devices
                    .find(owner.pool().id(), owner.user().sub(), request.deviceKey())
                    .filter(Device::confirmed)
                    .orElseThrow(DeviceRegistry::notFound);
            return Map.of();
        }
        this.devices.updateStatus(
                owner.pool().id(),
                owner.user().sub(),
                request.deviceKey(),
                request.status().equals("remembered"),
                this.clock.instant());
        return Map.of();
    }

    /** Which devices an action shows: the administrator sees every confirmed device, the user the remembered ones. */
    private static Predicate<Device> visibleTo(boolean admin) {
        return admin ? Device::confirmed : (device) -> device.confirmed() && device.remembered();
    }

    /** Cognito's {@code DeviceType}, members in the order Cognito writes them. */
    static Map<String, Object> deviceType(Device device) {
        List<Map<String, String>> attributes = new ArrayList<>();
        attributes.add(attribute("device_status", "valid"));
        if (device.name() != null) {
            attributes.add(attribute("device_name", device.name()));
        }
        attributes.add(
                attribute("dev:device_remembered_status", device.remembered() ? "remembered" : "not_remembered"));
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("DeviceAttributes", attributes);
        shape.put("DeviceCreateDate", device.createDate());
        shape.put("DeviceKey", device.deviceKey());
        shape.put("DeviceLastAuthenticatedDate", device.lastAuthenticatedDate());
        shape.put("DeviceLastModifiedDate", device.lastModifiedDate());
        return shape;
    }

    private static Map<String, String> attribute(String name, String value) {
        Map<String, String> attribute = new LinkedHashMap<>();
        attribute.put("Name", name);
        attribute.put("Value", value);
        return attribute;
    }

    /** The hex of a base64 {@code DeviceSecretVerifierConfig} member, as identity-js encodes its padded hex. */
    private static String hexOf(@Nullable String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() > MAX_VERIFIER_CONFIG_LENGTH) {
            throw invalidVerifierConfig();
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException ex) {
            throw invalidVerifierConfig();
        }
    }

    /**
     * The longest {@code PasswordVerifier} or {@code Salt}: 516 characters, the padded base64 of 385 bytes, which is
     * the verifier {@code g^x mod N} with the sign byte clients add. Anything longer is refused before it is decoded,
     * so that the device's SRP exchanges later work on values of the group's size.
     */
    static final int MAX_VERIFIER_CONFIG_LENGTH = 516;

    private static CognitoException invalidVerifierConfig() {
        return ErrorType.INVALID_PARAMETER.exception(
                "DeviceSecretVerifierConfig must have a base64 PasswordVerifier and Salt.");
    }

    private Owner owner(
            boolean admin,
            @Nullable String userPoolId,
            @Nullable String username,
            @Nullable String accessToken,
            RequestContext context) {
        if (!admin) {
            if (accessToken == null) {
                throw Errors.invalidParameter("Missing required parameter AccessToken");
            }
            return authenticate(accessToken);
        }
        UserPool pool = this.pools.require(Objects.requireNonNull(userPoolId), context.region());
        User user = this.users.resolve(pool, Objects.requireNonNull(username)).orElseThrow(Errors::userNotFound);
        return new Owner(pool, user);
    }

    /** The user behind a valid access token; a deleted or disabled user's token no longer works. */
    private Owner authenticate(String accessToken) {
        SignedInUsers.SignedInUser caller = this.signedIn.require(accessToken);
        return new Owner(caller.pool(), caller.user());
    }

    /** The user whose devices an action reads or changes, and its pool. */
    private record Owner(UserPool pool, User user) {}

    /**
     * A ConfirmDevice request.
     *
     * @param accessToken the user's access token
     * @param deviceKey the device key from {@code NewDeviceMetadata}
     * @param passwordVerifier the base64 SRP verifier of the device's secret, or {@code null}
     * @param salt the base64 salt of the device's secret, or {@code null}
     * @param deviceName the device's name, or {@code null}
     */
    record ConfirmDeviceRequest(
            String accessToken,
            String deviceKey,
            @Nullable String passwordVerifier,
            @Nullable String salt,
            @Nullable String deviceName) {

        static ConfirmDeviceRequest parse(RequestReader in) {
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String deviceKey = in.requiredString("DeviceKey", DEVICE_KEY);
            RequestReader config = in.structure("DeviceSecretVerifierConfig");
            String verifier = (config != null) ? config.string("PasswordVerifier", StringShape.ANY) : null;
            String salt = (config != null) ? config.string("Salt", StringShape.ANY) : null;
            String name = in.string("DeviceName", StringShape.length(1, 1024));
            return new ConfirmDeviceRequest(accessToken, deviceKey, verifier, salt, name);
        }

        /** A description without the access token and the verifier. */
        @Override
        public String toString() {
            return "ConfirmDeviceRequest[accessToken=" + Redacted.secret(this.accessToken) + ", deviceKey="
                    + this.deviceKey + ", passwordVerifier=" + Redacted.secret(this.passwordVerifier) + ", salt="
                    + Redacted.secret(this.salt) + ", deviceName=" + this.deviceName + "]";
        }
    }

    /**
     * A GetDevice, ForgetDevice, AdminGetDevice or AdminForgetDevice request.
     *
     * @param admin whether it is the administrator's action
     * @param accessToken the user's access token, for the user's action
     * @param userPoolId the pool, for the administrator's action
     * @param username the user, for the administrator's action
     * @param deviceKey the device
     */
    record DeviceRequest(
            boolean admin,
            @Nullable String accessToken,
            @Nullable String userPoolId,
            @Nullable String username,
            String deviceKey) {

        static DeviceRequest parse(RequestReader in, boolean admin) {
            String accessToken = admin ? null : in.string("AccessToken", Shapes.ACCESS_TOKEN);
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String username = admin ? in.requiredString("Username", Shapes.USERNAME) : null;
            String deviceKey = in.requiredString("DeviceKey", DEVICE_KEY);
            return new DeviceRequest(admin, accessToken, userPoolId, username, deviceKey);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "DeviceRequest[admin=" + this.admin + ", accessToken=" + Redacted.secret(this.accessToken)
                    + ", userPoolId=" + this.userPoolId + ", username=" + this.username + ", deviceKey="
                    + this.deviceKey + "]";
        }
    }

    /**
     * A ListDevices or AdminListDevices request.
     *
     * @param admin whether it is the administrator's action
     * @param accessToken the user's access token, for the user's action
     * @param userPoolId the pool, for the administrator's action
     * @param username the user, for the administrator's action
     * @param limit the page size
     * @param paginationToken the token of the previous page, or {@code null}
     */
    record ListDevicesRequest(
            boolean admin,
            @Nullable String accessToken,
            @Nullable String userPoolId,
            @Nullable String username,
            int limit,
            @Nullable String paginationToken) {

        static ListDevicesRequest parse(RequestReader in, boolean admin) {
            String accessToken = admin ? null : in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String username = admin ? in.requiredString("Username", Shapes.USERNAME) : null;
            Integer limit = in.integer("Limit", IntShape.range(0, MAX_PAGE_SIZE));
            String token = in.string("PaginationToken", Shapes.PAGINATION_KEY);
            // No limit, or a limit of 0, lists a full page.
            int size = (limit == null || limit == 0) ? MAX_PAGE_SIZE : limit;
            return new ListDevicesRequest(admin, accessToken, userPoolId, username, size, token);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "ListDevicesRequest[admin=" + this.admin + ", accessToken=" + Redacted.secret(this.accessToken)
                    + ", userPoolId=" + this.userPoolId + ", username=" + this.username + ", limit=" + this.limit
                    + ", paginationToken=" + this.paginationToken + "]";
        }
    }

    /**
     * An UpdateDeviceStatus or AdminUpdateDeviceStatus request.
     *
     * @param admin whether it is the administrator's action
     * @param accessToken the user's access token, for the user's action
     * @param userPoolId the pool, for the administrator's action
     * @param username the user, for the administrator's action
     * @param deviceKey the device
     * @param status {@code remembered}, {@code not_remembered}, or {@code null} to leave it
     */
    record UpdateDeviceStatusRequest(
            boolean admin,
            @Nullable String accessToken,
            @Nullable String userPoolId,
            @Nullable String username,
            String deviceKey,
            @Nullable String status) {

        static UpdateDeviceStatusRequest parse(RequestReader in, boolean admin) {
            String accessToken = admin ? null : in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String username = admin ? in.requiredString("Username", Shapes.USERNAME) : null;
            String deviceKey = in.requiredString("DeviceKey", DEVICE_KEY);
            String status = in.string("DeviceRememberedStatus", REMEMBERED_STATUS);
            return new UpdateDeviceStatusRequest(admin, accessToken, userPoolId, username, deviceKey, status);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "UpdateDeviceStatusRequest[admin=" + this.admin + ", accessToken="
                    + Redacted.secret(this.accessToken) + ", userPoolId=" + this.userPoolId + ", username="
                    + this.username + ", deviceKey=" + this.deviceKey + ", status=" + this.status + "]";
        }
    }
}
