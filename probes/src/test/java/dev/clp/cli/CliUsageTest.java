package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's own rough edges: help, versions and mistakes in flags get clear answers and exit 2. */
class CliUsageTest {

    @TempDir
    Path tmp;

    private static String starter() {
        return Path.of(System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter")).toString();
    }

    @Test
    void theTopLevelHelpGivesEveryCommandAWholeSentence() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().forEach((name, sub) -> {
            String[] description = sub.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            assertThat(description[0].strip()).as("the first line of '%s', shown in clp --help", name).endsWith(".");
        });
        Cli.Result help = Cli.clp("--help");
        assertThat(help.out()).contains("validate").contains("fmt").contains("calibrate");
    }

    @Test
    void versionNamesTheProjectVersion() {
        Cli.Result r = Cli.clp("--version");
        assertThat(r.out()).startsWith("clp ").doesNotContain("development build").containsPattern("clp \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void aBadTagExpressionIsAUsageErrorWithoutAStackTrace() {
        Cli.Result r = Cli.clp("run", "--suite", starter(), "--include-tag", "lang:sw &", "-Dclp.results.dir=" + tmp);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--include-tag").contains("lang:sw &").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("run.json")).doesNotExist();
    }

    @Test
    void anUpperCaseLanguageTagSaysTagsAreLowerCase() {
        Cli.Result r = Cli.clp("run", "--suite", starter(), "--include-tag", "lang:SW", "-Dclp.results.dir=" + tmp);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("lang:sw");
    }

    @Test
    void anEmptySummaryMarkdownPathStopsBeforeTheRun() {
        // --summary-markdown "$GITHUB_STEP_SUMMARY" with the variable unset
        Cli.Result r = Cli.clp("run", "--suite", starter(), "--summary-markdown", "", "-Dclp.results.dir=" + tmp);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--summary-markdown");
        assertThat(tmp.resolve("run.json")).doesNotExist();
    }

    @Test
    void aSummaryMarkdownFileInAMissingDirectoryStopsBeforeTheRun() {
        Cli.Result r = Cli.clp("run", "--suite", starter(), "--summary-markdown", tmp.resolve("no/such/dir/s.md").toString(),
                "-Dclp.results.dir=" + tmp);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such directory");
        assertThat(Files.exists(tmp.resolve("run.json"))).isFalse();
    }
}
