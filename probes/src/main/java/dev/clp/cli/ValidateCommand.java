package dev.clp.cli;

import dev.clp.model.SafeText;
import dev.clp.suite.SuiteLint;
import dev.clp.suite.SuiteProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clp validate}: checks hand-written suites before they reach a run. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks hand-written suites and names every problem by file and line.",
                "Checks suites: the manifest, every line against the pair schema, ids, duplicates, both sides",
                "offering the same options, and canonical form (sorted by id, one canonical line per pair; clp fmt",
                "writes it). Prints every problem as FILE:LINE: FIELD: MESSAGE. Exit 0: no problems; 1: problems;",
                "2: no such directory."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Suite directories, or directories holding suites")
    private List<Path> dirs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        int pairs = 0;
        var languages = new TreeSet<String>();
        for (Path dir : dirs) {
            List<Path> suites;
            try {
                suites = SuiteLint.suiteDirs(dir);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("clp validate: " + e.getMessage());
                return 2;
            }
            if (suites.isEmpty()) {
                spec.commandLine().getErr().println("clp validate: " + dir + ": no suite (no suite.json or pairs-*.jsonl)");
                return 2;
            }
            for (Path suite : suites) {
                SuiteLint.SuiteReport report = SuiteLint.check(suite);
                for (SuiteProblem p : report.allProblems()) {
                    out.println(SafeText.oneLine(p.toString()));
                    problems++;
                }
                for (SuiteLint.FileReport f : report.files()) {
                    if (f.problems().isEmpty() && !f.canonical()) {
                        out.println(f.file() + ": not in canonical form (sorted by id, one canonical JSON line per "
                                + "pair); run: clp fmt " + suite);
                        problems++;
                    }
                    languages.add(f.lang());
                }
                pairs += report.pairs();
            }
        }
        String counted = pairs + " pairs in " + languages.size() + " languages";
        out.println(problems == 0 ? counted + ": no problems"
                : problems + (problems == 1 ? " problem" : " problems") + " (" + counted + " loaded)");
        return problems == 0 ? 0 : 1;
    }
}
