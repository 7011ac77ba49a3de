package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A device a user signed in from. It is tracked from the sign-in that handed out its key, confirmed by ConfirmDevice
 * with the SRP verifier of the device's secret, and remembered either then or by UpdateDeviceStatus.
 *
 * @param deviceKey the device key, {@code <region>_<uuid>}
 * @param name the {@code DeviceName} given at confirmation, or {@code null}
 * @param salt the salt of the device's secret, as hex, or {@code null} until confirmed with a verifier
 * @param verifier the SRP verifier of the device's secret, as hex, or {@code null} until confirmed with one
 * @param confirmed whether ConfirmDevice was called for it
 * @param remembered whether it is remembered ({@code remembered}) rather than {@code not_remembered}
 * @param createDate when its key was handed out
 * @param lastModifiedDate when it last changed
 * @param lastAuthenticatedDate when the user last signed in with it, first by the sign-in that handed out its key
 * @param refreshOrigins the {@code origin_jti} of the latest sign-ins from the device, oldest first: their refresh
 *     tokens work with this device key only
 */
public record Device(
        String deviceKey,
        @Nullable String name,
        @Nullable String salt,
        @Nullable String verifier,
        boolean confirmed,
        boolean remembered,
        Instant createDate,
        Instant lastModifiedDate,
        Instant lastAuthenticatedDate,
        List<String> refreshOrigins) {

    /** Keyed by {@code <pool id>/<user sub>/<device key>}. */
    public static final ResourceKind<Device> KIND = ResourceKind.of("device", Device.class);

    /** How many sign-ins from one device keep refresh tokens bound to it; older ones stop working. */
    public static final int MAX_REFRESH_ORIGINS = 20;

    public Device {
        refreshOrigins = List.copyOf(refreshOrigins);
    }

    /** Whether the device can answer DEVICE_SRP_AUTH: confirmed with a verifier, and remembered. */
    public boolean canAuthenticate() {
        return this.confirmed && this.remembered && this.verifier != null && this.salt != null;
    }

    Device confirmedWith(
            @Nullable String name, @Nullable String salt, @Nullable String verifier, boolean remembered, Instant now) {
        return new Device(
                this.deviceKey,
                name,
                salt,
                verifier,
                true,
                remembered,
                this.createDate,
                now,
                this.lastAuthenticatedDate,
                this.refreshOrigins);
    }

    Device withRemembered(boolean remembered, Instant now) {
        return new Device(
                this.deviceKey,
                this.name,
                this.salt,
                this.verifier,
                this.confirmed,
                remembered,
                this.createDate,
                now,
                this.lastAuthenticatedDate,
                this.refreshOrigins);
    }

    Device authenticatedAt(Instant now) {
        return new Device(
                this.deviceKey,
                this.name,
                this.salt,
                this.verifier,
                this.confirmed,
                this.remembered,
                this.createDate,
                this.lastModifiedDate,
                now,
                this.refreshOrigins);
    }

    /** This device with the sign-in {@code originJti} added to those whose refresh tokens it takes. */
    Device withRefreshOrigin(String originJti) {
        List<String> origins = new ArrayList<>(this.refreshOrigins);
        origins.add(originJti);
        while (origins.size() > MAX_REFRESH_ORIGINS) {
            origins.remove(0);
        }
        return new Device(
                this.deviceKey,
                this.name,
                this.salt,
                this.verifier,
                this.confirmed,
                this.remembered,
                this.createDate,
                this.lastModifiedDate,
                this.lastAuthenticatedDate,
                origins);
    }

    /** Keeps the verifier out of logs. */
    @Override
    public String toString() {
        return "Device[deviceKey=" + this.deviceKey + ", name=" + this.name + ", confirmed=" + this.confirmed
                + ", remembered=" + this.remembered + "]";
    }
}
