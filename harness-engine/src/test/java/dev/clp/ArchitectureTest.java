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
        noClasses().that().resideOutsideOfPackages("dev.clp.engine..", "dev.clp.console..")
                .should().dependOnClassesThat().resideInAPackage("org.junit..")
                .because("suite, model and scoring are plain Java, usable without the Platform (the engine and the "
                        + "launcher listeners of dev.clp.console are the Platform's side)")
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
        noClasses().that().doNotHaveSimpleName("ConsoleSummaryListener").and().resideOutsideOfPackage("dev.clp.console..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the engine publishes report entries; launchers, their listeners (dev.clp.console) and the CLI "
                        + "own the terminal")
                .check(MAIN);
    }

    @Test
    void noJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
    }
}
