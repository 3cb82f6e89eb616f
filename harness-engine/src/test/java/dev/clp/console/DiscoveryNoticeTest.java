package dev.clp.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.clp.testing.SuiteFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The lines a run prints while discovery reads its pairs, before the first progress line (it printed nothing). */
class DiscoveryNoticeTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DiscoveryNotice notice = new DiscoveryNotice(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            System::nanoTime);
    private final Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableLauncherDiscoveryListenerAutoRegistration(false).addLauncherDiscoveryListeners(notice).build());

    private void discover(DiscoverySelector selector, Map<String, String> settings) {
        launcher.discover(LauncherDiscoveryRequestBuilder.request().selectors(selector).filters(includeEngines("clp"))
                .configurationParameters(Map.of("clp.results.dir", tmp.resolve("clp").toString()))
                .configurationParameters(settings).build());
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aDiscoveryThatReadsPairsSaysSoAtItsFirstFileAndHowManyPairsItReadWhenItEnds() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 5, "sw", "yo");
        discover(selectDirectory(suite.toFile()), Map.of());
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).matches("clp: reading the suites' pairs files \\(pairs-(sw|yo)\\.jsonl first\\) …");
        assertThat(lines().get(1)).matches("clp: 10 pairs read from 2 files in \\d+\\.\\d s; the run starts");
    }

    @Test
    void theSecondDiscoveryOfOneLauncherPrintsNothingAgain() {
        // Surefire discovers twice with one launcher
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 3, "sw");
        discover(selectDirectory(suite.toFile()), Map.of());
        discover(selectDirectory(suite.toFile()), Map.of());
        assertThat(lines()).hasSize(2).last().asString().startsWith("clp: 3 pairs read from 1 file in ");
    }

    @Test
    void progressOffOrADiscoveryThatReadsNoPairsPrintsNothing() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 3, "sw");
        discover(selectDirectory(suite.toFile()), Map.of("clp.progress", "off"));
        discover(selectClass(DiscoveryNoticeTest.class), Map.of());
        assertThat(lines()).isEmpty();
    }

    @Test
    void everyLauncherLoadsItThroughServiceLoader() {
        // clp run (LauncherFactory.create()), Surefire and the Console Launcher register discovery listeners so
        assertThat(ServiceLoader.load(LauncherDiscoveryListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(DiscoveryNotice.class);
    }
}
