package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What all devices of one user share: the device group key, how many devices the user has, and the sign-ins of
 * forgotten devices, whose refresh tokens stay refused. Every write that adds or removes a device replaces it, so
 * that concurrent sign-ins cannot take the user past the cap.
 *
 * @param deviceGroupKey the user's device group key, which device SRP uses in place of the pool name
 * @param devices how many device records the user has
 * @param forgottenOrigins the {@code origin_jti} of sign-ins from devices since forgotten, oldest first
 */
public record DeviceRoster(String deviceGroupKey, int devices, List<String> forgottenOrigins) {

    /** Keyed by {@code <pool id>/<user sub>}. */
    public static final ResourceKind<DeviceRoster> KIND = ResourceKind.of("device-roster", DeviceRoster.class);

    /** How many sign-ins of forgotten devices a user's roster remembers. */
    public static final int MAX_FORGOTTEN_ORIGINS = 200;

    public DeviceRoster {
        forgottenOrigins = List.copyOf(forgottenOrigins);
    }

    /** This roster with {@code devices} devices and the sign-ins of {@code forgotten} kept as refused. */
    DeviceRoster after(int devices, List<Device> forgotten) {
        List<String> origins = new ArrayList<>(this.forgottenOrigins);
        for (Device device : forgotten) {
            origins.addAll(device.refreshOrigins());
        }
        while (origins.size() > MAX_FORGOTTEN_ORIGINS) {
            origins.remove(0);
        }
        return new DeviceRoster(this.deviceGroupKey, devices, origins);
    }
}
