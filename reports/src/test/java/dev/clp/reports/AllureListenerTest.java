package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * With Allure's own JUnit Platform listener on the classpath (a test dependency of this module, registered by the
 * Launcher like in a user's build) and both writing to one directory, every clp test has exactly one result: the
 * engine's.
 */
class AllureListenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void withAllureOwnListenerOnTheClasspathEveryClpTestHasOneResult() throws Exception {
        String dir = System.getProperty("allure.results.directory");
        assumeTrue(dir != null, "allure.results.directory is set by this module's Surefire configuration");
        Path results = Path.of(dir);
        Path suite = SuiteFixtures.suite(tmp.resolve("suite"), "dup", 6, "sw", "yo");
        AtomicInteger listenerFilesSeen = new AtomicInteger();
        TestExecutionListener probe = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                listenerFilesSeen.accumulateAndGet(listenerResults(results).size() + clpContainers(results), Math::max);
            }
        };

        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(suite.toFile()))
                .filters(includeEngines("clp"))
                .configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.console.summary", "false")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", results.toString())
                .configurationParameter("clp.allure.pairs", "all")
                .build(), probe);

        assertThat(listenerFilesSeen.get()).as("Allure's listener wrote files for clp tests during the run").isPositive();
        assertThat(listenerResults(results)).as("none of its results is left afterwards").isEmpty();
        assertThat(clpContainers(results)).as("nor its containers").isZero();
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode r : results(results)) {
            if (r.path("fullName").asText().contains("[suite:dup]")) {
                ours.add(r);
            }
        }
        // per language 6 pairs, the coverage and the gap gate
        assertThat(ours).as("one result per pair and per gate").hasSize(2 * 6 + 2 * 2);
    }

    private static List<JsonNode> results(Path dir) {
        List<JsonNode> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*-result.json")) {
            for (Path f : files) {
                try {
                    out.add(JSON.readTree(f.toFile()));
                } catch (IOException e) {
                    // a file the listener is still writing; the next scan reads it
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Containers the Allure listener wrote for the clp tests of this suite. */
    private static int clpContainers(Path dir) {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*-container.json")) {
            for (Path f : files) {
                String name = JSON.readTree(f.toFile()).path("name").asText();
                // every gate kind: a language now has a coverage gate beside its gap gate
                n += name.matches("\\[[^]]+\\] ((sw|yo)-[0-9a-f]{16}: .*|(coverage|gap|regression) gate · .*)") ? 1 : 0;
            }
        } catch (IOException e) {
            return n;
        }
        return n;
    }

    /** Results the Allure listener wrote for clp tests. */
    private static List<JsonNode> listenerResults(Path dir) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : results(dir)) {
            for (JsonNode l : r.path("labels")) {
                if ("junit.platform.uniqueid".equals(l.path("name").asText())
                        && l.path("value").asText().startsWith("[engine:clp]")) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
