package io.github.cognitoemulator.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String CORE = "io.github.cognitoemulator.core";

    private static final String[] FOUNDATION = {CORE + ".protocol..", CORE + ".error..", CORE + ".support.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void coreDoesNotDependOnSpring() {
        noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void protocolErrorsAndSupportDoNotDependOnTheFeaturePackages() {
        noClasses()
                .that()
                .resideInAnyPackage(FOUNDATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".pool..", CORE + ".client..", CORE + ".user..", CORE + ".password..")
                .check(CLASSES);
    }

    @Test
    void protocolErrorsAndSupportDependOnNothingElseOfTheCore() {
        noClasses()
                .that()
                .resideInAnyPackage(FOUNDATION)
                .should()
                .dependOnClassesThat(resideInAPackage(CORE + "..").and(not(resideInAnyPackage(FOUNDATION))))
                .check(CLASSES);
    }
}
