package io.github.cognitoemulator.core.fuzz;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * A valid request for each action the emulator serves, built against a {@link FuzzFixture}'s pool, clients, users
 * and tokens: the starting points that mutations break one member at a time, so the fuzz reaches each action's own
 * checks rather than stopping at the first missing member.
 *
 * <p>Requests that change state aim at {@link FuzzFixture#TARGET} or at entities the fuzz itself creates, never at
 * {@link FuzzFixture#READER}. Requests whose handling costs a password check or a token signature, and those after
 * which the sessions must be checked, carry lower weights, so the costly cases stay a minority.
 */
public final class ValidRequests {

    /** An SRP public value {@code A = g^a mod N} for a fixed {@code a}, as a client would send it. */
    public static final String SRP_A = SrpGroup.G
            .modPow(new BigInteger("5f1d3a8be2c94f0786a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef", 16), SrpGroup.N)
            .toString(16);

    /** A device key of the right form that names no device. */
    private static final String DEVICE_KEY = "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    /** A certificate for custom domains. */
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:000000000000:certificate/fuzz";

    /** An id of the UUID form that names no terms document or branding style. */
    private static final String UNKNOWN_ID = "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    /** A job id that names no import job. */
    private static final String UNKNOWN_JOB = "import-NoSuchJob0";

    /** Weight of a request that is cheap to handle, relative to {@link #EXPENSIVE}. */
    static final int CHEAP = 6;

    /**
     * Weight of a request that may end a session: the snapshot after it checks both users' tokens, which costs more
     * than the request.
     */
    static final int SESSION = 4;

    /** Weight of a request whose handling derives a password verifier or signs tokens. */
    static final int EXPENSIVE = 1;

    private static final List<Template> TEMPLATES = List.of(
            cheap(
                    "ConfirmDevice",
                    (f) -> body(
                            "AccessToken",
                            f.target().accessToken(),
                            "DeviceKey",
                            DEVICE_KEY,
                            "DeviceSecretVerifierConfig",
                            Map.of("PasswordVerifier", "AAEC", "Salt", "AAEC"),
                            "DeviceName",
                            "fuzz")),
            cheap("GetDevice", (f) -> body("AccessToken", f.reader().accessToken(), "DeviceKey", DEVICE_KEY)),
            cheap("ListDevices", (f) -> body("AccessToken", f.reader().accessToken(), "Limit", 10)),
            cheap("ForgetDevice", (f) -> body("AccessToken", f.target().accessToken(), "DeviceKey", DEVICE_KEY)),
            cheap(
                    "UpdateDeviceStatus",
                    (f) -> body(
                            "AccessToken",
                            f.target().accessToken(),
                            "DeviceKey",
                            DEVICE_KEY,
                            "DeviceRememberedStatus",
                            "remembered")),
            cheap(
                    "AdminGetDevice",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER, "DeviceKey", DEVICE_KEY)),
            cheap(
                    "AdminListDevices",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER, "Limit", 10)),
            cheap(
                    "AdminForgetDevice",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET, "DeviceKey", DEVICE_KEY)),
            cheap(
                    "AdminUpdateDeviceStatus",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "DeviceKey",
                            DEVICE_KEY,
                            "DeviceRememberedStatus",
                            "not_remembered")),
            cheap(
                    "AdminCreateUser",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "Username", FuzzFixture.CREATED,
                            "UserAttributes", List.of(attribute("email", "created@example.com")),
                            "MessageAction", "SUPPRESS",
                            "DesiredDeliveryMediums", List.of("EMAIL"))),
            cheap(
                    "AdminAddUserToGroup",
                    (f) -> body(
                            "UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET, "GroupName", FuzzFixture.GROUP)),
            cheap(
                    "AdminConfirmSignUp",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "Username", FuzzFixture.SIGNED_UP,
                            "ClientMetadata", Map.of("source", "fuzz"))),
            cheap(
                    "AdminListUserAuthEvents",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER, "MaxResults", 10)),
            cheap(
                    "AdminUpdateAuthEventFeedback",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "EventId",
                            UNKNOWN_ID,
                            "FeedbackValue",
                            "Valid")),
            cheap(
                    "UpdateAuthEventFeedback",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "EventId",
                            UNKNOWN_ID,
                            "FeedbackToken",
                            "fuzz-feedback-token",
                            "FeedbackValue",
                            "Invalid")),
            session("AdminDeleteUser", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.CREATED)),
            cheap(
                    "AdminDeleteUserAttributes",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "Username", FuzzFixture.TARGET,
                            "UserAttributeNames", List.of("given_name"))),
            cheap(
                    "AdminListGroupsForUser",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER, "Limit", 10)),
            cheap(
                    "AdminRemoveUserFromGroup",
                    (f) -> body(
                            "UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET, "GroupName", FuzzFixture.GROUP)),
            cheap(
                    "CreateGroup",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "GroupName",
                            FuzzFixture.CREATED_GROUP,
                            "Description",
                            "Created by the fuzz",
                            "RoleArn",
                            "arn:aws:iam::123456789012:role/fuzz",
                            "Precedence",
                            3)),
            cheap("DeleteGroup", (f) -> body("UserPoolId", f.poolId(), "GroupName", FuzzFixture.CREATED_GROUP)),
            cheap(
                    "DeleteUserAttributes",
                    (f) -> body("AccessToken", f.target().accessToken(), "UserAttributeNames", List.of("given_name"))),
            cheap("GetGroup", (f) -> body("UserPoolId", f.poolId(), "GroupName", FuzzFixture.GROUP)),
            cheap("ListGroups", (f) -> body("UserPoolId", f.poolId(), "Limit", 10)),
            cheap(
                    "ListUsersInGroup",
                    (f) -> body("UserPoolId", f.poolId(), "GroupName", FuzzFixture.GROUP, "Limit", 10)),
            cheap(
                    "UpdateGroup",
                    (f) -> body("UserPoolId", f.poolId(), "GroupName", FuzzFixture.CREATED_GROUP, "Precedence", 2)),
            session("AdminDisableUser", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET)),
            session("AdminEnableUser", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET)),
            cheap("AdminGetUser", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER)),
            expensive(
                    "AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.publicClientId(),
                            "AuthFlow", "ADMIN_USER_PASSWORD_AUTH",
                            "AuthParameters", Map.of("USERNAME", FuzzFixture.READER, "PASSWORD", FuzzFixture.PASSWORD),
                            "ClientMetadata", Map.of("source", "fuzz"))),
            expensive(
                    "AdminInitiateAuth REFRESH_TOKEN_AUTH",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.publicClientId(),
                            "AuthFlow", "REFRESH_TOKEN_AUTH",
                            "AuthParameters", Map.of("REFRESH_TOKEN", f.reader().refreshToken()))),
            cheap(
                    "AdminRespondToAuthChallenge",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.publicClientId(),
                            "ChallengeName", "NEW_PASSWORD_REQUIRED",
                            "Session", f.pendingSession(),
                            // Too weak to be accepted: the challenge stays open for the next case.
                            "ChallengeResponses", Map.of("USERNAME", FuzzFixture.PENDING, "NEW_PASSWORD", "weak"))),
            session("AdminResetUserPassword", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET)),
            expensive(
                    "AdminSetUserPassword",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "Password",
                            FuzzFixture.PASSWORD,
                            "Permanent",
                            true)),
            cheap(
                    "AdminUpdateUserAttributes",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "Username", FuzzFixture.TARGET,
                            "UserAttributes", List.of(attribute("given_name", "Target")))),
            session("AdminUserGlobalSignOut", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET)),
            expensive(
                    "ChangePassword",
                    (f) -> body(
                            "PreviousPassword", FuzzFixture.PASSWORD,
                            "ProposedPassword", FuzzFixture.PASSWORD,
                            "AccessToken", f.target().accessToken())),
            session(
                    "ConfirmForgotPassword",
                    (f) -> body(
                            "ClientId",
                            f.publicClientId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "ConfirmationCode",
                            "123456",
                            "Password",
                            FuzzFixture.PASSWORD)),
            cheap(
                    "ConfirmSignUp",
                    (f) -> body(
                            "ClientId",
                            f.publicClientId(),
                            "Username",
                            FuzzFixture.SIGNED_UP,
                            "ConfirmationCode",
                            "123456",
                            "ForceAliasCreation",
                            false)),
            cheap(
                    "CreateUserPool",
                    (f) -> body(
                            "PoolName", "extra",
                            "Policies",
                                    Map.of(
                                            "PasswordPolicy", Map.of("MinimumLength", 8, "RequireSymbols", false),
                                            "SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD"))),
                            "AutoVerifiedAttributes", List.of("email"),
                            "Schema", List.of(Map.of("Name", "tier", "AttributeDataType", "String", "Mutable", true)),
                            "UserPoolTags", Map.of("env", "fuzz"),
                            "MfaConfiguration", "OFF",
                            // Structures the emulator keeps as they came and answers back.
                            "UserPoolAddOns", Map.of("AdvancedSecurityMode", "OFF"),
                            "AccountRecoverySetting",
                                    Map.of(
                                            "RecoveryMechanisms",
                                            List.of(Map.of("Name", "verified_email", "Priority", 1))))),
            cheap(
                    "CreateUserPoolClient",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientName", "extra",
                            "ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                            "RefreshTokenValidity", 30,
                            "AccessTokenValidity", 60,
                            "TokenValidityUnits", Map.of("AccessToken", "minutes", "RefreshToken", "days"),
                            "CallbackURLs", List.of("https://example.com/callback"),
                            "AllowedOAuthFlows", List.of("code"),
                            "AllowedOAuthScopes", List.of("openid"),
                            "AllowedOAuthFlowsUserPoolClient", true,
                            "ReadAttributes", List.of("email"),
                            "PreventUserExistenceErrors", "ENABLED",
                            "RefreshTokenRotation", Map.of("Feature", "DISABLED"),
                            "AnalyticsConfiguration", Map.of("ApplicationId", "fuzz", "UserDataShared", false))),
            cheap(
                    "AddCustomAttributes",
                    (f) -> body(
                            "UserPoolId", f.extraPoolId(),
                            "CustomAttributes",
                                    List.of(Map.of("Name", "added", "AttributeDataType", "String", "Mutable", true)))),
            cheap(
                    "CreateUserPoolReplica",
                    (f) -> body(
                            "UserPoolId",
                            f.extraPoolId(),
                            "RegionName",
                            "eu-west-1",
                            "UserPoolTags",
                            Map.of("a", "b"))),
            cheap("DeleteUserPoolReplica", (f) -> body("UserPoolId", f.extraPoolId(), "RegionName", "eu-west-1")),
            cheap(
                    "UpdateUserPoolClient",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.secretClientId(),
                            "ClientName", "secret",
                            "ExplicitAuthFlows",
                                    List.of(
                                            "ALLOW_USER_SRP_AUTH",
                                            "ALLOW_USER_PASSWORD_AUTH",
                                            "ALLOW_ADMIN_USER_PASSWORD_AUTH",
                                            "ALLOW_REFRESH_TOKEN_AUTH"),
                            "CallbackURLs", List.of("https://example.com/callback"),
                            "DefaultRedirectURI", "https://example.com/callback",
                            "AllowedOAuthFlows", List.of("code"),
                            "AllowedOAuthScopes", List.of("openid", "fuzz/read"),
                            "AllowedOAuthFlowsUserPoolClient", true,
                            "SupportedIdentityProviders", List.of("COGNITO", "Google"),
                            "ReadAttributes", List.of("email"))),
            cheap(
                    "AdminLinkProviderForUser",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "DestinationUser",
                                    Map.of("ProviderName", "Cognito", "ProviderAttributeValue", FuzzFixture.TARGET),
                            "SourceUser",
                                    Map.of(
                                            "ProviderName", "Google",
                                            "ProviderAttributeName", "Cognito_Subject",
                                            "ProviderAttributeValue", "1234567890"))),
            cheap(
                    "AdminDisableProviderForUser",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "User",
                                    Map.of(
                                            "ProviderName", "Google",
                                            "ProviderAttributeName", "Cognito_Subject",
                                            "ProviderAttributeValue", "1234567890"))),
            cheap("AddUserPoolClientSecret", (f) -> body("UserPoolId", f.poolId(), "ClientId", f.secretClientId())),
            cheap("ListUserPoolClientSecrets", (f) -> body("UserPoolId", f.poolId(), "ClientId", f.secretClientId())),
            cheap(
                    "DeleteUserPoolClientSecret",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.secretClientId(),
                            "ClientSecretId", f.secretClientId() + "--1")),
            cheap(
                    "CreateResourceServer",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Identifier",
                            "fuzz",
                            "Name",
                            "Fuzz",
                            "Scopes",
                            List.of(Map.of("ScopeName", "read", "ScopeDescription", "Reads")))),
            cheap("DescribeResourceServer", (f) -> body("UserPoolId", f.poolId(), "Identifier", "fuzz")),
            cheap("ListResourceServers", (f) -> body("UserPoolId", f.poolId(), "MaxResults", 10)),
            cheap(
                    "UpdateResourceServer",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Identifier",
                            "fuzz",
                            "Name",
                            "Fuzz",
                            "Scopes",
                            List.of(Map.of("ScopeName", "read", "ScopeDescription", "Reads more")))),
            cheap("DeleteResourceServer", (f) -> body("UserPoolId", f.poolId(), "Identifier", "fuzz-extra")),
            cheap(
                    "CreateIdentityProvider",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ProviderName", "Google",
                            "ProviderType", "Google",
                            "ProviderDetails",
                                    Map.of(
                                            "client_id", "fuzz",
                                            "client_secret", "fuzz-secret",
                                            "authorize_scopes", "openid email"),
                            "AttributeMapping", Map.of("email", "email"),
                            "IdpIdentifiers", List.of("gmail.com"))),
            cheap("DescribeIdentityProvider", (f) -> body("UserPoolId", f.poolId(), "ProviderName", "Google")),
            cheap(
                    "UpdateIdentityProvider",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ProviderName", "Google",
                            "AttributeMapping", Map.of("email", "email", "name", "name"))),
            cheap("DeleteIdentityProvider", (f) -> body("UserPoolId", f.poolId(), "ProviderName", "Okta")),
            cheap("ListIdentityProviders", (f) -> body("UserPoolId", f.poolId(), "MaxResults", 10)),
            cheap(
                    "GetIdentityProviderByIdentifier",
                    (f) -> body("UserPoolId", f.poolId(), "IdpIdentifier", "gmail.com")),
            session("DeleteUser", (f) -> body("AccessToken", f.target().accessToken())),
            session("DeleteUserPool", (f) -> body("UserPoolId", f.extraPoolId())),
            session("DeleteUserPoolClient", (f) -> body("UserPoolId", f.poolId(), "ClientId", f.extraClientId())),
            cheap("DescribeRiskConfiguration", (f) -> body("UserPoolId", f.poolId(), "ClientId", f.secretClientId())),
            cheap("DescribeUserPool", (f) -> body("UserPoolId", f.poolId())),
            cheap("DescribeUserPoolClient", (f) -> body("UserPoolId", f.poolId(), "ClientId", f.secretClientId())),
            cheap(
                    "ForgotPassword",
                    (f) -> body(
                            "ClientId", f.secretClientId(),
                            "SecretHash",
                                    SignInFixture.secretHash(f.clientSecret(), FuzzFixture.TARGET, f.secretClientId()),
                            "Username", FuzzFixture.TARGET)),
            cheap("GetLogDeliveryConfiguration", (f) -> body("UserPoolId", f.poolId())),
            cheap(
                    "GetProvisionedLimit",
                    (f) -> body(
                            "LimitDefinition",
                            Map.of("LimitClass", "API_CATEGORY", "Attributes", Map.of("Category", "UserCreation")))),
            expensive("GetSigningCertificate", (f) -> body("UserPoolId", f.poolId())),
            expensive(
                    "GetTokensFromRefreshToken",
                    (f) -> body("RefreshToken", f.reader().refreshToken(), "ClientId", f.publicClientId())),
            cheap("GetUserPoolMfaConfig", (f) -> body("UserPoolId", f.poolId())),
            cheap("GetUser", (f) -> body("AccessToken", f.reader().accessToken())),
            cheap("GetUserAuthFactors", (f) -> body("AccessToken", f.reader().accessToken())),
            cheap("AdminGetUserAuthFactors", (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.READER)),
            cheap(
                    "StartWebAuthnRegistration",
                    (f) -> body("AccessToken", f.target().accessToken())),
            cheap(
                    "CompleteWebAuthnRegistration",
                    (f) -> body(
                            "AccessToken",
                            f.target().accessToken(),
                            "Credential",
                            Map.of("id", "AAAA", "rawId", "AAAA", "type", "public-key", "response", Map.of()))),
            cheap(
                    "ListWebAuthnCredentials",
                    (f) -> body("AccessToken", f.reader().accessToken(), "MaxResults", 10)),
            cheap(
                    "DeleteWebAuthnCredential",
                    (f) -> body("AccessToken", f.target().accessToken(), "CredentialId", "AAAA")),
            expensive(
                    "InitiateAuth USER_AUTH",
                    (f) -> body(
                            "ClientId", f.publicClientId(),
                            "AuthFlow", "USER_AUTH",
                            "AuthParameters", Map.of("USERNAME", FuzzFixture.READER))),
            cheap(
                    "AssociateSoftwareToken",
                    (f) -> body("AccessToken", f.target().accessToken())),
            cheap(
                    "VerifySoftwareToken",
                    (f) -> body(
                            "AccessToken", f.target().accessToken(),
                            "UserCode", "123456",
                            "FriendlyDeviceName", "phone")),
            cheap(
                    "SetUserMFAPreference",
                    (f) -> body(
                            "AccessToken",
                            f.target().accessToken(),
                            "SoftwareTokenMfaSettings",
                            Map.of("Enabled", false, "PreferredMfa", false))),
            cheap(
                    "AdminSetUserMFAPreference",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Username",
                            FuzzFixture.TARGET,
                            "SMSMfaSettings",
                            Map.of("Enabled", false, "PreferredMfa", false))),
            cheap("SetUserSettings", (f) -> body("AccessToken", f.target().accessToken(), "MFAOptions", List.of())),
            cheap(
                    "AdminSetUserSettings",
                    (f) -> body("UserPoolId", f.poolId(), "Username", FuzzFixture.TARGET, "MFAOptions", List.of())),
            cheap(
                    "GetUserAttributeVerificationCode",
                    (f) -> body("AccessToken", f.target().accessToken(), "AttributeName", "email")),
            session("GlobalSignOut", (f) -> body("AccessToken", f.target().accessToken())),
            expensive(
                    "InitiateAuth USER_PASSWORD_AUTH",
                    (f) -> body(
                            "AuthFlow", "USER_PASSWORD_AUTH",
                            "ClientId", f.publicClientId(),
                            "AuthParameters",
                                    Map.of("USERNAME", FuzzFixture.READER, "PASSWORD", FuzzFixture.PASSWORD))),
            expensive(
                    "InitiateAuth USER_SRP_AUTH",
                    (f) -> body(
                            "AuthFlow", "USER_SRP_AUTH",
                            "ClientId", f.publicClientId(),
                            "AuthParameters", Map.of("USERNAME", FuzzFixture.READER, "SRP_A", SRP_A))),
            expensive(
                    "InitiateAuth REFRESH_TOKEN_AUTH",
                    (f) -> body(
                            "AuthFlow", "REFRESH_TOKEN_AUTH",
                            "ClientId", f.publicClientId(),
                            "AuthParameters", Map.of("REFRESH_TOKEN", f.reader().refreshToken()))),
            expensive(
                    "InitiateAuth USER_PASSWORD_AUTH with SECRET_HASH",
                    (f) -> body(
                            "AuthFlow", "USER_PASSWORD_AUTH",
                            "ClientId", f.secretClientId(),
                            "AuthParameters",
                                    Map.of(
                                            "USERNAME",
                                            FuzzFixture.READER,
                                            "PASSWORD",
                                            FuzzFixture.PASSWORD,
                                            "SECRET_HASH",
                                            SignInFixture.secretHash(
                                                    f.clientSecret(), FuzzFixture.READER, f.secretClientId())))),
            cheap(
                    "ListTagsForResource",
                    (f) -> body("ResourceArn", "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + f.poolId())),
            cheap("ListUserPoolReplicas", (f) -> body("UserPoolId", f.poolId())),
            cheap("ListUserPoolClients", (f) -> body("UserPoolId", f.poolId(), "MaxResults", 10)),
            cheap("ListUserPools", (f) -> body("MaxResults", 10)),
            cheap(
                    "ListUsers",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Limit",
                            10,
                            "Filter",
                            "username = \"" + FuzzFixture.READER + "\"",
                            "AttributesToGet",
                            List.of("email"))),
            cheap(
                    "ResendConfirmationCode",
                    (f) -> body("ClientId", f.publicClientId(), "Username", FuzzFixture.SIGNED_UP)),
            cheap(
                    "RespondToAuthChallenge NEW_PASSWORD_REQUIRED",
                    (f) -> body(
                            "ClientId", f.publicClientId(),
                            "ChallengeName", "NEW_PASSWORD_REQUIRED",
                            "Session", f.pendingSession(),
                            "ChallengeResponses", Map.of("USERNAME", FuzzFixture.PENDING, "NEW_PASSWORD", "weak"))),
            cheap(
                    "RespondToAuthChallenge PASSWORD_VERIFIER",
                    (f) -> body(
                            "ClientId", f.publicClientId(),
                            "ChallengeName", "PASSWORD_VERIFIER",
                            "ChallengeResponses",
                                    Map.of(
                                            "USERNAME",
                                            FuzzFixture.READER,
                                            "PASSWORD_CLAIM_SECRET_BLOCK",
                                            f.srpSecretBlock(),
                                            "TIMESTAMP",
                                            "Tue Mar 5 09:07:02 UTC 2024",
                                            "PASSWORD_CLAIM_SIGNATURE",
                                            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))),
            cheap(
                    "SetLogDeliveryConfiguration",
                    (f) -> body(
                            "UserPoolId", f.extraPoolId(),
                            "LogConfigurations",
                                    List.of(Map.of(
                                            "LogLevel", "ERROR",
                                            "EventSource", "userNotification",
                                            "CloudWatchLogsConfiguration",
                                                    Map.of(
                                                            "LogGroupArn",
                                                            "arn:aws:logs:us-east-1:000000000000:log-group:fuzz"))))),
            cheap(
                    "SetRiskConfiguration",
                    (f) -> body(
                            "UserPoolId", f.extraPoolId(),
                            "CompromisedCredentialsRiskConfiguration",
                                    Map.of("Actions", Map.of("EventAction", "BLOCK")),
                            "RiskExceptionConfiguration", Map.of("SkippedIPRangeList", List.of("10.0.0.0/8")))),
            cheap(
                    "SetUserPoolMfaConfig",
                    (f) -> body(
                            "UserPoolId", f.extraPoolId(),
                            "MfaConfiguration", "OPTIONAL",
                            "SoftwareTokenMfaConfiguration", Map.of("Enabled", true),
                            "WebAuthnConfiguration",
                                    Map.of("RelyingPartyId", "example.com", "UserVerification", "preferred"))),
            session("RevokeToken", (f) -> body("Token", f.target().refreshToken(), "ClientId", f.publicClientId())),
            cheap(
                    "TagResource",
                    (f) -> body(
                            "ResourceArn",
                            "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + f.extraPoolId(),
                            "Tags",
                            Map.of("team", "fuzz"))),
            cheap(
                    "UntagResource",
                    (f) -> body(
                            "ResourceArn",
                            "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + f.extraPoolId(),
                            "TagKeys",
                            List.of("env"))),
            expensive(
                    "SignUp",
                    (f) -> body(
                            "ClientId", f.publicClientId(),
                            "Username", FuzzFixture.SIGNED_UP,
                            "Password", FuzzFixture.PASSWORD,
                            "UserAttributes", List.of(attribute("email", "signed-up@example.com")),
                            "ValidationData", List.of(attribute("origin", "fuzz")),
                            "AnalyticsMetadata", Map.of("AnalyticsEndpointId", "fuzz"))),
            cheap(
                    "UpdateUserPool",
                    (f) -> body(
                            "UserPoolId", f.extraPoolId(),
                            "PoolName", "updated",
                            "Policies", Map.of("PasswordPolicy", Map.of("MinimumLength", 10, "RequireSymbols", false)),
                            "AutoVerifiedAttributes", List.of("email"),
                            "UserPoolTags", Map.of("env", "fuzz"),
                            "MfaConfiguration", "OFF",
                            "DeletionProtection", "INACTIVE",
                            "AccountRecoverySetting",
                                    Map.of(
                                            "RecoveryMechanisms",
                                            List.of(Map.of("Name", "verified_email", "Priority", 1))))),
            cheap(
                    "UpdateProvisionedLimit",
                    (f) -> body(
                            "LimitDefinition",
                            Map.of("LimitClass", "API_CATEGORY", "Attributes", Map.of("Category", "UserCreation")),
                            "RequestedLimitValue",
                            50)),
            cheap(
                    "UpdateUserPoolReplica",
                    (f) -> body("UserPoolId", f.extraPoolId(), "RegionName", "eu-west-1", "Status", "INACTIVE")),
            cheap(
                    "UpdateUserAttributes",
                    (f) -> body(
                            "AccessToken", f.target().accessToken(),
                            "UserAttributes", List.of(attribute("given_name", "Target")))),
            cheap("CreateUserPoolDomain", (f) -> body("UserPoolId", f.poolId(), "Domain", "fuzz-domain")),
            cheap(
                    "CreateUserPoolDomain custom",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "Domain",
                            "auth.example.com",
                            "ManagedLoginVersion",
                            2,
                            "CustomDomainConfig",
                            Map.of("CertificateArn", CERTIFICATE))),
            cheap("DescribeUserPoolDomain", (f) -> body("Domain", "fuzz-domain")),
            cheap(
                    "UpdateUserPoolDomain",
                    (f) -> body("UserPoolId", f.poolId(), "Domain", "fuzz-domain", "ManagedLoginVersion", 1)),
            cheap("DeleteUserPoolDomain", (f) -> body("UserPoolId", f.poolId(), "Domain", "fuzz-domain")),
            cheap("DeleteUserPoolDomain custom", (f) -> body("UserPoolId", f.poolId(), "Domain", "auth.example.com")),
            cheap(
                    "CreateManagedLoginBranding",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "ClientId", f.publicClientId(),
                            "Settings", Map.of("components", Map.of("form", Map.of("borderRadius", 8))),
                            "Assets",
                                    List.of(Map.of(
                                            "Category", "FAVICON_ICO",
                                            "ColorMode", "LIGHT",
                                            "Extension", "ICO",
                                            "Bytes", "AAAA")))),
            cheap(
                    "DescribeManagedLoginBranding",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "ManagedLoginBrandingId",
                            UNKNOWN_ID,
                            "ReturnMergedResources",
                            true)),
            cheap(
                    "DescribeManagedLoginBrandingByClient",
                    (f) -> body(
                            "UserPoolId", f.poolId(), "ClientId", f.publicClientId(), "ReturnMergedResources", false)),
            cheap(
                    "UpdateManagedLoginBranding",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "ManagedLoginBrandingId",
                            UNKNOWN_ID,
                            "UseCognitoProvidedValues",
                            true)),
            cheap(
                    "DeleteManagedLoginBranding",
                    (f) -> body("UserPoolId", f.poolId(), "ManagedLoginBrandingId", UNKNOWN_ID)),
            cheap(
                    "SetUICustomization",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "ClientId",
                            f.publicClientId(),
                            "CSS",
                            ".label-customizable {font-weight: 400;}",
                            "ImageFile",
                            "iVBORw0KGgo=")),
            cheap("GetUICustomization", (f) -> body("UserPoolId", f.poolId(), "ClientId", "ALL")),
            cheap(
                    "CreateTerms",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "ClientId",
                            f.publicClientId(),
                            "TermsName",
                            "terms-of-use",
                            "TermsSource",
                            "LINK",
                            "Enforcement",
                            "NONE",
                            "Links",
                            Map.of("cognito:default", "https://example.com/terms"))),
            cheap("DescribeTerms", (f) -> body("UserPoolId", f.poolId(), "TermsId", UNKNOWN_ID)),
            cheap(
                    "UpdateTerms",
                    (f) -> body(
                            "UserPoolId",
                            f.poolId(),
                            "TermsId",
                            UNKNOWN_ID,
                            "TermsName",
                            "privacy-policy",
                            "Links",
                            Map.of("cognito:french", "https://example.com/fr"))),
            cheap("DeleteTerms", (f) -> body("UserPoolId", f.poolId(), "TermsId", UNKNOWN_ID)),
            cheap("ListTerms", (f) -> body("UserPoolId", f.poolId(), "MaxResults", 10)),
            cheap("GetCSVHeader", (f) -> body("UserPoolId", f.poolId())),
            cheap(
                    "CreateUserImportJob",
                    (f) -> body(
                            "UserPoolId", f.poolId(),
                            "JobName", "fuzz",
                            "CloudWatchLogsRoleArn", "arn:aws:iam::000000000000:role/CognitoImport")),
            cheap("DescribeUserImportJob", (f) -> body("UserPoolId", f.poolId(), "JobId", UNKNOWN_JOB)),
            cheap("StartUserImportJob", (f) -> body("UserPoolId", f.poolId(), "JobId", UNKNOWN_JOB)),
            cheap("StopUserImportJob", (f) -> body("UserPoolId", f.poolId(), "JobId", UNKNOWN_JOB)),
            cheap("ListUserImportJobs", (f) -> body("UserPoolId", f.poolId(), "MaxResults", 10)),
            cheap(
                    "VerifyUserAttribute",
                    (f) -> body("AccessToken", f.target().accessToken(), "AttributeName", "email", "Code", "123456")));

    private ValidRequests() {}

    /** A template, picked by weight. */
    public static Arbitrary<Template> weighted() {
        List<Tuple.Tuple2<Integer, Template>> weighted = TEMPLATES.stream()
                .map((template) -> Tuple.of(template.weight(), template))
                .toList();
        return Arbitraries.frequency(weighted);
    }

    /** The actions that have a template. */
    public static Set<String> actions() {
        Set<String> actions = new TreeSet<>();
        TEMPLATES.forEach((template) -> actions.add(template.action()));
        return Collections.unmodifiableSet(actions);
    }

    /** A cheap template; {@code label} is the action name, followed by the variant when an action has several. */
    private static Template cheap(String label, Function<FuzzFixture, Map<String, Object>> body) {
        return new Template(label, CHEAP, body);
    }

    private static Template session(String label, Function<FuzzFixture, Map<String, Object>> body) {
        return new Template(label, SESSION, body);
    }

    private static Template expensive(String label, Function<FuzzFixture, Map<String, Object>> body) {
        return new Template(label, EXPENSIVE, body);
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private static Map<String, String> attribute(String name, String value) {
        return Map.of("Name", name, "Value", value);
    }

    /** The actions among {@code served} that no template covers, so that only random bodies would reach them. */
    public static List<String> uncovered(Set<String> served) {
        List<String> uncovered = new ArrayList<>(served);
        uncovered.removeAll(actions());
        return uncovered;
    }

    /**
     * A valid request of one action.
     *
     * @param label the action name, followed by the variant when an action has several
     * @param weight how often the fuzz picks it, relative to the other templates
     * @param body the request body for a fixture
     */
    public record Template(String label, int weight, Function<FuzzFixture, Map<String, Object>> body) {

        /** The action name. */
        public String action() {
            int space = this.label.indexOf(' ');
            return (space < 0) ? this.label : this.label.substring(0, space);
        }

        @Override
        public String toString() {
            return this.label;
        }
    }
}
