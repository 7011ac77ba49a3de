package io.github.cognitoemulator.core.protocol;

/**
 * What an action knows about the call besides its input.
 *
 * @param region the region the call is served in
 * @param requestId the id returned in {@code x-amzn-RequestId}
 */
public record RequestContext(String region, String requestId) {}
