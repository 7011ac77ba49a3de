package io.github.cognitoemulator.core.error;

/**
 * The exceptions Cognito names in the {@code __type} member of an error response, with the HTTP status it sends
 * for each.
 *
 * <p>Cognito answers every client-side error with HTTP 400; only {@link #INTERNAL_ERROR} is a 500. The refusals of
 * AWS's front end that an application's web adapter answers before a request reaches the emulator have their own:
 * {@link #ACCESS_DENIED} (403, a caller the emulator does not serve) and {@link #REQUEST_ENTITY_TOO_LARGE} (413).
 */
public enum ErrorType {
    ACCESS_DENIED("AccessDeniedException", 403),
    ALIAS_EXISTS("AliasExistsException"),
    CODE_MISMATCH("CodeMismatchException"),
    DEVICE_KEY_EXISTS("DeviceKeyExistsException"),
    DUPLICATE_PROVIDER("DuplicateProviderException"),
    ENABLE_SOFTWARE_TOKEN_MFA("EnableSoftwareTokenMFAException"),
    EXPIRED_CODE("ExpiredCodeException"),
    FEATURE_UNAVAILABLE_IN_TIER("FeatureUnavailableInTierException"),
    GROUP_EXISTS("GroupExistsException"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    INTERNAL_ERROR("InternalErrorException", 500),
    INVALID_LAMBDA_RESPONSE("InvalidLambdaResponseException"),
    INVALID_OAUTH_FLOW("InvalidOAuthFlowException"),
    INVALID_PARAMETER("InvalidParameterException"),
    INVALID_PASSWORD("InvalidPasswordException"),
    INVALID_SIGNATURE("InvalidSignatureException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    MANAGED_LOGIN_BRANDING_EXISTS("ManagedLoginBrandingExistsException"),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
    NOT_AUTHORIZED("NotAuthorizedException"),
    PASSWORD_RESET_REQUIRED("PasswordResetRequiredException"),
    PRECONDITION_NOT_MET("PreconditionNotMetException"),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLargeException", 413),
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException"),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException"),
    TERMS_EXISTS("TermsExistsException"),
    TOO_MANY_REQUESTS("TooManyRequestsException"),
    SERIALIZATION("SerializationException"),
    SOFTWARE_TOKEN_MFA_NOT_FOUND("SoftwareTokenMFANotFoundException"),
    UNAUTHORIZED("UnauthorizedException"),
    UNEXPECTED_LAMBDA("UnexpectedLambdaException"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
    UNKNOWN_OPERATION("UnknownOperationException"),
    UNSUPPORTED_OPERATION("UnsupportedOperationException"),
    UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException"),
    UNSUPPORTED_USER_STATE("UnsupportedUserStateException"),
    USER_LAMBDA_VALIDATION("UserLambdaValidationException"),
    USER_NOT_CONFIRMED("UserNotConfirmedException"),
    USER_NOT_FOUND("UserNotFoundException"),
    USER_POOL_ADD_ON_NOT_ENABLED("UserPoolAddOnNotEnabledException"),
    USERNAME_EXISTS("UsernameExistsException"),
    WEB_AUTHN_CHALLENGE_NOT_FOUND("WebAuthnChallengeNotFoundException"),
    WEB_AUTHN_CLIENT_MISMATCH("WebAuthnClientMismatchException"),
    WEB_AUTHN_CONFIGURATION_MISSING("WebAuthnConfigurationMissingException"),
    WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED("WebAuthnCredentialNotSupportedException"),
    WEB_AUTHN_NOT_ENABLED("WebAuthnNotEnabledException"),
    WEB_AUTHN_ORIGIN_NOT_ALLOWED("WebAuthnOriginNotAllowedException"),
    WEB_AUTHN_RELYING_PARTY_MISMATCH("WebAuthnRelyingPartyMismatchException");

    private final String wireName;

    private final int httpStatus;

    ErrorType(String wireName) {
        this(wireName, 400);
    }

    ErrorType(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The exception name as it appears in {@code __type} and {@code x-amzn-ErrorType}. */
    public String wireName() {
        return this.wireName;
    }

    /** The HTTP status Cognito answers with. */
    public int httpStatus() {
        return this.httpStatus;
    }

    /** A new exception of this type carrying Cognito's message. */
    public CognitoException exception(String message) {
        return new CognitoException(this, message);
    }
}
