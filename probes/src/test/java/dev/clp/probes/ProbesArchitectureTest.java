package dev.clp.probes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The generator's real code uses the simulation in two places only, and only {@code clp serve-sim} starts the
 * simulator: {@code SuiteOutput} refuses to ship simulated text (it reads the mark), {@code SimulatedDefects} grades
 * pairs by the simulation's record of the faults it put in (not by marks). No check reads a mark (issue 19): the
 * checks are the code under test, and the simulation must not be able to let them pass.
 */
class ProbesArchitectureTest {

    /** The probes classes (outside the simulation itself) that may use {@code dev.clp.probes.sim}. */
    static final String[] READ_THE_MARKS = {"dev.clp.probes.SuiteOutput", "dev.clp.probes.SimulatedDefects"};

    static final ArchRule ONLY_THE_GUARDS_READ_THE_SIMULATION = noClasses()
            .that().resideOutsideOfPackage("dev.clp.probes.sim..")
            .and().doNotHaveFullyQualifiedName(READ_THE_MARKS[0])
            .and().doNotHaveFullyQualifiedName(READ_THE_MARKS[1])
            .should().dependOnClassesThat().resideInAPackage("dev.clp.probes.sim..")
            .because("the generator's simulation is a plug-in of the simulator, not part of the generator");

    static final ArchRule ONLY_SERVE_SIM_AND_THE_SIMULATION_USE_THE_SIMULATOR = noClasses()
            .that().resideOutsideOfPackage("dev.clp.probes.sim..")
            .and().doNotHaveFullyQualifiedName("dev.clp.cli.ServeSimCommand")
            .should().dependOnClassesThat().resideInAPackage("dev.clp.sim..")
            .because("the generator reaches models through ModelClients; sim:<profile> is a provider like any other");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clp.probes", "dev.clp.cli");

    @Test
    void onlyTheGuardsAgainstSimulatedTextReadTheSimulationsMarks() {
        ONLY_THE_GUARDS_READ_THE_SIMULATION.check(MAIN);
    }

    @Test
    void onlyServeSimAndTheGeneratorsSimulationUseTheSimulator() {
        ONLY_SERVE_SIM_AND_THE_SIMULATION_USE_THE_SIMULATOR.check(MAIN);
    }

    /** The generator's checks and every step that decides on a candidate: none may recognise the simulation's text. */
    static final String[] CHECKS = {"Checks", "SeedPreparation", "ImprovedStrategy", "ReferenceStrategy", "Panel",
        "BatchedCalls", "Search", "SearchNode", "Acceptance", "Prompts"};

    static void recognisesNoSimulation(String name, String code) {
        assertThat(code).as(name).doesNotContain("⟦").doesNotContain("sim:").doesNotContain("dev.clp.probes.sim")
                .doesNotContain("SimulatedText").doesNotContain("GroundTruth").doesNotContain("simulated()");
    }

    @Test
    void noCheckRecognisesTheSimulationsMarks() throws java.io.IOException {
        for (String name : CHECKS) {
            java.nio.file.Path source = java.nio.file.Path.of("src/main/java/dev/clp/probes", name + ".java");
            recognisesNoSimulation(source.toString(), java.nio.file.Files.readString(source));
        }
    }

    @Test
    void theSourceRuleFailsOnTheLanguageCheckAsItWas() {
        String was = "var simulated = SimulatedText.language(translated);\nif (simulated.isPresent()) {";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recognisesNoSimulation("Checks.java", was))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SimulatedText");
    }

    /** A class that would break both rules: a test class, so it is not in {@link #MAIN}. */
    static final class GeneratorThatSimulates {
        private GeneratorThatSimulates() {
        }

        static String mark() {
            return dev.clp.probes.sim.SimulatedText.marker("sw") + dev.clp.sim.SimProfile.names();
        }
    }

    @Test
    void eachRuleFailsOnAClassThatBreaksIt() {
        JavaClasses broken = new ClassFileImporter().importClasses(GeneratorThatSimulates.class);
        assertThat(ONLY_THE_GUARDS_READ_THE_SIMULATION.evaluate(broken).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("GeneratorThatSimulates") && d.contains("SimulatedText"));
        assertThat(ONLY_SERVE_SIM_AND_THE_SIMULATION_USE_THE_SIMULATOR.evaluate(broken).getFailureReport()
                .getDetails()).anyMatch(d -> d.contains("GeneratorThatSimulates") && d.contains("SimProfile"));
    }
}
