package io.github.cognitoemulator.core.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TermsActionsTest {

    private static final Map<String, String> LINKS = Map.of("cognito:default", "https://example.com/terms");

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private final String clientId = this.fixture
            .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "app"))
            .requireSuccess()
            .string("UserPoolClient", "ClientId");

    private Reply create(String clientId, String name) {
        return this.fixture.call(
                "CreateTerms",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        clientId,
                        "TermsName",
                        name,
                        "TermsSource",
                        "LINK",
                        "Enforcement",
                        "NONE",
                        "Links",
                        LINKS));
    }

    @Test
    void createdTermsAreDescribedAsGiven() {
        Map<String, Object> terms =
                create(this.clientId, "terms-of-use").requireSuccess().map("Terms");

        String termsId = (String) terms.get("TermsId");
        assertThat(termsId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(terms)
                .isEqualTo(Map.of(
                        "TermsId",
                        termsId,
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        this.clientId,
                        "TermsName",
                        "terms-of-use",
                        "TermsSource",
                        "LINK",
                        "Enforcement",
                        "NONE",
                        "Links",
                        LINKS,
                        "CreationDate",
                        1.594889658976E9,
                        "LastModifiedDate",
                        1.594889658976E9));
        assertThat(this.fixture
                        .call("DescribeTerms", Map.of("UserPoolId", this.poolId, "TermsId", termsId))
                        .map("Terms"))
                .isEqualTo(terms);
    }

    @Test
    void aClientHasOneDocumentOfEachName() {
        create(this.clientId, "terms-of-use").requireSuccess();
        create(this.clientId, "privacy-policy").requireSuccess();

        assertThat(create(this.clientId, "terms-of-use").error())
                .isEqualTo("400 TermsExistsException: Terms with name terms-of-use already exist for this app client.");
        String other = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "other"))
                .string("UserPoolClient", "ClientId");
        create(other, "terms-of-use").requireSuccess();
    }

    @Test
    void termsNeedAClientOfThePool() {
        String otherPool = this.fixture.createPool();
        Reply foreign = this.fixture.call(
                "CreateTerms",
                Map.of(
                        "UserPoolId", otherPool,
                        "ClientId", this.clientId,
                        "TermsName", "terms-of-use",
                        "TermsSource", "LINK",
                        "Enforcement", "NONE"));

        assertThat(foreign.error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + this.clientId + " does not exist.");
        assertThat(this.fixture
                        .call("ListTerms", Map.of("UserPoolId", "us-east-1_missing00"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void termsWithoutLinksHaveAnEmptyMap() {
        Reply reply = this.fixture.call(
                "CreateTerms",
                Map.of(
                        "UserPoolId", this.poolId,
                        "ClientId", this.clientId,
                        "TermsName", "privacy-policy",
                        "TermsSource", "LINK",
                        "Enforcement", "NONE"));

        assertThat(reply.requireSuccess().at("Terms", "Links")).isEqualTo(Map.of());
    }

    @Test
    void updateChangesWhatItNamesAndKeepsTheRest() {
        String termsId = create(this.clientId, "terms-of-use").string("Terms", "TermsId");
        Map<String, String> links = Map.of("cognito:spanish", "https://example.com/es");

        Reply updated = this.fixture.call(
                "UpdateTerms",
                Map.of("UserPoolId", this.poolId, "TermsId", termsId, "Links", links, "TermsName", "privacy-policy"));

        assertThat(updated.requireSuccess().map("Terms"))
                .containsEntry("Links", links)
                .containsEntry("TermsName", "privacy-policy")
                .containsEntry("TermsSource", "LINK")
                .containsEntry("Enforcement", "NONE");
        // The old name is free again, the new one taken.
        create(this.clientId, "terms-of-use").requireSuccess();
        assertThat(create(this.clientId, "privacy-policy").error()).startsWith("400 TermsExistsException");
        Reply same = this.fixture.call("UpdateTerms", Map.of("UserPoolId", this.poolId, "TermsId", termsId));
        assertThat(same.requireSuccess().map("Terms")).containsEntry("Links", links);
    }

    @Test
    void renamingOntoATakenNameFails() {
        create(this.clientId, "terms-of-use").requireSuccess();
        String privacy = create(this.clientId, "privacy-policy").string("Terms", "TermsId");

        Reply renamed = this.fixture.call(
                "UpdateTerms", Map.of("UserPoolId", this.poolId, "TermsId", privacy, "TermsName", "terms-of-use"));

        assertThat(renamed.error())
                .isEqualTo("400 TermsExistsException: Terms with name terms-of-use already exist for this app client.");
        assertThat(this.fixture
                        .call("DescribeTerms", Map.of("UserPoolId", this.poolId, "TermsId", privacy))
                        .string("Terms", "TermsName"))
                .isEqualTo("privacy-policy");
    }

    @Test
    void deletedTermsAreGoneAndFreeTheirName() {
        String termsId = create(this.clientId, "terms-of-use").string("Terms", "TermsId");

        Reply deleted = this.fixture.call("DeleteTerms", Map.of("UserPoolId", this.poolId, "TermsId", termsId));

        assertThat(deleted.requireSuccess().json()).isEmpty();
        String missing = "400 ResourceNotFoundException: Terms " + termsId + " does not exist.";
        for (String action : List.of("DescribeTerms", "DeleteTerms", "UpdateTerms")) {
            assertThat(this.fixture
                            .call(action, Map.of("UserPoolId", this.poolId, "TermsId", termsId))
                            .error())
                    .isEqualTo(missing);
        }
        create(this.clientId, "terms-of-use").requireSuccess();
    }

    @Test
    void termsOfAnotherPoolAreNotFound() {
        String termsId = create(this.clientId, "terms-of-use").string("Terms", "TermsId");
        String otherPool = this.fixture.createPool();

        assertThat(this.fixture
                        .call("DescribeTerms", Map.of("UserPoolId", otherPool, "TermsId", termsId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Terms " + termsId + " does not exist.");
    }

    @Test
    void termsAreListedInPagesWithoutTheirLinks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String client = this.fixture
                    .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "c" + i))
                    .string("UserPoolClient", "ClientId");
            ids.add(create(client, "terms-of-use").string("Terms", "TermsId"));
        }
        ids.sort(null);

        Reply first = this.fixture.call("ListTerms", Map.of("UserPoolId", this.poolId, "MaxResults", 2));
        Reply second = this.fixture.call(
                "ListTerms",
                Map.of("UserPoolId", this.poolId, "MaxResults", 2, "NextToken", first.string("NextToken")));
        Reply all = this.fixture.call("ListTerms", Map.of("UserPoolId", this.poolId));

        assertThat(first.list("Terms"))
                .extracting((terms) -> terms.get("TermsId"))
                .isEqualTo(ids.subList(0, 2));
        assertThat(first.list("Terms").get(0))
                .containsOnlyKeys("TermsId", "TermsName", "Enforcement", "CreationDate", "LastModifiedDate");
        assertThat(second.list("Terms"))
                .extracting((terms) -> terms.get("TermsId"))
                .isEqualTo(ids.subList(2, 3));
        assertThat(second.json()).doesNotContainKey("NextToken");
        assertThat(all.list("Terms")).hasSize(3);
        assertThat(all.json()).doesNotContainKey("NextToken");
    }

    @Test
    void recordsRoundTripThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_terms0000"));
            Instant now = Instant.parse("2020-07-16T08:54:18Z");
            var terms =
                    new Terms("id", "us-east-1_terms0000", "client", "terms-of-use", "LINK", "NONE", LINKS, now, now);
            store.resources().create(TermsActions.TERMS, "us-east-1_terms0000", "t", terms);
            store.resources().create(TermsActions.NAMES, "us-east-1_terms0000", "n", new TermsName("id"));

            assertThat(store.resources()
                            .find(TermsActions.TERMS, "t")
                            .orElseThrow()
                            .value())
                    .isEqualTo(terms);
            assertThat(store.resources()
                            .find(TermsActions.NAMES, "n")
                            .orElseThrow()
                            .value())
                    .isEqualTo(new TermsName("id"));
        }
    }
}
