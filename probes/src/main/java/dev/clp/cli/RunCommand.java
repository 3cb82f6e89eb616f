package dev.clp.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.TagFilter.includeTags;

import dev.clp.config.ClpConstants;
import dev.clp.model.SafeText;
import dev.clp.reports.MarkdownSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp run}: runs suites through the clp engine with the JUnit Platform Launcher. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs suites through the clp engine and prints the per-language verdicts.",
                "Takes the same clp.* keys as Maven: -Dclp.model=openai:gpt-4o-mini -Dclp.concurrency=16 ...",
                "Exit status: 0 all gates pass or are inconclusive, 1 a test failed (a gate, an invalid suite line,",
                "a transport error) or a result file could not be written (every verdict is printed all the same),",
                "2 the run could not start (configuration) or would measure nothing (no pair)."})
final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_SUITES = "generated-suites/suites";

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would lose the level set on it. */
    private static final java.util.logging.Logger LAUNCHER_ISSUE_LOG =
            java.util.logging.Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", paramLabel = "DIR",
            description = "Suite directory, or a directory holding suites (repeatable). Default: " + DEFAULT_SUITES)
    private List<Path> suites = new ArrayList<>();

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "true",
            description = "A clp.* configuration key, as with Maven: -Dclp.model=sim:gpt-4o-mini")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--summary-markdown", paramLabel = "FILE",
            description = "Also write the verdict table as Markdown (e.g. $GITHUB_STEP_SUMMARY); appends")
    private Path markdown;

    @Option(names = "--include-tag", paramLabel = "EXPR",
            description = "JUnit tag expression, e.g. 'lang:sw | lang:yo' (repeatable)")
    private List<String> includeTags = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> dirs = suites.isEmpty() ? List.of(Path.of(DEFAULT_SUITES)) : suites;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                err.println("clp run: --suite " + dir + ": no such directory");
                return 2;
            }
        }
        String usage = checkUsage();
        if (usage != null) {
            err.println("clp run: " + usage);
            return 2;
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(includeEngines(ClpConstants.ENGINE_ID))
                .configurationParameters(properties)
                .configurationParameter(ClpConstants.CONSOLE_SUMMARY, "false");
        dirs.forEach(d -> request.selectors(selectDirectory(d.toFile())));
        if (!includeTags.isEmpty()) {
            request.filters(includeTags(includeTags));
        } else if (!properties.containsKey(ClpConstants.EAGER_START)
                && System.getenv(ClpConstants.environmentName(ClpConstants.EAGER_START)) == null) {
            // this command executes what it discovers and, without a tag filter, every pair it discovers: the model
            // may start on the first pairs while the rest of the suites are read
            request.configurationParameter(ClpConstants.EAGER_START, "true");
        }
        Issues issues = new Issues(err);
        request.listeners(issues);
        // this command prints the discovery issues itself (above); the launcher's own log of them would repeat each
        LAUNCHER_ISSUE_LOG.setLevel(java.util.logging.Level.OFF);
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener counts = new SummaryGeneratingListener();
        Capture capture = new Capture(out);
        launcher.execute(discovery, counts, capture);
        TestExecutionSummary summary = counts.getSummary();
        if (capture.engineFailure != null && capture.table == null && issues.errors > 0) {
            // a configuration error is an error discovery issue, printed above; the launcher's report repeats it
            err.println("clp run: nothing was run: fix the error" + (issues.errors > 1 ? "s" : "") + " above");
            return 2;
        }
        if (capture.engineFailure != null && capture.table == null) {
            err.println("clp run: " + SafeText.terminal(capture.engineFailure, true));
            return 2;
        }
        // an engine failure after the summary (a result file that could not be written) is in the failed list below
        if (capture.table == null) {
            if (!includeTags.isEmpty() && issues.suitesFound) {
                String lowered = String.join(" ", includeTags).toLowerCase(java.util.Locale.ROOT);
                boolean upper = !lowered.equals(String.join(" ", includeTags)) && lowered.contains("lang:");
                err.println("clp run: --include-tag " + String.join(" --include-tag ", includeTags) + " matched no test in "
                        + dirs + "; tags are lang:<tag> (e.g. lang:sw), gate, and the pairs' data tags"
                        + (upper ? "; tags are case-sensitive and language tags lower-case: --include-tag '" + lowered + "'"
                                : "") + "; nothing was run");
                return 2;
            }
            err.println("clp run: no suite found under " + dirs + " (a suite directory holds suite.json and pairs-<lang>.jsonl)");
            return 2;
        }
        out.println();
        out.print(SafeText.terminal(capture.table, true));
        out.printf("tests: %d passed, %d failed, %d not passed (not applicable, unparseable), %d skipped;"
                        + " %d of the passed are weak pairs, which their gates count%n",
                summary.getTestsSucceededCount(), summary.getTestsFailedCount(), summary.getTestsAbortedCount(),
                summary.getTestsSkippedCount(), capture.weakPairs.sum());
        if (summary.getTotalFailureCount() > 0) {
            out.println("failed:");
            // names come from suites and messages from servers: nothing in them may act on the terminal
            summary.getFailures().stream().limit(20).forEach(f -> out.println("  "
                    + SafeText.oneLine(f.getTestIdentifier().getDisplayName()) + ": "
                    + SafeText.oneLine(firstLine(f.getException().getMessage()))));
            if (summary.getFailures().size() > 20) {
                out.println("  … and " + (summary.getFailures().size() - 20) + " more (see run.json)");
            }
        }
        if (markdown != null && capture.resultsFile != null) {
            try {
                Files.writeString(markdown, MarkdownSummary.render(Path.of(capture.resultsFile)),
                        java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                err.println("clp run: --summary-markdown " + markdown + ": " + e.getMessage());
                return 2;
            }
        }
        out.flush();
        return summary.getTotalFailureCount() > 0 ? 1 : 0;
    }

    /** Mistakes in the flags, found before anything runs: a bad tag expression, an unusable --summary-markdown. */
    private String checkUsage() {
        for (String expression : includeTags) {
            try {
                includeTags(expression);
            } catch (RuntimeException e) {
                return "--include-tag '" + SafeText.oneLine(expression) + "' is not a valid tag expression ("
                        + SafeText.oneLine(e.getMessage()) + "); e.g. 'lang:sw | lang:yo', '!gate', 'lang:sw & gate'";
            }
        }
        if (markdown != null) {
            if (markdown.toString().isBlank()) {
                return "--summary-markdown was given an empty file name (an unset variable such as $GITHUB_STEP_SUMMARY?)";
            }
            Path parent = markdown.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "--summary-markdown " + markdown + ": no such directory " + parent;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    /**
     * Prints the engine's discovery warnings (unknown keys, invalid suite lines) to the error stream, the first
     * {@value #MAX_PRINTED} of them, and notes whether discovery found any suite before filters were applied.
     */
    private static final class Issues implements LauncherDiscoveryListener {
        private static final int MAX_PRINTED = 20;
        private final PrintWriter err;
        private int seen;
        /** Error issues seen: the launcher fails the engine on them before anything runs. */
        private int errors;
        /** A selector resolved: the engine found a suite (the listener sees no descriptors). */
        private volatile boolean suitesFound;

        Issues(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
            if (issue.severity() == DiscoveryIssue.Severity.INFO) {
                return;
            }
            seen++;
            if (issue.severity() == DiscoveryIssue.Severity.ERROR) {
                errors++;
            }
            if (seen <= MAX_PRINTED) {
                err.println("clp run: " + issue.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + issue.message());
            } else if (seen == MAX_PRINTED + 1) {
                err.println("clp run: … more discovery issues not shown");
            }
            err.flush();
        }

        @Override
        public void selectorProcessed(UniqueId engineId, org.junit.platform.engine.DiscoverySelector selector,
                SelectorResolutionResult result) {
            if (result.getStatus() == SelectorResolutionResult.Status.RESOLVED) {
                suitesFound = true;
            }
        }
    }

    /** Captures the summary table and an engine-level failure, and prints one line per finished language gate. */
    private static final class Capture implements TestExecutionListener {
        private final PrintWriter out;
        private String table;
        private String resultsFile;
        private String engineFailure;
        private final java.util.concurrent.atomic.LongAdder weakPairs = new java.util.concurrent.atomic.LongAdder();

        Capture(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            Map<String, String> kv = entry.getKeyValuePairs();
            if (kv.containsKey("clp.summary")) {
                table = kv.get("clp.summary");
                resultsFile = kv.get("clp.results");
            }
            if (kv.containsKey("clp.pair")) {
                weakPairs.increment(); // a weak pair that passed with its note (clp.fail-on=gates, or known weak)
            }
            if (kv.containsKey("clp.verdict")) {
                out.println("  " + SafeText.oneLine(id.getDisplayName()) + ": " + SafeText.oneLine(kv.get("clp.verdict")));
                out.flush();
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.getParentId().isEmpty() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                engineFailure = result.getThrowable().map(Throwable::getMessage).orElse("the clp engine failed");
            }
        }
    }
}
