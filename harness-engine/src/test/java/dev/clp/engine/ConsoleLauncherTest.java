package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.testing.SuiteFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JUnit Console Launcher ({@code junit-platform-console-standalone}, copied by the build) in its
 * own JVM, discovering a directory with a tag filter.
 */
class ConsoleLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void discoversADirectoryAndRunsOnlyTheTaggedLanguage() throws IOException, InterruptedException {
        String out = launch("--details", "summary");
        assertThat(out).contains("14 tests found") // 12 pairs, the coverage and the gap gate
                .contains("SIMULATED")
                .contains("sw    Swahili").doesNotContain("yo    Yoruba");
        String runJson = Files.readString(tmp.resolve("results/run.json"));
        assertThat(runJson).contains("\"lang\" : \"sw\"").doesNotContain("\"lang\" : \"yo\"");
    }

    @Test
    void theTreeOfTheDefaultDetailsShowsTheSummaryTableOnce() throws IOException, InterruptedException {
        // the launcher prints the clp.summary report entry in its tree; the summary listener printed it again
        String out = launch();
        assertThat(out.lines().filter(l -> l.contains("sw    Swahili"))).hasSize(1);
        assertThat(out.lines().filter(l -> l.contains("clp-harness: model sim:"))).hasSize(1);
    }

    private String launch(String... details) throws IOException, InterruptedException {
        Path launcher = Path.of("target/console-launcher/junit-platform-console-standalone.jar");
        Path classpathFile = Path.of("target/runtime-classpath.txt");
        assumeTrue(Files.isRegularFile(launcher) && Files.isRegularFile(classpathFile),
                "run through Maven: the build copies the Console Launcher and writes the runtime classpath");
        String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Files.readString(classpathFile).strip();
        Path suite = SuiteFixtures.starterSuite();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", launcher.toAbsolutePath().toString(), "execute",
                "--class-path", classpath,
                "--select-directory", suite.toString(),
                "--include-engine", "clp",
                "--include-tag", "lang:sw",
                "--config", "clp.results.dir=" + tmp.resolve("results"),
                "--config", "clp.allure.results-dir=" + tmp.resolve("allure-results"),
                "--config", "clp.allow-simulated=true",
                // the 12-pair starter suite is underpowered; this test is about discovery through the launcher
                "--config", "clp.gate.allow-underpowered=true",
                "--disable-banner"));
        command.addAll(List.of(details));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
