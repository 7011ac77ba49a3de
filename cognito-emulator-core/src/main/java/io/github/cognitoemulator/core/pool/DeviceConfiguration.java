package io.github.cognitoemulator.core.pool;

/**
 * A pool's {@code DeviceConfiguration}: whether and how it remembers the devices its users sign in from. A pool
 * tracks devices as soon as either member is given.
 *
 * @param challengeRequiredOnNewDevice whether a remembered device signs in with device authentication instead of MFA
 * @param deviceOnlyRememberedOnUserPrompt whether a confirmed device stays not remembered until the user says so
 *     with UpdateDeviceStatus
 */
public record DeviceConfiguration(boolean challengeRequiredOnNewDevice, boolean deviceOnlyRememberedOnUserPrompt) {}
