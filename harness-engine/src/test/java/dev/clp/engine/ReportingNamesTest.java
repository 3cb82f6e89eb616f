package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The names CI reports show are unique across suites. Surefire 3.5 writes a test's display name into its XML and puts
 * every test of a {@code @Suite} class under that one class, so two suites with the same languages (and the same pairs)
 * gave two "gap gate · Swahili", which Surefire reports as one flaky test ("Run 1: FAIL, Run 2: PASS"). Gradle and the
 * Console Launcher's XML use the legacy reporting name, which is the display name.
 */
class ReportingNamesTest {

    @TempDir
    Path tmp;

    private TestPlan discover(Path dir) {
        return LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(dir.toFile()))
                .configurationParameters(Map.of("clp.allow-simulated", "true")).build());
    }

    private static List<TestIdentifier> tests(TestPlan plan) {
        return plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                .filter(TestIdentifier::isTest).toList();
    }

    @Test
    void twoSuitesWithTheSamePairsGiveNoTwoTestsOfOneName() {
        SuiteFixtures.suite(tmp.resolve("a"), "alpha", 3, "sw", "yo");
        SuiteFixtures.suite(tmp.resolve("b"), "beta", 3, "sw", "yo");
        List<TestIdentifier> tests = tests(discover(tmp));
        assertThat(tests).hasSize(2 * 2 * (3 + 2));
        assertThat(tests).extracting(TestIdentifier::getDisplayName).doesNotHaveDuplicates()
                .contains("[alpha] gap gate · Swahili", "[beta] gap gate · Swahili")
                .allMatch(n -> n.startsWith("[alpha] ") || n.startsWith("[beta] "));
        assertThat(tests).extracting(TestIdentifier::getLegacyReportingName).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("[alpha] ") || n.startsWith("[beta] "));
    }

    @Test
    void aNameDoesNotChangeWhenASuiteIsAddedToTheRun() {
        SuiteFixtures.suite(tmp.resolve("a"), "alpha", 3, "sw", "yo");
        List<TestIdentifier> alone = tests(discover(tmp.resolve("a")));
        SuiteFixtures.suite(tmp.resolve("b"), "beta", 3, "sw", "yo");
        List<TestIdentifier> both = tests(discover(tmp));
        assertThat(both).extracting(TestIdentifier::getDisplayName)
                .containsAll(alone.stream().map(TestIdentifier::getDisplayName).toList());
        assertThat(alone).extracting(TestIdentifier::getDisplayName).contains("[alpha] gap gate · Swahili");
    }
}
