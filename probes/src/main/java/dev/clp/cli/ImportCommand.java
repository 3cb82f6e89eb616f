package dev.clp.cli;

import dev.clp.importer.ClpPublishedImporter;
import dev.clp.importer.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp import}: brings published data into suite format v1. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports published pairs into a suite.",
        subcommands = {ImportCommand.Clp.class})
final class ImportCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code clp import clp}: the Cross-Lingual Pitfalls release format. */
    @Command(name = "clp", mixinStandardHelpOptions = true,
            description = {"Imports Cross-Lingual Pitfalls pairs (<Language>.json) into a suite directory.",
                    "Repairs only unambiguous defects (quoted choices, a collapsed choice list) and records each;",
                    "everything else goes to quarantine.jsonl with one reason. imported + quarantined = read.",
                    "Exit status: 0 every input read, 1 an input could not be read (named on stderr);",
                    "when none could, no suite is written."})
    static final class Clp implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE|DIR|URL",
                description = "A <Language>.json file, a directory of them, or an http(s) URL (repeatable)")
        private List<String> inputs;

        @Option(names = "--output", required = true, paramLabel = "DIR", description = "The suite directory to write")
        private Path output;

        @Option(names = "--suite-id", description = "Suite id for a new suite.json (default: the directory name)")
        private String suiteId;

        @Option(names = "--suite-version", description = "Suite version for a new suite.json (default: 1.0.0)")
        private String version;

        @Option(names = "--language", paramLabel = "TAG",
                description = "BCP 47 tag for inputs whose file name is not a language name")
        private String language;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportReport report = ClpPublishedImporter.run(
                    inputs.stream().map(ClpPublishedImporter.Input::new).toList(), output,
                    new ClpPublishedImporter.Options(suiteId, version, language));
            out.print(report.render());
            out.println(report.suiteWritten()
                    ? "suite written to " + output + " (quarantine: " + output.resolve(ClpPublishedImporter.QUARANTINE_FILE) + ")"
                    : "nothing written to " + output + ": no input could be read");
            out.flush();
            report.errors().forEach(e -> err.println("clp import: " + e));
            return report.errors().isEmpty() ? 0 : 1;
        }
    }
}
