package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.run.RunDocument;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What run.json and the summary say of a run that did not finish: the record an interrupted run writes (its pairs so
 * far, no language, marked {@code partial}), and the line with which the next run names a killed run's journal.
 */
final class PartialRecords {

    private PartialRecords() {
    }

    /** run.json of a run interrupted now: the pairs in its journal, no gate, and why. */
    static RunDocument partial(RunResults results, ClpExecutionContext.Run run) {
        return results.record(run, List.of(), Instant.now()).partialRun(String.format(Locale.ROOT,
                "interrupted before the run finished (SIGTERM, Ctrl-C or an exit): %d of %d pairs recorded, no gate "
                        + "decided; every answer received is in the response cache, so a rerun asks only the rest",
                run.journal().entries(), run.gates().pairs()));
    }

    /**
     * The summary's line on a journal a killed earlier run left in the results directory, or nothing.
     *
     * @param leftover its entries, -1 when there was none
     */
    static String resumed(ClpConfig config, int leftover, long cacheHits) {
        if (leftover < 0) {
            return "";
        }
        return "RESUMED: an earlier run into " + config.output().resultsDir() + " was killed before it finished (its "
                + "journal held " + leftover + " pairs); this run took " + cacheHits + " answers from the response "
                + "cache instead of asking again\n";
    }
}
