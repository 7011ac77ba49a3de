package io.github.cognitoemulator.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DomainActionsTest {

    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:000000000000:certificate/abc";

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private Reply create(String poolId, String domain) {
        return this.fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", domain));
    }

    private Reply createCustom(String poolId, String domain) {
        return this.fixture.call(
                "CreateUserPoolDomain",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "Domain",
                        domain,
                        "CustomDomainConfig",
                        Map.of("CertificateArn", CERTIFICATE),
                        "ManagedLoginVersion",
                        2));
    }

    private Reply describe(String domain) {
        return this.fixture.call("DescribeUserPoolDomain", Map.of("Domain", domain));
    }

    @Test
    void aPrefixDomainIsDescribedAndShownOnItsPool() {
        String poolId = this.fixture.createPool();

        Reply created = create(poolId, "my-app").requireSuccess();

        assertThat(created.json()).isEqualTo(Map.of("ManagedLoginVersion", 1));
        Map<String, Object> description = describe("my-app").requireSuccess().map("DomainDescription");
        assertThat(description)
                .containsEntry("UserPoolId", poolId)
                .containsEntry("AWSAccountId", "000000000000")
                .containsEntry("Domain", "my-app")
                .containsEntry("S3Bucket", "aws-cognito-prod-us-east-1-assets")
                .containsEntry("Version", "20200716085418")
                .containsEntry("Status", "ACTIVE")
                .containsEntry("ManagedLoginVersion", 1)
                .doesNotContainKey("CustomDomainConfig");
        assertThat((String) description.get("CloudFrontDistribution")).matches("d[0-9a-z]{13}\\.cloudfront\\.net");
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", poolId));
        assertThat(pool.at("UserPool", "Domain")).isEqualTo("my-app");
        assertThat(pool.map("UserPool")).doesNotContainKey("CustomDomain");
    }

    @Test
    void aCustomDomainAnswersItsCloudFrontDomainAndKeepsItsCertificate() {
        String poolId = this.fixture.createPool();

        Reply created = createCustom(poolId, "auth.example.com").requireSuccess();

        assertThat(created.at("ManagedLoginVersion")).isEqualTo(2);
        String cloudFront = created.string("CloudFrontDomain");
        assertThat(cloudFront).matches("d[0-9a-z]{13}\\.cloudfront\\.net");
        Map<String, Object> description = describe("auth.example.com").map("DomainDescription");
        assertThat(description)
                .containsEntry("CustomDomainConfig", Map.of("CertificateArn", CERTIFICATE))
                .containsEntry("CloudFrontDistribution", cloudFront)
                .containsEntry("ManagedLoginVersion", 2);
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", poolId));
        assertThat(pool.at("UserPool", "CustomDomain")).isEqualTo("auth.example.com");
        assertThat(pool.map("UserPool")).doesNotContainKey("Domain");
    }

    @Test
    void aCustomDomainIsAFullyQualifiedNameAndAPrefixOneLabel() {
        String poolId = this.fixture.createPool();

        assertThat(createCustom(poolId, "auth.example.com").requireSuccess().json())
                .containsEntry(
                        "CloudFrontDomain",
                        describe("auth.example.com")
                                .requireSuccess()
                                .map("DomainDescription")
                                .get("CloudFrontDistribution"));
        assertThat(create(poolId, "auth.example.com").error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value 'auth.example.com' at"
                        + " 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
        assertThat(createCustom(poolId, "auth..example.com").error())
                .startsWith("400 InvalidParameterException: 1 validation error detected: Value 'auth..example.com'");
    }

    @Test
    void aPoolHasOnePrefixDomainAndOneCustomDomain() {
        String poolId = this.fixture.createPool();
        create(poolId, "first").requireSuccess();
        createCustom(poolId, "auth.example.com").requireSuccess();

        assertThat(create(poolId, "second").error())
                .isEqualTo("400 InvalidParameterException: User pool already has a domain configured.");
        assertThat(createCustom(poolId, "login.example.com").error())
                .isEqualTo("400 InvalidParameterException: User pool already has a domain configured.");
        assertThat(describe("second").json()).isEqualTo(Map.of("DomainDescription", Map.of()));
    }

    @Test
    void aDomainNameServesOnePoolOnly() {
        String first = this.fixture.createPool();
        String second = this.fixture.createPool();
        create(first, "shared").requireSuccess();

        assertThat(create(second, "shared").error())
                .isEqualTo("400 InvalidParameterException: Domain already associated with another user pool.");
        assertThat(describe("shared").map("DomainDescription")).containsEntry("UserPoolId", first);
    }

    @Test
    void prefixesMustNotContainReservedWords() {
        String poolId = this.fixture.createPool();

        assertThat(create(poolId, "myaws-app").error())
                .isEqualTo("400 InvalidParameterException: Domain cannot contain reserved word: aws");
        assertThat(create(poolId, "amazonian").error())
                .isEqualTo("400 InvalidParameterException: Domain cannot contain reserved word: amazon");
        assertThat(create(poolId, "newcognito").error())
                .isEqualTo("400 InvalidParameterException: Domain cannot contain reserved word: cognito");
        assertThat(describe("newcognito").json()).isEqualTo(Map.of("DomainDescription", Map.of()));
    }

    @Test
    void managedLoginVersionIsOneOrTwo() {
        String poolId = this.fixture.createPool();

        Reply three = this.fixture.call(
                "CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "v3", "ManagedLoginVersion", 3));
        Reply zero = this.fixture.call(
                "CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "v0", "ManagedLoginVersion", 0));

        assertThat(three.error()).isEqualTo("400 InvalidParameterException: ManagedLoginVersion must be 1 or 2.");
        assertThat(zero.error()).isEqualTo("400 InvalidParameterException: ManagedLoginVersion must be 1 or 2.");
        assertThat(this.fixture
                        .call(
                                "CreateUserPoolDomain",
                                Map.of("UserPoolId", poolId, "Domain", "v2", "ManagedLoginVersion", 2))
                        .json())
                .isEqualTo(Map.of("ManagedLoginVersion", 2));
    }

    @Test
    void anUnknownPoolIsNotFound() {
        assertThat(create("us-east-1_missing00", "nopool").error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void updateChangesTheVersionAndTheCertificateOfACustomDomain() {
        String poolId = this.fixture.createPool();
        String cloudFront = createCustom(poolId, "auth.example.com").string("CloudFrontDomain");

        Reply updated = this.fixture.call(
                "UpdateUserPoolDomain",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "Domain",
                        "auth.example.com",
                        "ManagedLoginVersion",
                        1,
                        "CustomDomainConfig",
                        Map.of("CertificateArn", CERTIFICATE + "2")));

        assertThat(updated.json()).isEqualTo(Map.of("ManagedLoginVersion", 1, "CloudFrontDomain", cloudFront));
        assertThat(describe("auth.example.com").map("DomainDescription"))
                .containsEntry("ManagedLoginVersion", 1)
                .containsEntry("CustomDomainConfig", Map.of("CertificateArn", CERTIFICATE + "2"));
    }

    @Test
    void updateWithoutChangesKeepsTheDomain() {
        String poolId = this.fixture.createPool();
        create(poolId, "same").requireSuccess();

        Reply updated = this.fixture.call("UpdateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "same"));

        assertThat(updated.json()).isEqualTo(Map.of("ManagedLoginVersion", 1));
        Reply upgraded = this.fixture.call(
                "UpdateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "same", "ManagedLoginVersion", 2));
        assertThat(upgraded.json()).isEqualTo(Map.of("ManagedLoginVersion", 2));
        assertThat(describe("same").at("DomainDescription", "ManagedLoginVersion"))
                .isEqualTo(2);
    }

    @Test
    void aPrefixDomainTakesNoCertificate() {
        String poolId = this.fixture.createPool();
        create(poolId, "plain").requireSuccess();

        Reply updated = this.fixture.call(
                "UpdateUserPoolDomain",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "Domain",
                        "plain",
                        "CustomDomainConfig",
                        Map.of("CertificateArn", CERTIFICATE)));

        assertThat(updated.error())
                .isEqualTo("400 InvalidParameterException: CustomDomainConfig can only be set for a custom domain.");
    }

    @Test
    void updateAndDeleteRefuseADomainOfAnotherPool() {
        String owner = this.fixture.createPool();
        String other = this.fixture.createPool();
        create(owner, "owned").requireSuccess();

        assertThat(this.fixture
                        .call("UpdateUserPoolDomain", Map.of("UserPoolId", other, "Domain", "owned"))
                        .error())
                .isEqualTo("400 InvalidParameterException: No such domain or user pool exists.");
        assertThat(this.fixture
                        .call("DeleteUserPoolDomain", Map.of("UserPoolId", other, "Domain", "owned"))
                        .error())
                .isEqualTo("400 InvalidParameterException: No such domain or user pool exists.");
        assertThat(this.fixture
                        .call("DeleteUserPoolDomain", Map.of("UserPoolId", other, "Domain", "never"))
                        .error())
                .isEqualTo("400 InvalidParameterException: No such domain or user pool exists.");
        assertThat(this.fixture
                        .call("DeleteUserPoolDomain", Map.of("UserPoolId", "us-east-1_missing00", "Domain", "owned"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void deletingADomainFreesItsNameAndItsPlaceAndLetsThePoolGo() {
        String poolId = this.fixture.createPool();
        create(poolId, "freed").requireSuccess();

        assertThat(this.fixture
                        .call("DeleteUserPool", Map.of("UserPoolId", poolId))
                        .error())
                .isEqualTo("400 InvalidParameterException: User pool cannot be deleted. It has a domain configured"
                        + " that should be deleted first.");
        Reply deleted = this.fixture.call("DeleteUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "freed"));

        assertThat(deleted.requireSuccess().json()).isEmpty();
        assertThat(describe("freed").json()).isEqualTo(Map.of("DomainDescription", Map.of()));
        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", poolId))
                        .map("UserPool"))
                .doesNotContainKey("Domain");
        String other = this.fixture.createPool();
        create(other, "freed").requireSuccess();
        create(poolId, "again").requireSuccess();
        this.fixture
                .call("DeleteUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "again"))
                .requireSuccess();
        this.fixture.call("DeleteUserPool", Map.of("UserPoolId", poolId)).requireSuccess();
    }

    @Test
    void aCustomDomainAloneAlsoBlocksDeletingThePool() {
        String poolId = this.fixture.createPool();
        createCustom(poolId, "auth.example.com").requireSuccess();

        assertThat(this.fixture
                        .call("DeleteUserPool", Map.of("UserPoolId", poolId))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void domainsAreUniqueWithinARegion() {
        assertThat(DomainActions.domainKey("eu-west-1", "x")).isEqualTo("eu-west-1/x");
        assertThat(DomainActions.slotKey("p", true)).isEqualTo("p/custom");
        assertThat(DomainActions.slotKey("p", false)).isEqualTo("p/prefix");
    }

    @Test
    void recordsRoundTripThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools()
                    .create(io.github.cognitoemulator.core.store.EmulatorStoreContract.pool("us-east-1_domains00"));
            var domain = new UserPoolDomain(
                    "auth.example.com",
                    "us-east-1_domains00",
                    "000000000000",
                    CERTIFICATE,
                    "d1234567890abc.cloudfront.net",
                    2,
                    Instant.parse("2020-07-16T08:54:18Z"));
            assertThat(store.resources().create(DomainActions.DOMAINS, "us-east-1_domains00", "k", domain))
                    .isTrue();
            assertThat(store.resources()
                            .create(
                                    DomainActions.SLOTS,
                                    "us-east-1_domains00",
                                    "s",
                                    new DomainSlot("auth.example.com")))
                    .isTrue();

            assertThat(store.resources()
                            .find(DomainActions.DOMAINS, "k")
                            .orElseThrow()
                            .value())
                    .isEqualTo(domain);
            assertThat(store.resources().list(DomainActions.SLOTS, "us-east-1_domains00"))
                    .extracting((resource) -> resource.value().domain())
                    .isEqualTo(List.of("auth.example.com"));
        }
    }
}
