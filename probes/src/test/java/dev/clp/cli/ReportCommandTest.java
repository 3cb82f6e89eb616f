package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private Path run(String model) {
        Path dir = tmp.resolve(model.replace(':', '-'));
        Cli.Result r = Cli.clp("run", "--suite", System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter"),
                "--include-tag", "lang:sw | lang:he | lang:am", "-Dclp.model=" + model, "-Dclp.results.dir=" + dir,
                "-Dclp.allure=off", "-Dclp.cache=off");
        assertThat(dir.resolve("run.json")).as(r.out() + r.err()).exists();
        return dir.resolve("run.json");
    }

    @Test
    void reportWritesTheThreeFilesAndAppendsTheMarkdownSummary() throws Exception {
        Path a = run("sim:gpt-4o");
        Path b = run("sim:llama-3.1-8b");
        Path summary = tmp.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");

        Cli.Result r = Cli.clp("report", a.toString(), b.toString(), "--out", tmp.resolve("rep").toString(),
                "--summary-markdown", summary.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("report: " + tmp.resolve("rep/report.html").toAbsolutePath());
        assertThat(tmp.resolve("rep/report.json")).exists();
        assertThat(Files.readString(summary)).startsWith("earlier step\n").contains("## clp-harness report")
                .contains("### sim:llama-3.1-8b against sim:gpt-4o");
    }

    @Test
    void missingOrForeignFilesAreNamed() throws Exception {
        Cli.Result missing = Cli.clp("report", tmp.resolve("nope.json").toString(), "--out", tmp.resolve("r").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: no such file");

        Path foreign = tmp.resolve("other.json");
        Files.writeString(foreign, "{\"format\":\"something-else\"}");
        Cli.Result wrong = Cli.clp("report", foreign.toString(), "--out", tmp.resolve("r").toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains(foreign.toString()).contains("not a clp run record");

        Cli.Result badBaseline = Cli.clp("report", run("sim:gpt-4o").toString(), "--baseline", foreign.toString(), "--out",
                tmp.resolve("r").toString());
        assertThat(badBaseline.exit()).isEqualTo(1);
        assertThat(badBaseline.err()).contains("not a baseline");
    }

    @Test
    void aResultsDirectoryStandsForItsRunJson() throws Exception {
        Path runJson = run("sim:gpt-4o");
        Cli.Result r = Cli.clp("report", runJson.getParent().toString(), "--out", tmp.resolve("rep").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tmp.resolve("rep/report.html")).exists();

        Cli.Result empty = Cli.clp("report", tmp.resolve("rep").toString(), "--out", tmp.resolve("r2").toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("a directory without a run.json");
    }
}
