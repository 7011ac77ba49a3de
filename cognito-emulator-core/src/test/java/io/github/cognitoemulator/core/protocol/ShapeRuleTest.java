package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.error.CognitoException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules read from a small model that has one shape of every kind, and Cognito's wording of what they reject. */
class ShapeRuleTest {

    private static final String MODEL = """
            {"operations": {
               "Act": {"input": {"shape": "ActRequest"}},
               "Bare": {}
             },
             "shapes": {
               "ActRequest": {"type": "structure", "required": ["Name"], "members": {
                 "Name": {"shape": "NameType"},
                 "Secret": {"shape": "SecretType"},
                 "Mode": {"shape": "ModeType"},
                 "Count": {"shape": "CountType"},
                 "Big": {"shape": "BigType"},
                 "Flag": {"shape": "FlagType"},
                 "Ratio": {"shape": "RatioType"},
                 "When": {"shape": "WhenType"},
                 "Image": {"shape": "ImageType"},
                 "Names": {"shape": "NameListType"},
                 "Secrets": {"shape": "SecretListType"},
                 "Items": {"shape": "ItemListType"},
                 "Metadata": {"shape": "MetadataType"},
                 "Doc": {"shape": "Document"},
                 "Item": {"shape": "ItemType"}
               }},
               "NameType": {"type": "string", "min": 2, "max": 4, "pattern": "[a-z]+"},
               "SecretType": {"type": "string", "min": 3, "sensitive": true},
               "ModeType": {"type": "string", "enum": ["ON", "OFF"]},
               "CountType": {"type": "integer", "min": 1, "max": 3},
               "BigType": {"type": "long", "max": 5},
               "FlagType": {"type": "boolean"},
               "RatioType": {"type": "double"},
               "WhenType": {"type": "timestamp"},
               "ImageType": {"type": "blob", "min": 1, "max": 3},
               "NameListType": {"type": "list", "member": {"shape": "NameType"}, "min": 1, "max": 2},
               "SecretListType": {"type": "list", "member": {"shape": "SecretType"}},
               "ItemListType": {"type": "list", "member": {"shape": "ItemType"}, "max": 1},
               "ItemType": {"type": "structure", "required": ["Key"], "members": {"Key": {"shape": "NameType"}}},
               "MetadataType": {"type": "map", "key": {"shape": "NameType"}, "value": {"shape": "NameType"},
                                "max": 1},
               "Document": {"type": "structure", "members": {}, "document": true}
             }}
            """;

    private final ServiceModel model = ServiceModel.read(stream(MODEL));

    @Test
    void operationsWithoutInputTakeAnyObject() {
        assertThat(this.model.operationNames()).containsExactly("Act", "Bare");
        assertThat(errors("Bare", "{\"Anything\":1}")).isNull();
    }

    @Test
    void aValidRequestPasses() {
        assertThat(errors("Act", """
                        {"Name":"ab","Secret":"xyz","Mode":"ON","Count":3,"Big":-9,"Flag":true,"Ratio":0.5,
                         "When":1.5,"Image":"AQID","Names":["ab","cd"],"Secrets":["xyz"],"Items":[{"Key":"ab"}],
                         "Metadata":{"ab":"cd"},"Doc":{"any":[1,{"x":null}]},"Item":{"Key":"abc"},"Unknown":[]}
                        """)).isNull();
    }

    @Test
    void everyBrokenConstraintIsReportedInTheModelsOrder() {
        assertThat(errors(
                        "Act",
                        "{\"Secret\":\"x\",\"Mode\":\"MAYBE\",\"Count\":0,\"Big\":6,\"Image\":\"\","
                                + "\"Names\":[\"A\",\"ab\",\"B\"],\"Items\":[{},{\"Key\":\"abcde\"}],"
                                + "\"Metadata\":{\"A\":\"b\",\"c\":\"d\"},\"Item\":{\"Key\":\"a\"}}"))
                .isEqualTo(
                        String.join(
                                "; ",
                                "15 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
                                "Value at 'secret' failed to satisfy constraint: Member must have length greater than or equal to 3",
                                "Value 'MAYBE' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON]",
                                "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1",
                                "Value '6' at 'big' failed to satisfy constraint: Member must have value less than or equal to 5",
                                "Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'image' failed to satisfy constraint: Member must have length greater than or equal to 1",
                                "Value '[A, ab, B]' at 'names' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: [a-z]+, Member must have length greater than or equal to 2]",
                                "Value '[A, ab, B]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 2",
                                "Value at 'items' failed to satisfy constraint: Member must have length less than or equal to 1",
                                "Value null at 'items.1.member.key' failed to satisfy constraint: Member must not be null",
                                "Value 'abcde' at 'items.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 4",
                                "Value '{A=b, c=d}' at 'metadata' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-z]+, Member must have length greater than or equal to 2]",
                                "Value '{A=b, c=d}' at 'metadata' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length greater than or equal to 2]",
                                "Value '{A=b, c=d}' at 'metadata' failed to satisfy constraint: Member must have length less than or equal to 1",
                                "Value 'a' at 'item.key' failed to satisfy constraint: Member must have length greater than or equal to 2"));
    }

    @Test
    void valuesAtTheLimitsPass() {
        assertThat(errors(
                        "Act",
                        "{\"Name\":\"abcd\",\"Count\":1,\"Big\":5,\"Image\":\"AQID\",\"Names\":[\"ab\"],"
                                + "\"Items\":[{\"Key\":\"ab\"}],\"Metadata\":{\"abcd\":\"abcd\"}}"))
                .isNull();
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Count\":3,\"Image\":\"AQ==\"}"))
                .isNull();
    }

    @Test
    void sensitiveValuesAreNeverEchoed() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Secret\":\"hi\",\"Secrets\":[\"no\"]}"))
                .isEqualTo("2 validation errors detected: Value at 'secret' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3; Value at 'secrets' failed to satisfy constraint:"
                        + " Member must satisfy constraint: [Member must have length greater than or equal to 3]")
                .doesNotContain("hi")
                .doesNotContain("no]");
    }

    @Test
    void lengthsCountCodePoints() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Secret\":\"\uD83D\uDE00\uD83D\uDE00\"}"))
                .contains("Member must have length greater than or equal to 3");
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Secret\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}"))
                .isNull();
    }

    @Test
    void mapValuesAndSizeAreChecked() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Metadata\":{\"ab\":\"X\",\"cd\":\"ef\"}}"))
                .isEqualTo("2 validation errors detected: Value '{ab=X, cd=ef}' at 'metadata' failed to satisfy"
                        + " constraint: Map value must satisfy constraint: [Member must satisfy regular expression"
                        + " pattern: [a-z]+, Member must have length greater than or equal to 2]; Value '{ab=X, cd=ef}'"
                        + " at 'metadata' failed to satisfy constraint: Member must have length less than or equal"
                        + " to 1");
    }

    @Test
    void mapEntriesWithANullValueCountAsAbsent() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Metadata\":{\"ab\":\"cd\",\"ef\":null}}"))
                .isNull();
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Metadata\":{\"ab\":\"X\",\"ef\":null}}"))
                .isEqualTo("1 validation error detected: Value '{ab=X}' at 'metadata' failed to satisfy"
                        + " constraint: Map value must satisfy constraint: [Member must satisfy regular expression"
                        + " pattern: [a-z]+, Member must have length greater than or equal to 2]");
    }

    @Test
    void blobsAreCountedInBytes() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Image\":\"AQIDBA==\"}"))
                .isEqualTo("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=4 cap=4]' at"
                        + " 'image' failed to satisfy constraint: Member must have length less than or equal to 3");
        assertThatThrownBy(() -> errors("Act", "{\"Name\":\"ab\",\"Image\":\"not base64!\"}"))
                .isInstanceOf(CognitoException.class)
                .hasMessage(null);
    }

    @Test
    void aValueOfTheWrongJsonTypeIsASerializationError() {
        assertSerialization("{\"Name\":1}", "NUMBER_VALUE can not be converted to a String");
        assertSerialization("{\"Name\":\"ab\",\"Count\":\"1\"}", "STRING_VALUE can not be converted to an Integer");
        assertSerialization("{\"Name\":\"ab\",\"Count\":1.5}", "NUMBER_VALUE can not be converted to an Integer");
        assertSerialization("{\"Name\":\"ab\",\"Big\":true}", "BOOLEAN_VALUE can not be converted to a Long");
        assertSerialization("{\"Name\":\"ab\",\"Big\":1e30}", "NUMBER_VALUE can not be converted to a Long");
        assertSerialization("{\"Name\":\"ab\",\"Flag\":\"true\"}", "STRING_VALUE can not be converted to a Boolean");
        assertSerialization("{\"Name\":\"ab\",\"Ratio\":\"1\"}", "STRING_VALUE can not be converted to a Double");
        assertSerialization("{\"Name\":\"ab\",\"When\":\"now\"}", "STRING_VALUE can not be converted to a Date");
        assertSerialization("{\"Name\":\"ab\",\"Image\":7}", "NUMBER_VALUE can not be converted to a ByteBuffer");
        assertSerialization("{\"Name\":\"ab\",\"Names\":{}}", "Start of structure or map found where not expected.");
        assertSerialization("{\"Name\":\"ab\",\"Names\":\"ab\"}", "STRING_VALUE can not be converted to a List");
        assertSerialization("{\"Name\":\"ab\",\"Names\":[1]}", "NUMBER_VALUE can not be converted to a String");
        assertSerialization("{\"Name\":\"ab\",\"Item\":[]}", "Start of list found where not expected");
        assertSerialization("{\"Name\":\"ab\",\"Items\":[\"x\"]}", "STRING_VALUE can not be converted to a Structure");
        assertSerialization("{\"Name\":\"ab\",\"Metadata\":\"x\"}", "STRING_VALUE can not be converted to a Map");
        assertSerialization(
                "{\"Name\":\"ab\",\"Metadata\":{\"ab\":1}}", "NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void nullMembersCountAsAbsent() {
        assertThat(errors("Act", "{\"Name\":\"ab\",\"Count\":null,\"Item\":null}"))
                .isNull();
        assertThat(errors("Act", "{\"Name\":null}"))
                .isEqualTo("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member"
                        + " must not be null");
    }

    @Test
    void documentsAreBoundedInDepth() {
        String deep = "{\"a\":".repeat(RequestReader.MAX_DOCUMENT_DEPTH) + "{}"
                + "}".repeat(RequestReader.MAX_DOCUMENT_DEPTH);
        String deepest = "{\"a\":".repeat(RequestReader.MAX_DOCUMENT_DEPTH - 1) + "{}"
                + "}".repeat(RequestReader.MAX_DOCUMENT_DEPTH - 1);

        assertThat(errors("Act", "{\"Name\":\"ab\",\"Doc\":" + deepest + "}")).isNull();
        assertThatThrownBy(() -> errors("Act", "{\"Name\":\"ab\",\"Doc\":" + deep + "}"))
                .isInstanceOf(CognitoException.class)
                .hasMessage(null);
    }

    @Test
    void aModelThatIsMissingOrBrokenStopsTheStart() {
        assertThatThrownBy(() -> ServiceModel.read(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> ServiceModel.read(stream("{\"operations\":{\"A\":{\"input\":{\"shape\":\"S\"}}},"
                        + "\"shapes\":{\"S\":{\"type\":\"structure\",\"members\":{\"M\":{\"shape\":\"T\"}}},"
                        + "\"T\":{\"type\":\"string\",\"pattern\":\"[\"}}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Shape T has a pattern Java cannot read: [");
        assertThatThrownBy(() -> ServiceModel.read(stream("{\"operations\":{\"A\":{\"input\":{\"shape\":\"S\"}}},"
                        + "\"shapes\":{\"S\":{\"type\":\"union\"}}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Shape S has an unknown type 'union'");
        assertThatThrownBy(() -> ServiceModel.read(stream("{"))).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void cognitosModelIsReadOnceAndShared() {
        assertThat(ServiceModel.cognitoIdp()).isSameAs(ServiceModel.cognitoIdp());
        assertThat(ServiceModel.cognitoIdp().input("AdminGetUser").orElseThrow().sensitive())
                .isFalse();
    }

    private void assertSerialization(String body, String message) {
        assertThatThrownBy(() -> errors("Act", body))
                .isInstanceOf(CognitoException.class)
                .hasMessage(message)
                .extracting((ex) -> ((CognitoException) ex).type().wireName())
                .isEqualTo("SerializationException");
    }

    /** The message of the {@code InvalidParameterException} the request gets, or {@code null} when it passes. */
    private String errors(String operation, String body) {
        ObjectNode json;
        try {
            json = (ObjectNode) CognitoJson.read(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        try {
            AwsJsonProtocol.validate(this.model.input(operation).orElseThrow(), json);
            return null;
        } catch (CognitoException ex) {
            if (!ex.type().wireName().equals("InvalidParameterException")) {
                throw ex;
            }
            return ex.getMessage();
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
