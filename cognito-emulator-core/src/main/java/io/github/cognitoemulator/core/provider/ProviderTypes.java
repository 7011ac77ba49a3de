package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.error.Errors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Cognito requires of each provider type and what it adds: the required {@code ProviderDetails} keys, the
 * endpoint keys it fills in for the social providers (as the CreateIdentityProvider reference shows them in describe
 * responses), and the attribute that becomes the username.
 */
final class ProviderTypes {

    /** The social types, whose provider must be named after the type. */
    static final Set<String> SOCIAL = Set.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple");

    private static final List<String> SOCIAL_KEYS = List.of("client_id", "client_secret", "authorize_scopes");

    private static final List<String> APPLE_KEYS =
            List.of("client_id", "team_id", "key_id", "private_key", "authorize_scopes");

    private static final List<String> OIDC_KEYS =
            List.of("client_id", "authorize_scopes", "oidc_issuer", "attributes_request_method");

    private static final String FACEBOOK_DEFAULT_API_VERSION = "v17.0";

    private ProviderTypes() {}

    /**
     * Checks the name against the type: a social provider is named after its type, and the other types may not take
     * a social provider's name or Cognito's own.
     */
    static void checkName(String providerName, String providerType) {
        boolean social = SOCIAL.contains(providerType);
        if ((social && !providerName.equals(providerType))
                || (!social && (SOCIAL.contains(providerName) || providerName.equalsIgnoreCase("Cognito")))) {
            throw Errors.invalidParameter("Provider " + providerName + " cannot be of type " + providerType + ".");
        }
    }

    /** The details Cognito keeps for {@code given}: checked, then completed with the keys it derives. */
    static Map<String, String> details(String providerType, Map<String, String> given) {
        Map<String, String> details = new TreeMap<>(given);
        switch (providerType) {
            case "Google" -> {
                require(given, SOCIAL_KEYS);
                details.put("attributes_url", "https://people.googleapis.com/v1/people/me?personFields=");
                details.put("attributes_url_add_attributes", "true");
                details.put("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth");
                details.put("oidc_issuer", "https://accounts.google.com");
                details.put("token_request_method", "POST");
                details.put("token_url", "https://www.googleapis.com/oauth2/v4/token");
            }
            case "Facebook" -> {
                require(given, SOCIAL_KEYS);
                String version = given.getOrDefault("api_version", FACEBOOK_DEFAULT_API_VERSION);
                details.put("api_version", version);
                details.put("attributes_url", "https://graph.facebook.com/" + version + "/me?fields=");
                details.put("attributes_url_add_attributes", "true");
                details.put("authorize_url", "https://www.facebook.com/" + version + "/dialog/oauth");
                details.put("token_request_method", "GET");
                details.put("token_url", "https://graph.facebook.com/" + version + "/oauth/access_token");
            }
            case "LoginWithAmazon" -> {
                require(given, SOCIAL_KEYS);
                details.put("attributes_url", "https://api.amazon.com/user/profile");
                details.put("attributes_url_add_attributes", "false");
                details.put("authorize_url", "https://www.amazon.com/ap/oa");
                details.put("token_request_method", "POST");
                details.put("token_url", "https://api.amazon.com/auth/o2/token");
            }
            case "SignInWithApple" -> {
                require(given, APPLE_KEYS);
                // The private key is write-only: describe responses leave it out.
                details.remove("private_key");
                details.put("attributes_url_add_attributes", "false");
                details.put("authorize_url", "https://appleid.apple.com/auth/authorize");
                details.put("oidc_issuer", "https://appleid.apple.com");
                details.put("token_request_method", "POST");
                details.put("token_url", "https://appleid.apple.com/auth/token");
            }
            case "OIDC" -> {
                require(given, OIDC_KEYS);
                String method = given.get("attributes_request_method");
                if (!method.equals("GET") && !method.equals("POST")) {
                    throw Errors.invalidParameter("attributes_request_method must be GET or POST");
                }
                details.putIfAbsent("attributes_url_add_attributes", "false");
            }
            default -> {
                boolean url = given.containsKey("MetadataURL");
                boolean file = given.containsKey("MetadataFile");
                if (url == file) {
                    throw Errors.invalidParameter("Either MetadataURL or MetadataFile is required, but not both");
                }
            }
        }
        return details;
    }

    /** The attribute mapping Cognito keeps: the one given, with the provider's subject as the username. */
    static Map<String, String> attributeMapping(String providerType, Map<String, String> given) {
        Map<String, String> mapping = new TreeMap<>(given);
        switch (providerType) {
            case "Facebook" -> mapping.putIfAbsent("username", "id");
            case "LoginWithAmazon" -> mapping.putIfAbsent("username", "user_id");
            case "SAML" -> {
                // SAML assertions carry no standard subject attribute to map.
            }
            default -> mapping.putIfAbsent("username", "sub");
        }
        return mapping;
    }

    private static void require(Map<String, String> given, List<String> keys) {
        if (!given.keySet().containsAll(keys)) {
            throw Errors.invalidParameter(joined(keys) + " are all required idp details");
        }
    }

    /** {@code a, b and c}, as Cognito lists the required details. */
    static String joined(List<String> keys) {
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
    }
}
