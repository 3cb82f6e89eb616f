package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clp validate} and {@code clp fmt} on a copy of the starter suite, edited by hand as a user would. */
class ValidateFmtCommandTest {

    private static final Path STARTER = Path.of("../generated-suites/suites/starter");

    @TempDir
    Path tmp;
    Path suite;

    @BeforeEach
    void copyStarter() throws IOException {
        suite = tmp.resolve("starter");
        Files.createDirectories(suite);
        try (Stream<Path> files = Files.list(STARTER)) {
            for (Path f : files.toList()) {
                Files.copy(f, suite.resolve(f.getFileName()));
            }
        }
    }

    private List<String> lines(String file) throws IOException {
        return new ArrayList<>(Files.readAllLines(suite.resolve(file), StandardCharsets.UTF_8));
    }

    private void write(String file, List<String> lines) throws IOException {
        Files.writeString(suite.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theStarterSuiteIsValidAndCanonical() {
        Cli.Result r = Cli.clp("validate", suite.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("192 pairs in 16 languages").contains("no problems");
        assertThat(Cli.clp("fmt", "--check", suite.toString()).exit()).isZero();
    }

    @Test
    void everyProblemIsNamedByFileAndLineAndTheExitIsOne() throws IOException {
        List<String> sw = lines("pairs-sw.jsonl");
        sw.set(2, sw.get(2).substring(0, 40));                     // line 3: cut off mid-JSON
        sw.add(sw.get(5));                                        // line 13: line 6 again
        write("pairs-sw.jsonl", sw);

        Cli.Result r = Cli.clp("validate", suite.toString());
        assertThat(r.exit()).isEqualTo(1);
        String sws = suite.resolve("pairs-sw.jsonl").toString();
        assertThat(r.out()).contains(sws + ":3:").contains("not valid JSON");
        assertThat(r.out()).contains(sws + ":13:").contains("duplicate id");
        assertThat(r.out()).contains("2 problems");
    }

    @Test
    void mismatchedOptionCountsAreAnAlignmentProblem() throws IOException {
        List<String> yo = lines("pairs-yo.jsonl");
        String line = yo.get(3);
        int target = line.indexOf("\"target\"");
        int choices = line.indexOf("\"choices\":[", target) + "\"choices\":[".length();
        int firstEnd = line.indexOf("\",\"", choices);
        yo.set(3, line.substring(0, choices) + line.substring(firstEnd + 2));  // drop the target's first option
        write("pairs-yo.jsonl", yo);

        Cli.Result r = Cli.clp("validate", suite.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(suite.resolve("pairs-yo.jsonl") + ":4:").contains("target.choices")
                .contains("3 options").contains("4");
    }

    @Test
    void unsortedOrReformattedLinesAreReportedAndFmtRewritesThem() throws IOException {
        List<String> de = lines("pairs-de.jsonl");
        Collections.reverse(de);
        de.set(0, de.get(0).replace("\",\"", "\", \""));             // hand-edited spacing
        write("pairs-de.jsonl", de);
        String before = Files.readString(suite.resolve("pairs-de.jsonl"));

        Cli.Result check = Cli.clp("fmt", "--check", suite.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("pairs-de.jsonl");
        assertThat(Files.readString(suite.resolve("pairs-de.jsonl"))).as("--check changes nothing").isEqualTo(before);

        Cli.Result v = Cli.clp("validate", suite.toString());
        assertThat(v.exit()).isEqualTo(1);
        assertThat(v.out()).contains("pairs-de.jsonl").contains("clp fmt");

        Cli.Result fmt = Cli.clp("fmt", suite.toString());
        assertThat(fmt.exit()).as(fmt.err()).isZero();
        assertThat(fmt.out()).contains("pairs-de.jsonl");
        assertThat(Files.readString(suite.resolve("pairs-de.jsonl")))
                .isEqualTo(Files.readString(STARTER.resolve("pairs-de.jsonl")));
        assertThat(Cli.clp("validate", suite.toString()).exit()).isZero();
    }

    @Test
    void fmtNeverRewritesAFileWithAnUnreadableLine() throws IOException {
        List<String> sw = lines("pairs-sw.jsonl");
        Collections.reverse(sw);
        sw.set(4, "{\"id\": \"sw-broken\"");
        write("pairs-sw.jsonl", sw);
        String before = Files.readString(suite.resolve("pairs-sw.jsonl"));

        Cli.Result r = Cli.clp("fmt", suite.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(suite.resolve("pairs-sw.jsonl") + ":5:").contains("not rewritten");
        assertThat(Files.readString(suite.resolve("pairs-sw.jsonl"))).isEqualTo(before);
    }

    @Test
    void aMissingDirectoryOrManifestIsAUsageError() throws IOException {
        assertThat(Cli.clp("validate", tmp.resolve("nope").toString()).exit()).isEqualTo(2);
        Files.delete(suite.resolve("suite.json"));
        Cli.Result r = Cli.clp("validate", suite.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("suite.json");
    }
}
