package io.github.cognitoemulator.core.protocol;

/** String shapes of the Cognito service model that many requests share. */
public final class Shapes {

    /** {@code UserPoolIdType}. */
    public static final StringShape USER_POOL_ID = StringShape.length(1, 55).pattern("[\\w-]+_[0-9a-zA-Z]+");

    /** {@code ClientIdType}. */
    public static final StringShape CLIENT_ID =
            StringShape.length(1, 128).pattern("[\\w+]+").asSensitive();

    /** {@code ClientSecretType}. */
    public static final StringShape CLIENT_SECRET =
            StringShape.length(24, 64).pattern("[\\w+]+").asSensitive();

    /** {@code UsernameType}. */
    public static final StringShape USERNAME = StringShape.length(1, 128)
            .pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")
            .asSensitive();

    /** {@code PasswordType}. */
    public static final StringShape PASSWORD =
            StringShape.length(0, 256).pattern("[\\S]+").asSensitive();

    /** {@code AttributeNameType}. */
    public static final StringShape ATTRIBUTE_NAME =
            StringShape.length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+");

    /** {@code AttributeValueType}. */
    public static final StringShape ATTRIBUTE_VALUE =
            StringShape.length(0, 2048).asSensitive();

    /** {@code TokenModelType}: an access token. */
    public static final StringShape ACCESS_TOKEN =
            StringShape.length(0, Integer.MAX_VALUE).pattern("[A-Za-z0-9-_=.]+").asSensitive();

    /** {@code SessionType}: the session of a challenge. */
    public static final StringShape SESSION = StringShape.length(20, 2048).asSensitive();

    /** {@code PaginationKeyType} and its relatives. */
    public static final StringShape PAGINATION_KEY =
            StringShape.length(1, Integer.MAX_VALUE).pattern("[\\S]+");

    private Shapes() {}
}
