package io.github.cognitoemulator.core.branding;

/**
 * The claim of a branding style on its app client, which has at most one.
 *
 * @param managedLoginBrandingId the style
 */
public record ClientBranding(String managedLoginBrandingId) {}
