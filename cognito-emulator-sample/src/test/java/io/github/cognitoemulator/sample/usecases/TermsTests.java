package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsEnforcementType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsSourceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsType;

/** Terms of use and privacy policy documents of app clients. */
class TermsTests extends CognitoUseCase {

    private static final Map<String, String> LINKS = Map.of("cognito:default", "https://example.com/terms");

    private TermsType create(String poolId, String clientId, String name) {
        return cognito()
                .createTerms((request) -> request.userPoolId(poolId)
                        .clientId(clientId)
                        .termsName(name)
                        .termsSource(TermsSourceType.LINK)
                        .enforcement(TermsEnforcementType.NONE)
                        .links(LINKS))
                .terms();
    }

    private String createClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName("web"))
                .userPoolClient()
                .clientId();
    }

    @Test
    void termsAreCreatedListedUpdatedAndDeleted() {
        String poolId = createPool();
        String clientId = createClient(poolId);

        TermsType terms = create(poolId, clientId, "terms-of-use");

        assertThat(terms.termsId()).matches(UUID_PATTERN);
        assertThat(terms.links()).isEqualTo(LINKS);
        assertThat(cognito()
                        .describeTerms((request) -> request.userPoolId(poolId).termsId(terms.termsId()))
                        .terms())
                .isEqualTo(terms);
        assertThat(cognito().listTerms((request) -> request.userPoolId(poolId)).terms())
                .singleElement()
                .satisfies((listed) -> assertThat(listed.termsName()).isEqualTo("terms-of-use"));
        Map<String, String> spanish = Map.of("cognito:spanish", "https://example.com/es");
        assertThat(cognito()
                        .updateTerms((request) -> request.userPoolId(poolId)
                                .termsId(terms.termsId())
                                .links(spanish))
                        .terms()
                        .links())
                .isEqualTo(spanish);

        cognito().deleteTerms((request) -> request.userPoolId(poolId).termsId(terms.termsId()));

        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeTerms((request) -> request.userPoolId(poolId).termsId(terms.termsId())));
    }

    @Test
    void aClientHasOneDocumentOfEachName() {
        String poolId = createPool();
        String clientId = createClient(poolId);
        create(poolId, clientId, "privacy-policy");

        TermsExistsException error =
                cognitoError(TermsExistsException.class, () -> create(poolId, clientId, "privacy-policy"));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Terms with name privacy-policy already exist for this app client.");
    }
}
