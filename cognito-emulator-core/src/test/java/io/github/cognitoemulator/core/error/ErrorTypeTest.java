package io.github.cognitoemulator.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorTypeTest {

    @Test
    void onlyInternalErrorIsAServerErrorAndOnlyTheFrontEndsRefusalsAreNot400() {
        assertThat(ErrorType.INTERNAL_ERROR.httpStatus()).isEqualTo(500);
        assertThat(ErrorType.ACCESS_DENIED.httpStatus()).isEqualTo(403);
        assertThat(ErrorType.REQUEST_ENTITY_TOO_LARGE.httpStatus()).isEqualTo(413);
        assertThat(Arrays.stream(ErrorType.values())
                        .filter((type) -> type != ErrorType.INTERNAL_ERROR
                                && type != ErrorType.ACCESS_DENIED
                                && type != ErrorType.REQUEST_ENTITY_TOO_LARGE))
                .allSatisfy(
                        (type) -> assertThat(type.httpStatus()).as(type.name()).isEqualTo(400));
    }

    @Test
    void wireNamesAreBareExceptionNames() {
        assertThat(ErrorType.values())
                .extracting(ErrorType::wireName)
                .allMatch((name) -> name.matches("[A-Z][A-Za-z]+Exception"))
                .contains("InvalidParameterException", "UsernameExistsException", "UserNotFoundException")
                .doesNotHaveDuplicates();
        assertThat(ErrorType.NOT_AUTHORIZED.wireName()).isEqualTo("NotAuthorizedException");
    }

    @Test
    void exceptionCarriesTypeAndMessageWithoutAStackTrace() {
        CognitoException exception = ErrorType.USER_NOT_FOUND.exception("User does not exist.");

        assertThat(exception.type()).isEqualTo(ErrorType.USER_NOT_FOUND);
        assertThat(exception).hasMessage("User does not exist.").hasNoCause();
        // Cognito errors are answers, not faults: building a stack trace for each would only cost time.
        assertThat(exception.getStackTrace()).isEmpty();
    }

    @Test
    void exceptionNeedsAType() {
        assertThatThrownBy(() -> new CognitoException(null, "m")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void commonErrorsUseCognitoMessages() {
        assertThat(Errors.userPoolNotFound("us-east-1_abc"))
                .hasMessage("User pool us-east-1_abc does not exist.")
                .extracting(CognitoException::type)
                .isEqualTo(ErrorType.RESOURCE_NOT_FOUND);
        assertThat(Errors.clientNotFound("abc"))
                .hasMessage("User pool client abc does not exist.")
                .extracting(CognitoException::type)
                .isEqualTo(ErrorType.RESOURCE_NOT_FOUND);
        assertThat(Errors.userNotFound())
                .hasMessage("User does not exist.")
                .extracting(CognitoException::type)
                .isEqualTo(ErrorType.USER_NOT_FOUND);
        assertThat(Errors.invalidParameter("x").type()).isEqualTo(ErrorType.INVALID_PARAMETER);
    }
}
