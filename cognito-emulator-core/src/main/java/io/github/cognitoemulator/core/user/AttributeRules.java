package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Cognito's rules for the attributes written to a user: schema membership, mutability and formats. */
public final class AttributeRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{1,15}");

    private AttributeRules() {}

    /** Reads an {@code AttributeListType} member: a list of {@code {Name, Value}}. */
    public static @Nullable List<Attribute> read(RequestReader in, String member) {
        List<RequestReader> entries = in.structureList(member, 0, Integer.MAX_VALUE);
        if (entries == null) {
            return null;
        }
        List<Attribute> attributes = new ArrayList<>(entries.size());
        for (RequestReader entry : entries) {
            String name = entry.requiredString("Name", Shapes.ATTRIBUTE_NAME);
            String value = entry.string("Value", Shapes.ATTRIBUTE_VALUE);
            attributes.add(new Attribute(name, value));
        }
        return attributes;
    }

    /** The attributes of a new user: its {@code sub} first, then every attribute given a value. */
    public static Map<String, String> initial(String sub, List<Attribute> given) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", sub);
        for (Attribute attribute : given) {
            if (attribute.value() != null && !attribute.value().isEmpty()) {
                attributes.put(attribute.name(), attribute.value());
            }
        }
        return attributes;
    }

    /**
     * The attributes of {@code user} with {@code changes} applied: an empty value removes an attribute, and a new
     * email or phone number is unverified unless the same request says otherwise.
     */
    public static Map<String, String> apply(User user, List<Attribute> changes) {
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        for (Attribute change : changes) {
            String previous = attributes.get(change.name());
            if (change.value() == null || change.value().isEmpty()) {
                attributes.remove(change.name());
            } else {
                attributes.put(change.name(), change.value());
            }
            boolean changed = !Objects.equals(previous, attributes.get(change.name()));
            String verifiedFlag = change.name() + "_verified";
            if (changed
                    && (change.name().equals("email") || change.name().equals("phone_number"))
                    && changes.stream().noneMatch((other) -> other.name().equals(verifiedFlag))) {
                attributes.put(verifiedFlag, "false");
            }
        }
        return attributes;
    }

    /**
     * The attributes of {@code user} without those named: Cognito refuses to delete a required or immutable
     * attribute, and a deleted email address or phone number takes its verification flag with it.
     */
    public static Map<String, String> delete(UserPool pool, User user, List<String> names) {
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        for (String name : names) {
            SchemaAttribute schema = pool.attribute(name).orElse(null);
            if (schema == null) {
                throw Errors.invalidParameter("Attributes did not conform to the schema: " + name
                        + ": Attribute does not exist in the schema.");
            }
            if (schema.required()) {
                throw Errors.invalidParameter(
                        "Invalid user attributes: " + name + ": Required attribute cannot be deleted.");
            }
            if (!schema.mutable()) {
                throw Errors.invalidParameter(
                        "user." + name + ": Attribute cannot be updated. (changing an immutable attribute)");
            }
            attributes.remove(name);
            if (name.equals("email") || name.equals("phone_number")) {
                attributes.remove(name + "_verified");
            }
        }
        return attributes;
    }

    /**
     * Checks attributes an administrator writes to a new or existing user.
     *
     * @param existing the user being updated, or {@code null} for a user being created
     */
    public static void check(UserPool pool, List<Attribute> attributes, @Nullable User existing) {
        for (Attribute attribute : attributes) {
            SchemaAttribute schema = pool.attribute(attribute.name()).orElse(null);
            if (schema == null) {
                throw Errors.invalidParameter("Attributes did not conform to the schema: " + attribute.name()
                        + ": Attribute does not exist in the schema.");
            }
            // Immutable attributes can be written only when the user is created.
            if (schema.name().equals("sub") || (!schema.mutable() && existing != null)) {
                throw Errors.invalidParameter("user." + attribute.name()
                        + ": Attribute cannot be updated. (changing an immutable attribute)");
            }
            String value = attribute.value();
            if (value == null || value.isEmpty()) {
                continue;
            }
            String violation = schemaViolation(schema, value);
            if (violation != null) {
                throw Errors.invalidParameter(
                        "Attributes did not conform to the schema: " + attribute.name() + ": " + violation);
            }
            if (attribute.name().equals("email") && !EMAIL.matcher(value).matches()) {
                throw Errors.invalidParameter("Invalid email address format.");
            }
            if (attribute.name().equals("phone_number")
                    && !PHONE_NUMBER.matcher(value).matches()) {
                throw Errors.invalidParameter("Invalid phone number format.");
            }
        }
    }

    /** What is wrong with {@code value} under the attribute's type and constraints, or {@code null}. */
    private static @Nullable String schemaViolation(SchemaAttribute schema, String value) {
        switch (schema.attributeDataType()) {
            case "Boolean":
                return (value.equals("true") || value.equals("false")) ? null : "Value must be true or false";
            case "Number":
                BigDecimal number;
                try {
                    number = new BigDecimal(value);
                } catch (NumberFormatException ex) {
                    return "Value must be a number";
                }
                Map<String, String> bounds = orEmpty(schema.numberAttributeConstraints());
                if (bounds.containsKey("MinValue") && number.compareTo(new BigDecimal(bounds.get("MinValue"))) < 0) {
                    return "Number must be no less than " + bounds.get("MinValue");
                }
                if (bounds.containsKey("MaxValue") && number.compareTo(new BigDecimal(bounds.get("MaxValue"))) > 0) {
                    return "Number must be no greater than " + bounds.get("MaxValue");
                }
                return null;
            default:
                Map<String, String> lengths = orEmpty(schema.stringAttributeConstraints());
                int length = value.codePointCount(0, value.length());
                if (lengths.containsKey("MinLength") && length < Integer.parseInt(lengths.get("MinLength"))) {
                    return "String must be at least " + lengths.get("MinLength") + " characters long";
                }
                if (lengths.containsKey("MaxLength") && length > Integer.parseInt(lengths.get("MaxLength"))) {
                    return "String must be no longer than " + lengths.get("MaxLength") + " characters";
                }
                return null;
        }
    }

    private static Map<String, String> orEmpty(@Nullable Map<String, String> constraints) {
        return (constraints != null) ? constraints : Map.of();
    }

    /** Whether {@code value} is a well-formed email address. */
    public static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    /** Whether {@code value} is a well-formed phone number, {@code +} and digits. */
    public static boolean isPhoneNumber(String value) {
        return PHONE_NUMBER.matcher(value).matches();
    }

    /**
     * A user attribute in a request; a {@code null} or empty value removes the attribute.
     *
     * @param name the attribute name, with any prefix
     * @param value the value, or {@code null}
     */
    public record Attribute(String name, @Nullable String value) {}
}
