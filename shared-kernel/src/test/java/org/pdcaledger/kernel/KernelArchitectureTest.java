package org.pdcaledger.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shared kernel is the contract between the services and with integrators: plain records, no Spring,
 * every event versioned from the start.
 */
class KernelArchitectureTest {

    private static final JavaClasses KERNEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pdcaledger.kernel");

    @Test
    void theKernel_doesNotDependOnSpring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(KERNEL);
    }

    @Test
    void everyEvent_isARecordWithARevision() {
        classes().that().haveSimpleNameEndingWith("Event").and().areTopLevelClasses().and().areNotInterfaces()
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .check(KERNEL);
    }

    @Test
    void everyCommandAndQuery_isARecord() {
        classes().that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Query")
                .should().beRecords()
                .check(KERNEL);
    }

    @Test
    void messages_liveInAFeaturePackage_notAtTheTop() {
        classes().that().haveSimpleNameEndingWith("Event").or().haveSimpleNameEndingWith("Command")
                .should().resideOutsideOfPackage("org.pdcaledger.kernel")
                .check(KERNEL);
    }
}
