package io.github.cognitoemulator.core.pool;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of a user pool's schema ({@code SchemaAttributeType}), as DescribeUserPool lists it. Constraint
 * values are strings, as Cognito writes them.
 *
 * @param name the attribute name, with its {@code custom:} or {@code dev:} prefix where it has one
 * @param attributeDataType {@code String}, {@code Number}, {@code DateTime} or {@code Boolean}
 * @param developerOnlyAttribute whether only administrators may read and write it
 * @param mutable whether it may change after the user is created
 * @param required whether sign-up must supply it
 * @param stringAttributeConstraints {@code MinLength} and {@code MaxLength}, for strings
 * @param numberAttributeConstraints {@code MinValue} and {@code MaxValue}, for numbers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaAttribute(
        String name,
        String attributeDataType,
        boolean developerOnlyAttribute,
        boolean mutable,
        boolean required,
        @Nullable Map<String, String> stringAttributeConstraints,
        @Nullable Map<String, String> numberAttributeConstraints) {

    /** The prefix Cognito puts before the name of a custom attribute. */
    public static final String CUSTOM_PREFIX = "custom:";

    /** The twenty standard attributes every pool has, in the order DescribeUserPool lists them. */
    public static final List<SchemaAttribute> STANDARD = List.of(
            string("sub", false, true, "1", "2048"),
            string("name"),
            string("given_name"),
            string("family_name"),
            string("middle_name"),
            string("nickname"),
            string("preferred_username"),
            string("profile"),
            string("picture"),
            string("website"),
            string("email"),
            bool("email_verified"),
            string("gender"),
            string("birthdate", true, false, "10", "10"),
            string("zoneinfo"),
            string("locale"),
            string("phone_number"),
            bool("phone_number_verified"),
            string("address"),
            new SchemaAttribute("updated_at", "Number", false, true, false, null, Map.of("MinValue", "0")));

    /** Whether this is one of the standard attributes rather than a custom one. */
    @JsonIgnore
    public boolean isStandard() {
        return STANDARD.stream().anyMatch((attribute) -> attribute.name.equals(this.name));
    }

    /** This attribute with other mutability and requiredness. */
    SchemaAttribute with(boolean mutable, boolean required) {
        return new SchemaAttribute(
                this.name,
                this.attributeDataType,
                this.developerOnlyAttribute,
                mutable,
                required,
                this.stringAttributeConstraints,
                this.numberAttributeConstraints);
    }

    private static SchemaAttribute string(String name) {
        return string(name, true, false, "0", "2048");
    }

    private static SchemaAttribute string(String name, boolean mutable, boolean required, String min, String max) {
        return new SchemaAttribute(
                name, "String", false, mutable, required, Map.of("MinLength", min, "MaxLength", max), null);
    }

    private static SchemaAttribute bool(String name) {
        return new SchemaAttribute(name, "Boolean", false, true, false, null, null);
    }
}
