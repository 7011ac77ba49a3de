package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The devices of the users of every pool, in the resource store: one record per device and one roster per user that
 * every addition and removal replaces, so that the per-user cap holds under concurrent sign-ins.
 */
public final class DeviceRegistry {

    /**
     * The most devices a user keeps. Cognito documents no quota; past this, a new device replaces the user's device
     * that was never confirmed, or else the one used least recently.
     */
    public static final int MAX_DEVICES_PER_USER = 100;

    /** The characters of a device group key after its leading dash, as Cognito's keys show them. */
    private static final String GROUP_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final int MAX_ATTEMPTS = 50;

    private final ResourceStore resources;

    private final Ids ids;

    private final int maxDevices;

    public DeviceRegistry(ResourceStore resources, Ids ids) {
        this(resources, ids, MAX_DEVICES_PER_USER);
    }

    /** @param maxDevices the most devices a user keeps */
    DeviceRegistry(ResourceStore resources, Ids ids, int maxDevices) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.maxDevices = maxDevices;
    }

    /**
     * The keys handed to a client in {@code NewDeviceMetadata}.
     *
     * @param deviceKey the new device's key
     * @param deviceGroupKey the user's device group key
     */
    public record NewDevice(String deviceKey, String deviceGroupKey) {}

    /** The device {@code deviceKey} of the user, confirmed or not. */
    public Optional<Device> find(String userPoolId, String sub, String deviceKey) {
        return this.resources
                .find(Device.KIND, deviceKey(userPoolId, sub, deviceKey))
                .map(Resource::value);
    }

    /** The user's device group key, once a device was tracked for the user. */
    public Optional<String> groupKey(String userPoolId, String sub) {
        return this.resources
                .find(DeviceRoster.KIND, rosterKey(userPoolId, sub))
                .map((roster) -> roster.value().deviceGroupKey());
    }

    /**
     * Whether the sign-in {@code originJti} was bound to a device of the user, one still tracked or one forgotten:
     * its refresh token then needs that device's key.
     */
    public boolean isBoundToADevice(String userPoolId, String sub, String originJti) {
        return list(userPoolId, sub).stream()
                        .anyMatch((device) -> device.refreshOrigins().contains(originJti))
                || this.resources
                        .find(DeviceRoster.KIND, rosterKey(userPoolId, sub))
                        .filter((roster) -> roster.value().forgottenOrigins().contains(originJti))
                        .isPresent();
    }

    /** Every device of the user, confirmed or not, by device key. */
    public List<Device> list(String userPoolId, String sub) {
        return this.resources.list(Device.KIND, userPoolId, rosterKey(userPoolId, sub) + "/").stream()
                .map(Resource::value)
                .toList();
    }

    /**
     * Tracks a new device for the user and hands out its key; at the cap, the device never confirmed, or else the one
     * used least recently, makes room.
     */
    public NewDevice track(UserPool pool, User user, Instant now) {
        String deviceKey = pool.region() + "_" + this.ids.uuid();
        var device = new Device(deviceKey, null, null, null, false, false, now, now, now, List.of());
        String key = deviceKey(pool.id(), user.sub(), deviceKey);
        return retrying(() -> {
            Optional<Resource<DeviceRoster>> roster =
                    this.resources.find(DeviceRoster.KIND, rosterKey(pool.id(), user.sub()));
            List<ResourceChange> changes = new ArrayList<>();
            String groupKey;
            if (roster.isEmpty()) {
                groupKey = "-" + this.ids.randomString(GROUP_KEY_ALPHABET, 8);
                changes.add(new ResourceChange.Create<>(
                        DeviceRoster.KIND,
                        pool.id(),
                        rosterKey(pool.id(), user.sub()),
                        new DeviceRoster(groupKey, 1, List.of())));
            } else {
                groupKey = roster.get().value().deviceGroupKey();
                int devices = roster.get().value().devices();
                List<Device> evicted = new ArrayList<>();
                if (devices >= this.maxDevices) {
                    leastWanted(pool.id(), user.sub()).ifPresent((victim) -> {
                        changes.add(new ResourceChange.Delete(victim));
                        evicted.add(victim.value());
                    });
                    devices = devices - evicted.size();
                }
                changes.add(new ResourceChange.Replace<>(
                        roster.get(), roster.get().value().after(devices + 1, evicted)));
            }
            changes.add(new ResourceChange.Create<>(Device.KIND, pool.id(), key, device));
            return this.resources.write(changes) ? new NewDevice(deviceKey, groupKey) : null;
        });
    }

    /**
     * Confirms a device with the SRP verifier of its secret.
     *
     * @throws CognitoException {@code ResourceNotFoundException} when the user has no such device,
     *     {@code DeviceKeyExistsException} when it is confirmed already
     */
    public Device confirm(
            String userPoolId,
            String sub,
            String deviceKey,
            @Nullable String name,
            @Nullable String salt,
            @Nullable String verifier,
            boolean remembered,
            Instant now) {
        return retrying(() -> {
            Resource<Device> current = require(userPoolId, sub, deviceKey);
            if (current.value().confirmed()) {
                throw ErrorType.DEVICE_KEY_EXISTS.exception("Device key already exists.");
            }
            Device confirmed = current.value().confirmedWith(name, salt, verifier, remembered, now);
            return this.resources.replace(current, confirmed) ? confirmed : null;
        });
    }

    /**
     * Sets whether a confirmed device is remembered.
     *
     * @throws CognitoException {@code ResourceNotFoundException} when the user has no such confirmed device
     */
    public void updateStatus(String userPoolId, String sub, String deviceKey, boolean remembered, Instant now) {
        retrying(() -> {
            Resource<Device> current = require(userPoolId, sub, deviceKey);
            if (!current.value().confirmed()) {
                throw notFound();
            }
            return this.resources.replace(current, current.value().withRemembered(remembered, now)) ? true : null;
        });
    }

    /** Notes a sign-in with the device; nothing happens when it was forgotten meanwhile. */
    public void authenticated(String userPoolId, String sub, String deviceKey, Instant now) {
        retrying(() -> {
            Optional<Resource<Device>> current =
                    this.resources.find(Device.KIND, deviceKey(userPoolId, sub, deviceKey));
            if (current.isEmpty()) {
                return true;
            }
            return this.resources.replace(current.get(), current.get().value().authenticatedAt(now)) ? true : null;
        });
    }

    /**
     * Binds the refresh token of the sign-in {@code originJti} to a device: from now on it refreshes only with that
     * device key. Nothing happens when the device was forgotten meanwhile.
     */
    public void bindRefreshToken(String userPoolId, String sub, String deviceKey, String originJti) {
        retrying(() -> {
            Optional<Resource<Device>> current =
                    this.resources.find(Device.KIND, deviceKey(userPoolId, sub, deviceKey));
            if (current.isEmpty()) {
                return true;
            }
            return this.resources.replace(current.get(), current.get().value().withRefreshOrigin(originJti))
                    ? true
                    : null;
        });
    }

    /**
     * Forgets a device: it can no longer authenticate, and a sign-in from it is a sign-in from a new device.
     *
     * @throws CognitoException {@code ResourceNotFoundException} when the user has no such device
     */
    public void forget(String userPoolId, String sub, String deviceKey) {
        retrying(() -> {
            Resource<Device> current = require(userPoolId, sub, deviceKey);
            Optional<Resource<DeviceRoster>> roster =
                    this.resources.find(DeviceRoster.KIND, rosterKey(userPoolId, sub));
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Delete(current));
            roster.ifPresent((found) -> changes.add(new ResourceChange.Replace<>(
                    found, found.value().after(found.value().devices() - 1, List.of(current.value())))));
            return this.resources.write(changes) ? true : null;
        });
    }

    /** Removes every device of a deleted user, and its roster. */
    public void userDeleted(User user) {
        retrying(() -> {
            List<ResourceChange> changes = new ArrayList<>();
            this.resources
                    .find(DeviceRoster.KIND, rosterKey(user.userPoolId(), user.sub()))
                    .ifPresent((roster) -> changes.add(new ResourceChange.Delete(roster)));
            this.resources
                    .list(Device.KIND, user.userPoolId(), rosterKey(user.userPoolId(), user.sub()) + "/")
                    .forEach((device) -> changes.add(new ResourceChange.Delete(device)));
            return (changes.isEmpty() || this.resources.write(changes)) ? true : null;
        });
    }

    /** The device that makes room for a new one: never confirmed first, then the one used least recently. */
    private Optional<Resource<Device>> leastWanted(String userPoolId, String sub) {
        Comparator<Resource<Device>> order = Comparator.<Resource<Device>, Boolean>comparing(
                        (device) -> device.value().confirmed())
                .thenComparing((device) -> device.value().lastAuthenticatedDate())
                .thenComparing(Resource::key);
        return this.resources.list(Device.KIND, userPoolId, rosterKey(userPoolId, sub) + "/").stream()
                .min(order);
    }

    private Resource<Device> require(String userPoolId, String sub, String deviceKey) {
        return this.resources
                .find(Device.KIND, deviceKey(userPoolId, sub, deviceKey))
                .orElseThrow(DeviceRegistry::notFound);
    }

    /** Cognito's answer for a device key the user does not have. */
    public static CognitoException notFound() {
        return ErrorType.RESOURCE_NOT_FOUND.exception("Device does not exist.");
    }

    static String rosterKey(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }

    static String deviceKey(String userPoolId, String sub, String deviceKey) {
        return rosterKey(userPoolId, sub) + "/" + deviceKey;
    }

    /** Runs {@code attempt} until it returns a value: {@code null} means a concurrent write won, so read again. */
    private static <T> T retrying(Supplier<@Nullable T> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }
}
