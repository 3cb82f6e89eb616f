package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;

/** A suite packed in a jar on the classpath: found, and the jar's file system closed again after discovery. */
class ClasspathJarTest {

    @TempDir
    Path tmp;

    @Test
    void aSuiteInAJarResolvesTwiceInOneJvmAndLeavesNoFileSystemOpen() throws Exception {
        Path jar = jarWith(SuiteFixtures.suite(tmp.resolve("s"), "packed", 3, "sw"), "packed-suite");
        URI jarUri = URI.create("jar:" + jar.toUri());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            for (int round = 0; round < 2; round++) {
                TestDescriptor engine = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                        .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                        .selectors(selectClasspathResource("packed-suite")).discover().getEngineDescriptor();
                assertThat(engine.getDescendants().stream().map(d -> d.getUniqueId().toString()))
                        .as("round %d", round).contains("[engine:clp]/[suite:packed]/[lang:sw]/[gate:gap]")
                        .filteredOn(id -> id.contains("[pair:")).hasSize(3);
                assertThatThrownBy(() -> FileSystems.getFileSystem(jarUri)).as("the jar's file system, round %d", round)
                        .isInstanceOf(FileSystemNotFoundException.class);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The pairs of a suite in a jar are read when they run, after discovery closed the jar's file system: they run,
     * named exactly as the same suite on disk names them.
     */
    @Test
    void aSuiteInAJarRunsItsPairsAfterDiscoveryAndNamesThemAsOnDisk() throws Exception {
        Path dir = SuiteFixtures.suite(tmp.resolve("s"), "packed", 3, "sw");
        Path jar = jarWith(dir, "packed-suite");
        List<String> onDisk = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory(dir.toFile()))
                .discover().getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getUniqueId().toString().contains("[pair:")).map(TestDescriptor::getDisplayName)
                .sorted().toList();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            org.junit.platform.testkit.engine.EngineExecutionResults results = EngineRun.in(tmp.resolve("run"))
                    .engine(new ClpTestEngine(Map.of())).configurationParameter("clp.model", "sim:gpt-4o")
                    .configurationParameter("clp.gate.allow-underpowered", "true")
                    .selectors(selectClasspathResource("packed-suite")).execute();
            assertThat(results.testEvents().finished().stream()
                    .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("[pair:"))
                    .map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList())
                    .as("every pair ran, named as on disk").hasSize(3).isEqualTo(onDisk);
            results.testEvents().assertThatEvents().doNotHave(org.junit.platform.testkit.engine.EventConditions.event(
                    org.junit.platform.testkit.engine.EventConditions.test("pair"),
                    org.junit.platform.testkit.engine.EventConditions.finishedWithFailure()));
            assertThat(Files.readString(tmp.resolve("run/results/run.json"))).contains("\"pairs\"");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private Path jarWith(Path suiteDir, String prefix) throws IOException {
        Path jar = tmp.resolve("suites.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(prefix + "/"));
            out.closeEntry();
            for (Path f : list(suiteDir)) {
                out.putNextEntry(new JarEntry(prefix + "/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
