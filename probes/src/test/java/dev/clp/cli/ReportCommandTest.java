package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {
    }

    private static Result clp(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new java.io.PrintWriter(out));
        cmd.setErr(new java.io.PrintWriter(err));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

    private Path run(String model) {
        Path dir = tmp.resolve(model.replace(':', '-'));
        Result r = clp("run", "--suite", System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter"),
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

        Result r = clp("report", a.toString(), b.toString(), "--out", tmp.resolve("rep").toString(),
                "--summary-markdown", summary.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("report: " + tmp.resolve("rep/report.html").toAbsolutePath());
        assertThat(tmp.resolve("rep/report.json")).exists();
        assertThat(Files.readString(summary)).startsWith("earlier step\n").contains("## clp-harness report")
                .contains("### sim:llama-3.1-8b against sim:gpt-4o");
    }

    @Test
    void missingOrForeignFilesAreNamed() throws Exception {
        Result missing = clp("report", tmp.resolve("nope.json").toString(), "--out", tmp.resolve("r").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: no such file");

        Path foreign = tmp.resolve("other.json");
        Files.writeString(foreign, "{\"format\":\"something-else\"}");
        Result wrong = clp("report", foreign.toString(), "--out", tmp.resolve("r").toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains(foreign.toString()).contains("not a clp run record");

        Result badBaseline = clp("report", run("sim:gpt-4o").toString(), "--baseline", foreign.toString(), "--out",
                tmp.resolve("r").toString());
        assertThat(badBaseline.exit()).isEqualTo(1);
        assertThat(badBaseline.err()).contains("not a baseline");
    }
}
