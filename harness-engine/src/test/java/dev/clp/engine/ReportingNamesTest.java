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
 * The names Surefire and Gradle write into their XML reports (the legacy reporting names) are unique across suites:
 * two suites with the same languages used to give two "gap gate · Swahili", which Surefire reports as one flaky test
 * ("Run 1: FAIL, Run 2: PASS") and CI test reporters merge.
 */
class ReportingNamesTest {

    @TempDir
    Path tmp;

    @Test
    void everyTestHasAReportingNameOfItsOwnNamingItsSuite() {
        SuiteFixtures.suite(tmp.resolve("a"), "alpha", 3, "sw", "yo");
        SuiteFixtures.suite(tmp.resolve("b"), "beta", 3, "sw", "yo");
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(tmp.toFile()))
                .configurationParameters(Map.of("clp.allow-simulated", "true")).build());
        List<TestIdentifier> tests = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                .filter(TestIdentifier::isTest).toList();
        assertThat(tests).hasSizeGreaterThanOrEqualTo(2 * 2 * (3 + 2));
        assertThat(tests).extracting(TestIdentifier::getLegacyReportingName).doesNotHaveDuplicates();
        assertThat(tests).extracting(TestIdentifier::getLegacyReportingName)
                .contains("[alpha] gap gate · Swahili", "[beta] gap gate · Swahili")
                .allMatch(n -> n.startsWith("[alpha] ") || n.startsWith("[beta] "));
        // what people read in an IDE or the console stays as it was
        assertThat(tests).extracting(TestIdentifier::getDisplayName).contains("gap gate · Swahili");
    }
}
