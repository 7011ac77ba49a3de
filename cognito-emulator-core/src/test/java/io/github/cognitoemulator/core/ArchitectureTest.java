package io.github.cognitoemulator.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String CORE = "io.github.cognitoemulator.core";

    private static final String[] FOUNDATION = {CORE + ".protocol..", CORE + ".error..", CORE + ".support.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void coreDoesNotDependOnSpring() {
        assertNoViolation(noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.."));
    }

    @Test
    void onlyTheJdbcStoreTalksToADatabase() {
        assertNoViolation(noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".store.jdbc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb.."));
    }

    @Test
    void protocolErrorsAndSupportDoNotDependOnTheFeaturePackages() {
        assertNoViolation(noClasses()
                .that()
                .resideInAnyPackage(FOUNDATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".pool..", CORE + ".client..", CORE + ".user..", CORE + ".password.."));
    }

    @Test
    void protocolErrorsAndSupportDependOnNothingElseOfTheCore() {
        assertNoViolation(noClasses()
                .that()
                .resideInAnyPackage(FOUNDATION)
                .should()
                .dependOnClassesThat(resideInAPackage(CORE + "..").and(not(resideInAnyPackage(FOUNDATION)))));
    }

    private static void assertNoViolation(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails())
                .as(rule.getDescription())
                .isEmpty();
    }
}
