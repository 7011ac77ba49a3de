package io.github.cognitoemulator.core.fuzz;

import io.github.cognitoemulator.core.password.SrpGroup;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What the fuzz sends: JSON values of every type and of hostile sizes, malformed JSON, whole request bodies, and
 * {@code X-Amz-Target} values. Values may name the fixture's ids and tokens through markers that
 * {@link #resolve(byte[], List)} fills in when the case runs, because the fixture can start over between cases.
 */
public final class FuzzValues {

    /** Members of Cognito requests, so random bodies often name a member an action reads. */
    public static final List<String> MEMBER_NAMES = List.of(
            "AccessToken",
            "AccountRecoverySetting",
            "AdminCreateUserConfig",
            "AnalyticsConfiguration",
            "DeviceConfiguration",
            "EmailConfiguration",
            "LambdaConfig",
            "RefreshTokenRotation",
            "SmsConfiguration",
            "UserAttributeUpdateSettings",
            "UserPoolAddOns",
            "VerificationMessageTemplate",
            "AccessTokenValidity",
            "AliasAttributes",
            "AllowedOAuthFlows",
            "AllowedOAuthFlowsUserPoolClient",
            "AllowedOAuthScopes",
            "AnalyticsMetadata",
            "AttributeName",
            "AttributesToGet",
            "AuthFlow",
            "AuthParameters",
            "AuthSessionValidity",
            "AutoVerifiedAttributes",
            "CallbackURLs",
            "ChallengeName",
            "ChallengeResponses",
            "ClientId",
            "ClientMetadata",
            "ClientName",
            "ClientSecret",
            "Code",
            "ConfirmationCode",
            "ContextData",
            "DefaultRedirectURI",
            "DeletionProtection",
            "DesiredDeliveryMediums",
            "DeviceKey",
            "EmailVerificationMessage",
            "EmailVerificationSubject",
            "EnableTokenRevocation",
            "ExplicitAuthFlows",
            "Filter",
            "ForceAliasCreation",
            "GenerateSecret",
            "IdTokenValidity",
            "Limit",
            "LogoutURLs",
            "MaxResults",
            "MessageAction",
            "MfaConfiguration",
            "NextToken",
            "PaginationToken",
            "Password",
            "Permanent",
            "Policies",
            "PoolName",
            "PreventUserExistenceErrors",
            "PreviousPassword",
            "ProposedPassword",
            "ReadAttributes",
            "RefreshToken",
            "RefreshTokenValidity",
            "Schema",
            "SecretHash",
            "Session",
            "SmsAuthenticationMessage",
            "SmsVerificationMessage",
            "TemporaryPassword",
            "Token",
            "TokenValidityUnits",
            "UserAttributes",
            "UserContextData",
            "UserPoolId",
            "UserPoolTags",
            "UserPoolTier",
            "Username",
            "UsernameAttributes",
            "UsernameConfiguration",
            "ValidationData",
            "WriteAttributes");

    /** Names inside maps and structures: auth parameters, challenge responses, attributes, token units. */
    static final List<String> INNER_NAMES = List.of(
            "USERNAME",
            "PASSWORD",
            "SRP_A",
            "SECRET_HASH",
            "REFRESH_TOKEN",
            "NEW_PASSWORD",
            "DEVICE_KEY",
            "PASSWORD_CLAIM_SECRET_BLOCK",
            "PASSWORD_CLAIM_SIGNATURE",
            "TIMESTAMP",
            "Name",
            "Value",
            "AttributeDataType",
            "Mutable",
            "Required",
            "PasswordPolicy",
            "MinimumLength",
            "AccessToken",
            "IdToken",
            "RefreshToken",
            "SignInPolicy",
            "email",
            "userAttributes.email");

    private static final String MARKER = "@@fixture:";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final int HUGE = 70_000;

    // Built once: each is tens of kilobytes to megabytes long.

    private static final List<Fragment> HUGE_STRINGS = hugeStringFragments();

    private static final List<Fragment> DEEP_NESTING = deepNestingFragments();

    private static final List<Fragment> LARGE_CONTAINERS = List.of(
            Fragment.of("array of 10000 strings", "[" + "\"x\",".repeat(9999) + "\"x\"]"),
            Fragment.of("array of 10000 objects", "[" + "{},".repeat(9999) + "{}]"),
            Fragment.of(
                    "10000 attributes",
                    "[" + "{\"Name\":\"given_name\",\"Value\":\"x\"},".repeat(9999)
                            + "{\"Name\":\"given_name\",\"Value\":\"x\"}]"),
            Fragment.of("map of 10000 entries", "{" + numberedMembers(10000) + "}"));

    private static final List<Fragment> SPECIAL_BODIES = specialBodyFragments();

    private static final List<String> SPECIAL_STRINGS = specialStringValues();

    private FuzzValues() {}

    /**
     * One of {@code values}, shrinking towards the first. Unlike {@code Arbitraries.of}, the arbitrary hashes and
     * compares without touching the values: jqwik looks generators up by arbitrary on every generation (hashing
     * what a mapping lambda captures, too), and hashing a list of long strings each time costs more than the rest of
     * the case.
     */
    static <T> Arbitrary<T> choose(List<T> values) {
        Choices<T> choices = new Choices<>(List.copyOf(values));
        return Arbitraries.integers().between(0, values.size() - 1).map(choices::get);
    }

    /** Values behind an identity, so that hashing a lambda that captures them is cheap. */
    private static final class Choices<T> {

        private final List<T> values;

        Choices(List<T> values) {
            this.values = values;
        }

        T get(int index) {
            return this.values.get(index);
        }
    }

    /** A JSON string naming the fixture's {@code index}-th value, filled in by {@link #resolve(byte[], List)}. */
    static Fragment fixtureValue(int index) {
        return Fragment.of("fixture value " + index, "\"" + MARKER + index + "@@\"");
    }

    /** Fills the fixture's current values into the markers of {@code body}. */
    public static byte[] resolve(byte[] body, List<String> fixtureValues) {
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, marker, 0);
        if (at < 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4096);
        int from = 0;
        while (at >= 0) {
            int digits = at + marker.length;
            int end = digits;
            while (end < body.length && end < digits + 6 && body[end] >= '0' && body[end] <= '9') {
                end++;
            }
            if (end == digits || end + 1 >= body.length || body[end] != '@' || body[end + 1] != '@') {
                // A marker that truncation or a flipped byte broke is sent as it is.
                at = indexOf(body, marker, at + 1);
                continue;
            }
            int index = Integer.parseInt(new String(body, digits, end - digits, StandardCharsets.US_ASCII));
            out.write(body, from, at - from);
            out.writeBytes(fixtureValues.get(index % fixtureValues.size()).getBytes(StandardCharsets.UTF_8));
            from = end + 2;
            at = indexOf(body, marker, from);
        }
        out.write(body, from, body.length - from);
        return out.toByteArray();
    }

    /** Any JSON value, or something that only looks like one. */
    public static Arbitrary<Fragment> values() {
        // Values of megabytes stay a few percent of the cases: they find little that a few thousand do not, and
        // each costs as much as a hundred small ones.
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(24, leaves()),
                Tuple.of(8, containers()),
                Tuple.of(1, deepNesting()),
                Tuple.of(6, malformed()),
                Tuple.of(8, Arbitraries.integers().between(0, 40).map(FuzzValues::fixtureValue))));
    }

    /** Scalars: literals, numbers and strings of every kind. */
    static Arbitrary<Fragment> leaves() {
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(4, literals()),
                Tuple.of(6, numbers()),
                Tuple.of(16, strings().map(FuzzValues::string)),
                Tuple.of(4, strings().map(FuzzValues::rawString)),
                Tuple.of(1, hugeStrings())));
    }

    /** {@code null}, booleans and numbers at the edges of every numeric type. */
    static Arbitrary<Fragment> literals() {
        return IdentityArbitrary.of(choose(List.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-0",
                        "1",
                        "-1",
                        "2147483647",
                        "2147483648",
                        "-2147483648",
                        "-2147483649",
                        "9223372036854775807",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "18446744073709551616",
                        "1.5",
                        "-0.0",
                        "1e2",
                        "1E+2",
                        "1e-7",
                        "1e308",
                        "1e309",
                        "-1e309",
                        "4.9e-324",
                        "1e-400",
                        "0.1e-400",
                        "123456789012345678901234567890.5",
                        "60",
                        "61",
                        "315360001"))
                .map((text) -> Fragment.of("literal " + text, text)));
    }

    static Arbitrary<Fragment> numbers() {
        return IdentityArbitrary.of(Arbitraries.oneOf(
                Arbitraries.integers().map((n) -> Fragment.of("int", Integer.toString(n))),
                Arbitraries.longs().map((n) -> Fragment.of("long", Long.toString(n))),
                Arbitraries.doubles().filter(Double::isFinite).map((n) -> Fragment.of("double", Double.toString(n))),
                Arbitraries.integers().between(300, 5000).map((n) -> Fragment.of(n + " digits", "9".repeat(n))),
                Arbitraries.integers().between(300, 2000).map((n) -> Fragment.of("1e" + n * 1000, "1e" + n * 1000))));
    }

    /** Strings of every kind: empty, hostile characters, lengths around Cognito's limits, enum-like words. */
    public static Arbitrary<String> strings() {
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withChars("aZ09_-+=/.@: ").ofMaxLength(70)),
                Tuple.of(
                        1,
                        choose(List.of(24, 25, 55, 56, 128, 129, 256, 257, 2048, 2049))
                                .map((n) -> "a".repeat(n))),
                Tuple.of(6, specialStrings())));
    }

    /**
     * Strings that pass most type and shape checks: words Cognito knows, short names, and markers the case fills
     * with the fixture's ids, usernames and tokens.
     */
    public static Arbitrary<String> plausibleStrings() {
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(6, specialStrings()),
                Tuple.of(4, Arbitraries.integers().between(0, 40).map((index) -> MARKER + index + "@@")),
                Tuple.of(
                        3,
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, strings())));
    }

    static Arbitrary<String> specialStrings() {
        return IdentityArbitrary.of(choose(SPECIAL_STRINGS));
    }

    private static List<String> specialStringValues() {
        String bigHex = SrpGroup.N.toString(16);
        return List.of(
                "",
                " ",
                "\t",
                "\n",
                "\u0000",
                "a\u0000b",
                "null",
                "true",
                "0",
                "-1",
                "ff",
                "-ff",
                "00",
                bigHex,
                bigHex + "0",
                "é",
                "\u00e9\u0301",
                "\ud83d\udca5",
                "\u202e",
                "\ufeff",
                "\uffff",
                "\ud800",
                "\udc00",
                "\udc00\ud800",
                "a\ud83d",
                "%s%n%x",
                "${jndi:ldap://x}",
                "<script>",
                "../../etc/passwd",
                "\\",
                "\"",
                "'",
                "*",
                ".*",
                "(a+)+$",
                "_",
                "us-east-1_",
                "us-east-1_AAAAAAAAA",
                "eu-west-1_abc",
                "us-east-1__",
                "-_a",
                "reader",
                "target",
                "pending",
                "READER",
                "reader ",
                "reader@example.com",
                "Fuzz!Passw0rd",
                "weak",
                "USER_PASSWORD_AUTH",
                "USER_SRP_AUTH",
                "REFRESH_TOKEN_AUTH",
                "REFRESH_TOKEN",
                "ADMIN_USER_PASSWORD_AUTH",
                "ADMIN_NO_SRP_AUTH",
                "CUSTOM_AUTH",
                "ALLOW_USER_SRP_AUTH",
                "ALLOW_CUSTOM_AUTH",
                "NEW_PASSWORD_REQUIRED",
                "PASSWORD_VERIFIER",
                "SMS_MFA",
                "SOFTWARE_TOKEN_MFA",
                "SUPPRESS",
                "RESEND",
                "EMAIL",
                "SMS",
                "ACTIVE",
                "INACTIVE",
                "ENABLED",
                "LEGACY",
                "OFF",
                "ON",
                "OPTIONAL",
                "ESSENTIALS",
                "PLUS",
                "LITE",
                "String",
                "Number",
                "DateTime",
                "Boolean",
                "minutes",
                "seconds",
                "hours",
                "days",
                "code",
                "implicit",
                "client_credentials",
                "openid",
                "email",
                "phone_number",
                "email_verified",
                "phone_number_verified",
                "custom:tier",
                "custom:",
                "dev:custom:x",
                "sub",
                "preferred_username",
                "cognito:user_status",
                "username = \"reader\"",
                "username ^= \"\"",
                "status = \"Enabled\"",
                "cognito:user_status = \"CONFIRMED\"",
                "email = \"\\\"\"",
                "username = ",
                "= \"x\"",
                "Tue Mar 5 09:07:02 UTC 2024",
                "Mon Jan 1 00:00:00 UTC 2024",
                "Thu Feb 30 00:00:00 UTC 2024",
                "AAAA",
                "====",
                "not base64!",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "a.b.c",
                "a.b",
                "...",
                "https://example.com/callback",
                "http://localhost",
                "javascript:alert(1)",
                "{####}",
                "Your code is {####}",
                "+15555550100",
                "+",
                "123456",
                "000000",
                "1234567");
    }

    static Arbitrary<Fragment> hugeStrings() {
        return IdentityArbitrary.of(choose(HUGE_STRINGS));
    }

    private static List<Fragment> hugeStringFragments() {
        return List.of(
                Fragment.of("string of " + HUGE + " 'a'", "\"" + "a".repeat(HUGE) + "\""),
                Fragment.of("pool id of " + HUGE + " characters", "\"us-east-1_" + "A".repeat(HUGE) + "\""),
                Fragment.of("string of " + HUGE + " 'é'", "\"" + "é".repeat(HUGE) + "\""),
                Fragment.of("string of " + HUGE + " escaped quotes", "\"" + "\\\"".repeat(HUGE) + "\""),
                Fragment.of("string of " + HUGE + " escaped NULs", "\"" + "\\u0000".repeat(HUGE) + "\""),
                Fragment.of("hex of " + HUGE + " digits", "\"" + "f".repeat(HUGE) + "\""),
                Fragment.of("string of " + HUGE + " spaces", "\"" + " ".repeat(HUGE) + "\""),
                Fragment.of(
                        "filter with a value of " + HUGE + " characters",
                        "\"username = \\\"" + "a".repeat(HUGE) + "\\\"\""));
    }

    /** Arrays and objects of scalars, small or with thousands of entries. */
    static Arbitrary<Fragment> containers() {
        Arbitrary<Fragment> leaf = Arbitraries.oneOf(
                leaves(), Arbitraries.integers().between(0, 40).map(FuzzValues::fixtureValue));
        Arbitrary<String> name = Arbitraries.oneOf(choose(INNER_NAMES), choose(MEMBER_NAMES), strings());
        Arbitrary<Fragment> array = leaf.list().ofMaxSize(4).map((items) -> join("array", "[", "]", items));
        Arbitrary<Fragment> object = Combinators.combine(name, leaf)
                .as((key, value) -> member(string(key), value))
                .list()
                .ofMaxSize(4)
                .map((members) -> join("object", "{", "}", members));
        Arbitrary<Fragment> attributes = Combinators.combine(leaf, leaf)
                .as((key, value) -> join(
                        "attribute", "{", "}", List.of(member(string("Name"), key), member(string("Value"), value))))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map((items) -> join("attribute list", "[", "]", items));
        Arbitrary<Fragment> large = choose(LARGE_CONTAINERS);
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(6, array), Tuple.of(6, object), Tuple.of(6, attributes), Tuple.of(1, large)));
    }

    /** Arrays and objects nested to depths around the parser's limit and far beyond it. */
    public static Arbitrary<Fragment> deepNesting() {
        return IdentityArbitrary.of(choose(DEEP_NESTING));
    }

    private static List<Fragment> deepNestingFragments() {
        List<Fragment> fragments = new ArrayList<>();
        for (int depth : List.of(2, 64, 500, 997, 998, 999, 1000, 1001, 5000, 200_000)) {
            fragments.add(Fragment.of("array nesting " + depth, "[".repeat(depth) + "1" + "]".repeat(depth)));
            fragments.add(Fragment.of("object nesting " + depth, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
            int pairs = Math.max(1, depth / 2);
            fragments.add(Fragment.of(
                    "map-in-list nesting " + depth, "[{\"AuthParameters\":".repeat(pairs) + "1" + "}]".repeat(pairs)));
        }
        return List.copyOf(fragments);
    }

    /** Text that is not JSON, or not in UTF-8, where a value belongs. */
    public static Arbitrary<Fragment> malformed() {
        List<Fragment> fragments = new ArrayList<>();
        for (String text : List.of(
                "",
                "NaN",
                "Infinity",
                "-Infinity",
                "'single'",
                "undefined",
                "\"unterminated",
                "\"\\q\"",
                "\"\\u12\"",
                "\"\\ud800\"",
                "\"\\udc00\\ud800\"",
                "01",
                "1.",
                ".5",
                "+1",
                "-",
                "tru",
                "nul",
                "{\"a\"}",
                "[1,]",
                "{,}",
                "{\"a\":1,}",
                "/* comment */ 1",
                "1 2",
                "]",
                "}",
                "[",
                "{",
                ":",
                ",",
                "\"a\" \"b\"",
                "0x1F",
                "1_000")) {
            fragments.add(Fragment.of("malformed " + text, text));
        }
        fragments.add(quotedBytes("invalid UTF-8 C3 28", 0xc3, 0x28));
        fragments.add(quotedBytes("invalid UTF-8 FF", 0xff));
        fragments.add(quotedBytes("UTF-8 encoded surrogate", 0xed, 0xa0, 0x80));
        fragments.add(quotedBytes("overlong UTF-8 slash", 0xc0, 0xaf));
        fragments.add(quotedBytes("UTF-8 beyond U+10FFFF", 0xf4, 0x90, 0x80, 0x80));
        fragments.add(quotedBytes("truncated UTF-8", 0xe2, 0x82));
        fragments.add(quotedBytes("raw NUL", 0x00));
        fragments.add(quotedBytes("raw newline", 0x0a));
        fragments.add(quotedBytes("raw DEL and C1", 0x7f, 0xc2, 0x85));
        fragments.add(new Fragment("bare byte FF", new byte[] {(byte) 0xff}));
        return IdentityArbitrary.of(choose(fragments));
    }

    /** Whole request bodies: structured, malformed, empty, oversized, not UTF-8, or random bytes. */
    public static Arbitrary<Fragment> bodies() {
        return IdentityArbitrary.of(Arbitraries.frequencyOf(
                Tuple.of(12, objects()),
                Tuple.of(2, values()),
                Tuple.of(
                        2,
                        Combinators.combine(objects(), Arbitraries.integers().between(0, 10_000))
                                .as(FuzzValues::truncated)),
                Tuple.of(
                        2,
                        Combinators.combine(objects(), Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                                .as(FuzzValues::flipped)),
                Tuple.of(
                        2,
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(300)
                                .map((bytes) -> new Fragment("random bytes", bytes))),
                Tuple.of(2, specialBodies())));
    }

    /** A JSON object of a few members, mostly members Cognito knows, with values of any kind. */
    public static Arbitrary<Fragment> objects() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(8, choose(MEMBER_NAMES)), Tuple.of(1, strings()));
        return IdentityArbitrary.of(Combinators.combine(name, values())
                .as((key, value) -> member(string(key), value))
                .list()
                .ofMaxSize(6)
                .map((members) -> join("body", "{", "}", members)));
    }

    static Arbitrary<Fragment> specialBodies() {
        return IdentityArbitrary.of(choose(SPECIAL_BODIES));
    }

    private static List<Fragment> specialBodyFragments() {
        List<Fragment> bodies = new ArrayList<>(List.of(
                Fragment.of("empty body", ""),
                Fragment.of("blank body", " \r\n\t"),
                Fragment.of("JSON null", "null"),
                Fragment.of("empty array", "[]"),
                Fragment.of("string body", "\"{}\""),
                Fragment.of("two objects", "{}{}"),
                Fragment.of("object and garbage", "{\"MaxResults\":1} x"),
                Fragment.of("byte order mark", "\ufeff{\"MaxResults\":1}"),
                Fragment.of("duplicate members", "{\"MaxResults\":1,\"MaxResults\":\"1\",\"MaxResults\":{}}"),
                Fragment.of("NUL escape member name", "{\"\\u0000\":1}"),
                Fragment.of("empty member name", "{\"\":1}"),
                Fragment.of("form encoding", "Action=ListUserPools&MaxResults=10&UserPoolId=" + "a".repeat(100)),
                Fragment.of("megabyte of whitespace", " ".repeat(1 << 20) + "{}"),
                Fragment.of(
                        "pool name of two million characters",
                        "{\"PoolName\":\"" + "p".repeat(2_000_000) + "\",\"MaxResults\":1}")));
        bodies.add(new Fragment("UTF-16 body", "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Fragment("UTF-16LE body", "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_16LE)));
        bodies.add(new Fragment(
                "Latin-1 body",
                "{\"PoolName\":\"caf\u00e9\",\"MaxResults\":10}".getBytes(StandardCharsets.ISO_8859_1)));
        return List.copyOf(bodies);
    }

    /** {@code X-Amz-Target} values: mostly the actions served, and names close to them or far from them. */
    public static Arbitrary<String> targets(Set<String> actions) {
        String prefix = AwsJsonProtocol.TARGET_PREFIX;
        Arbitrary<String> served = choose(List.copyOf(actions)).map((action) -> prefix + action);
        Arbitrary<String> near = Combinators.combine(
                        choose(List.copyOf(actions)),
                        choose(List.of("lower", "upper", "space", "suffix", "dot", "slash", "nul", "twice")))
                .as((action, how) -> switch (how) {
                    case "lower" -> prefix + action.toLowerCase(java.util.Locale.ROOT);
                    case "upper" -> prefix.toUpperCase(java.util.Locale.ROOT) + action;
                    case "space" -> " " + prefix + action + " ";
                    case "suffix" -> prefix + action + "X";
                    case "dot" -> prefix + action + "." + action;
                    case "slash" -> prefix + "../" + action;
                    case "nul" -> prefix + action + "\u0000";
                    default -> prefix + prefix + action;
                });
        Arbitrary<String> far = Arbitraries.oneOf(
                choose(List.of(
                        "",
                        prefix,
                        prefix.substring(0, prefix.length() - 1),
                        "AWSCognitoIdentityService.GetId",
                        "DynamoDB_20120810.ListTables",
                        prefix + "toString",
                        prefix + "hashCode",
                        prefix + "getClass",
                        prefix + "__proto__",
                        prefix + "constructor",
                        prefix + "Action",
                        prefix + "\u00e9",
                        prefix + "a".repeat(HUGE),
                        "a".repeat(HUGE))),
                strings().map((name) -> prefix + name),
                strings());
        return IdentityArbitrary.of(Arbitraries.frequencyOf(Tuple.of(16, served), Tuple.of(2, near), Tuple.of(2, far))
                .injectNull(0.01));
    }

    /** A JSON string of {@code value} with everything outside printable ASCII escaped, lone surrogates included. */
    public static Fragment string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                json.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]);
                json.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                json.append(c);
            }
        }
        return Fragment.of("string " + label(value), json.append('"').toString());
    }

    /** A JSON string of {@code value} in raw UTF-8, where a lone surrogate becomes {@code ?}. */
    static Fragment rawString(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
        return Fragment.of("raw string " + label(value), "\"" + escaped + "\"");
    }

    private static String label(String value) {
        return (value.length() > 40) ? "of " + value.length() + " characters" : "'" + value + "'";
    }

    private static Fragment member(Fragment name, Fragment value) {
        byte[] bytes = concat(name.bytes(), new byte[] {':'}, value.bytes());
        return new Fragment(name.label() + ": " + value.label(), bytes);
    }

    private static Fragment join(String label, String open, String close, List<Fragment> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(open.getBytes(StandardCharsets.US_ASCII));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).bytes());
            labels.add(items.get(i).label());
        }
        out.writeBytes(close.getBytes(StandardCharsets.US_ASCII));
        return new Fragment(label + " " + labels, out.toByteArray());
    }

    private static Fragment truncated(Fragment body, int at) {
        int cut = (body.bytes().length == 0) ? 0 : at % body.bytes().length;
        return new Fragment("truncated at " + cut + " " + body.label(), Arrays.copyOf(body.bytes(), cut));
    }

    private static Fragment flipped(Fragment body, int at, byte value) {
        byte[] bytes = body.bytes().clone();
        if (bytes.length > 0) {
            bytes[at % bytes.length] = value;
        }
        return new Fragment("byte " + value + " at " + at + " of " + body.label(), bytes);
    }

    private static Fragment quotedBytes(String label, int... bytes) {
        byte[] text = new byte[bytes.length + 2];
        text[0] = '"';
        for (int i = 0; i < bytes.length; i++) {
            text[i + 1] = (byte) bytes[i];
        }
        text[text.length - 1] = '"';
        return new Fragment(label, text);
    }

    private static String numberedMembers(int count) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < count; i++) {
            members.append((i > 0) ? "," : "").append("\"k").append(i).append("\":\"v\"");
        }
        return members.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
