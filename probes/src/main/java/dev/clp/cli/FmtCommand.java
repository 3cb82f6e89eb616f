package dev.clp.cli;

import dev.clp.model.SafeText;
import dev.clp.suite.SuiteLint;
import dev.clp.suite.SuiteProblem;
import dev.clp.suite.SuiteWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clp fmt}: rewrites suites in canonical form. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrites suites in canonical form.",
                "Rewrites pairs files in canonical form: sorted by id, one canonical JSON line per pair, as the",
                "importer and the generator write them. A file with a line that cannot be read is never rewritten",
                "(nothing is lost): its problems are printed and the exit is 1. --check changes nothing and exits 1",
                "when a file would change."})
final class FmtCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--check", description = "List the files that are not in canonical form; change nothing")
    private boolean check;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Suite directories, or directories holding suites")
    private List<Path> dirs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path dir : dirs) {
            List<Path> suites;
            try {
                suites = SuiteLint.suiteDirs(dir);
            } catch (IllegalArgumentException e) {
                err.println("clp fmt: " + e.getMessage());
                return 2;
            }
            for (Path suite : suites) {
                SuiteLint.SuiteReport report = SuiteLint.check(suite);
                report.problems().forEach(p -> err.println(SafeText.oneLine(p.toString())));
                exit = report.problems().isEmpty() ? exit : 1;
                for (SuiteLint.FileReport f : report.files()) {
                    if (!f.problems().isEmpty()) {
                        for (SuiteProblem p : f.problems()) {
                            err.println(SafeText.oneLine(p.toString()));
                        }
                        err.println(f.file() + ": not rewritten (" + f.problems().size() + " problems; fix them first)");
                        exit = 1;
                    } else if (!f.canonical()) {
                        if (check) {
                            out.println(f.file() + ": not in canonical form");
                            exit = 1;
                        } else {
                            SuiteWriter.writeAtomically(f.file(), f.canonicalText());
                            out.println(f.file() + ": formatted (" + f.pairs().size() + " pairs)");
                        }
                    }
                }
            }
        }
        return exit;
    }
}
