package io.github.cognitoemulator.core.limit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user pool API operation categories whose request rate an account can provision, each with the rate Cognito
 * includes at no cost. The other categories (UserAccountRecovery, UserUpdate, UserList, ...) have fixed rates and no
 * provisioned limit.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations">User
 *     pools API operation categories and request rate quotas</a>
 */
public enum ApiCategory {
    USER_AUTHENTICATION("UserAuthentication", 120, true),
    USER_CREATION("UserCreation", 50, false),
    USER_FEDERATION("UserFederation", 25, true),
    USER_READ("UserRead", 120, false),
    USER_TOKEN("UserToken", 120, false),
    USER_RESOURCE_READ("UserResourceRead", 50, false);

    private final String wireName;

    private final int freeLimit;

    private final boolean servedByManagedLogin;

    ApiCategory(String wireName, int freeLimit, boolean servedByManagedLogin) {
        this.wireName = wireName;
        this.freeLimit = freeLimit;
        this.servedByManagedLogin = servedByManagedLogin;
    }

    /** The value of the {@code Category} attribute that names this category. */
    public String wireName() {
        return this.wireName;
    }

    /** The default request rate, in requests per second, that Cognito includes at no cost. */
    public int freeLimit() {
        return this.freeLimit;
    }

    /**
     * Whether managed login sign-ins count toward this category, so that an account whose pools use managed login
     * raises it through Service Quotas rather than with UpdateProvisionedLimit.
     */
    public boolean servedByManagedLogin() {
        return this.servedByManagedLogin;
    }

    /** The category whose {@code Category} attribute value is {@code wireName}, exactly as Cognito spells it. */
    public static Optional<ApiCategory> named(String wireName) {
        return Arrays.stream(values())
                .filter((category) -> category.wireName.equals(wireName))
                .findFirst();
    }
}
