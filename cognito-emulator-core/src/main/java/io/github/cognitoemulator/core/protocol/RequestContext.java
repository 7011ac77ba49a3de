package io.github.cognitoemulator.core.protocol;

/**
 * What an action knows about the call besides its input.
 *
 * @param region the region the call is served in
 * @param requestId the id returned in {@code x-amzn-RequestId}
 * @param issuerBaseUrl the base of token issuers, so that a pool's {@code iss} is {@code <issuerBaseUrl>/<pool id>}
 */
public record RequestContext(String region, String requestId, String issuerBaseUrl) {

    /** The {@code iss} of the tokens of {@code userPoolId}. */
    public String issuer(String userPoolId) {
        return this.issuerBaseUrl + "/" + userPoolId;
    }

    /** Cognito's own issuer base URL for a region. */
    public static String cognitoIssuerBaseUrl(String region) {
        return "https://cognito-idp." + region + ".amazonaws.com";
    }
}
