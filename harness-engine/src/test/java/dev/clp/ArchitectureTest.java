package dev.clp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The layering the module README promises, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clp");

    @Test
    void onlyTheEnginePackageTouchesJunitPlatformTypes() {
        noClasses().that().resideOutsideOfPackage("dev.clp.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.junit..")
                .because("suite, model and scoring are plain Java, usable without the Platform")
                .check(MAIN);
    }

    @Test
    void theCorePackagesDoNotDependOnTheEngine() {
        noClasses().that().resideInAnyPackage("dev.clp.suite..", "dev.clp.model..", "dev.clp.scoring..",
                "dev.clp.config..", "dev.clp.importer..")
                .should().dependOnClassesThat().resideInAPackage("dev.clp.engine..")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.clp.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void libraryCodeDoesNotWriteToStandardStreams() {
        noClasses().that().doNotHaveSimpleName("ConsoleSummaryListener")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the engine publishes report entries; launchers and the CLI own the terminal")
                .check(MAIN);
    }

    @Test
    void noJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
    }
}
