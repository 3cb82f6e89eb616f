package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.clp.testing.ApiRules;
import org.junit.jupiter.api.Test;

/**
 * The reports module uses harness-engine only through its API. The rule itself is shown to fail on a class that
 * breaks it in harness-engine's {@code PublicApiTest}.
 */
class ModuleBoundaryTest {

    /** This module's classes and, from the class path, those of harness-engine they depend on. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clp");

    @Test
    void usesNoInternalTypeOfHarnessEngine() {
        ApiRules.usesNoInternalsOfOtherModules("dev.clp.reports..").check(MAIN);
    }

    @Test
    void seesTheMarkersOfHarnessEngineTypesOnThisClassPath() {
        // the engine package uses AllureResults and PairEvaluator, both INTERNAL to harness-engine's other
        // packages: read from this module's class path, the rule must see their markers and report the uses
        EvaluationResult engine = ApiRules.usesNoInternalsOfOtherModules("dev.clp.engine..").evaluate(MAIN);

        assertThat(String.join("\n", engine.getFailureReport().getDetails()))
                .contains("<dev.clp.allure.AllureResults").contains("<dev.clp.scoring.PairEvaluator");
    }
}
