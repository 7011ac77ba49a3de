package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.store.ResourceKind;

/**
 * What all devices of one user share: the device group key, and how many devices the user has. Every write that adds
 * or removes a device replaces it, so that concurrent sign-ins cannot take the user past the cap.
 *
 * @param deviceGroupKey the user's device group key, which device SRP uses in place of the pool name
 * @param devices how many device records the user has
 */
public record DeviceRoster(String deviceGroupKey, int devices) {

    /** Keyed by {@code <pool id>/<user sub>}. */
    public static final ResourceKind<DeviceRoster> KIND = ResourceKind.of("device-roster", DeviceRoster.class);
}
