package dev.clp.cli;

import dev.clp.batch.BatchState;
import dev.clp.batch.Batches;
import dev.clp.config.ConfigException;
import dev.clp.model.SafeText;
import dev.clp.model.internal.ResponseCache;
import dev.clp.model.spi.BatchApi;
import dev.clp.model.spi.BatchException;
import dev.clp.suite.SuiteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clp batch}: the run's requests through a provider's batch API (half the price, larger limits), or a
 * self-hosted server's batch runner; the answers land in the response cache, and {@code clp run} with the same keys
 * then replays them.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Sends a run's requests through a batch API; the answers fill the response cache.",
                "  clp batch submit --suite DIR -Dclp.model=openai:gpt-4o-mini  (returns at once)",
                "  clp batch status | clp batch collect [--wait] | clp batch cancel",
                "  clp run --suite DIR -Dclp.model=openai:gpt-4o-mini -Dclp.cache=replay",
                "Self-hosted (vLLM run-batch):",
                "  clp batch export --suite DIR -D... --out requests.jsonl",
                "  clp batch import --suite DIR -D... --file output.jsonl",
                "Exit status: 0 done; 1 requests or lines without an answer (named; submit",
                "sends them again); 2 configuration or a failed call; 3 batches still running."},
        subcommands = {BatchCommand.Submit.class, BatchCommand.Status.class, BatchCommand.Collect.class,
                BatchCommand.Cancel.class, BatchCommand.Export.class, BatchCommand.Import.class})
final class BatchCommand implements Runnable {

    static final String DEFAULT_STATE = "clp-batch-state.json";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The state file option every subcommand takes. */
    static class StateOption {
        @Option(names = "--state", paramLabel = "FILE", description = "The batch state file. Default: " + DEFAULT_STATE)
        Path state = Path.of(DEFAULT_STATE);
    }

    /** The suites and keys of the run, for the subcommands that read the suites. */
    static class RunOptions extends StateOption {
        @Option(names = "--suite", paramLabel = "DIR", required = true,
                description = "Suite directory, or a directory holding suites (repeatable), as for clp run")
        List<Path> suites = new ArrayList<>();

        @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "true",
                description = "A clp.* key, as for clp run: the same keys make the same requests and cache keys")
        Map<String, String> properties = new LinkedHashMap<>();
    }

    /** Runs {@code body}, turning the failures a user can cause into one line on stderr and exit status 2. */
    abstract static class Step implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Where the batch layer's progress lines go: this command's output, one terminal-safe line each. */
        java.util.function.Consumer<String> printer() {
            return line -> out().println(SafeText.oneLine(line));
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                int exit = body();
                out().flush();
                return exit;
            } catch (BatchException | ConfigException | SuiteException | ResponseCache.CacheException e) {
                out().flush();
                err.println("clp batch " + spec.name() + ": " + SafeText.terminal(e.getMessage(), true));
                err.flush();
                return 2;
            }
        }

        abstract int body();

        void ledger(Batches b) {
            BatchState s = b.state();
            out().printf("answers from batches: %d (%d tokens in, %d out), synchronous fallback: %d; cost at the batch "
                    + "price: $%.4f%n", s.batchAnswers(), s.promptTokens(), s.completionTokens(), s.synchronousAnswers(),
                    b.batchCost());
        }

        int report(Batches.Collected c) {
            PrintWriter err = spec.commandLine().getErr();
            c.badLines().forEach(l -> err.println("clp batch " + spec.name() + ": unreadable result line: "
                    + SafeText.oneLine(l)));
            c.failed().forEach((key, why) -> err.println("clp batch " + spec.name() + ": no answer for " + key + ": "
                    + SafeText.oneLine(why)));
            err.flush();
            out().printf("filed %d answers in the cache%s; %d requests without an answer%s; %d batches running%n",
                    c.answers(), c.synchronous() > 0 ? " (+" + c.synchronous() + " synchronously)" : "",
                    c.failed().size(), c.failed().isEmpty() ? "" : " (clp batch submit sends them again)", c.pending());
            if (!c.failed().isEmpty() || !c.badLines().isEmpty()) {
                return 1;
            }
            return c.pending() > 0 ? 3 : 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Submits every request of the run not already cached or in a batch; returns at once.")
    static final class Submit extends Step {
        @CommandLine.Mixin
        RunOptions run = new RunOptions();

        @Override
        int body() {
            Batches b = Batches.forRun(run.state, run.suites, run.properties, System.getenv(),
                    printer());
            Batches.Submitted s = b.submit();
            out().printf("%d requests: %d cached, %d in batches already, %d submitted in %d batches %s; state: %s%n",
                    s.requests(), s.cached(), s.inFlight(), s.submitted(), s.batches().size(), s.batches(), run.state);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the batches not collected yet.")
    static final class Status extends Step {
        @CommandLine.Mixin
        StateOption state = new StateOption();

        @Override
        int body() {
            Batches b = Batches.forState(state.state, System.getenv(), printer());
            List<BatchApi.Remote> remotes = b.status();
            for (BatchApi.Remote r : remotes) {
                out().println(SafeText.oneLine(r.id() + ": " + r.status() + " (" + r.counts() + ")"
                        + (r.problem().isEmpty() ? "" : "; " + r.problem())));
            }
            long collected = b.state().batches().stream().filter(BatchState.Batch::collected).count();
            out().printf("%d batches running or not collected, %d collected; %d requests without an answer%n",
                    remotes.size(), collected, b.state().failed().size());
            ledger(b);
            return 0;
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Files the answers of finished batches in the response cache (resumable).")
    static final class Collect extends Step {
        @CommandLine.Mixin
        StateOption state = new StateOption();

        @Option(names = "--wait", description = "Poll until every batch has finished")
        boolean await;

        @Option(names = "--poll-seconds", paramLabel = "N", description = "Seconds between polls with --wait. Default: 30")
        int pollSeconds = 30;

        @Option(names = "--sync-fallback",
                description = "Send the requests a batch did not answer synchronously (list price) instead of "
                        + "leaving them for the next submit")
        boolean syncFallback;

        @Override
        int body() {
            Batches b = Batches.forState(state.state, System.getenv(), printer());
            int exit = report(b.collect(await, Duration.ofSeconds(Math.max(1, pollSeconds)), syncFallback));
            ledger(b);
            return exit;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancels the batches not collected yet; collect then files what they answered.")
    static final class Cancel extends Step {
        @CommandLine.Mixin
        StateOption state = new StateOption();

        @Override
        int body() {
            Batches b = Batches.forState(state.state, System.getenv(), printer());
            for (BatchApi.Remote r : b.cancel()) {
                out().println(SafeText.oneLine(r.id() + ": " + r.status()));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the requests not in the cache as OpenAI batch JSONL (vLLM run-batch's input).")
    static final class Export extends Step {
        @CommandLine.Mixin
        RunOptions run = new RunOptions();

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The JSONL file to write")
        Path file;

        @Override
        int body() {
            int n = Batches.forRun(run.state, run.suites, run.properties, System.getenv(),
                    printer()).export(file);
            out().printf("wrote %d requests to %s%n", n, file);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Files the answers of a batch output file (vLLM run-batch's) in the response cache.")
    static final class Import extends Step {
        @CommandLine.Mixin
        RunOptions run = new RunOptions();

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "The output JSONL file")
        Path file;

        @Override
        int body() {
            Batches b = Batches.forRun(run.state, run.suites, run.properties, System.getenv(),
                    printer());
            int exit = report(b.importResults(file));
            ledger(b);
            return exit;
        }
    }
}
