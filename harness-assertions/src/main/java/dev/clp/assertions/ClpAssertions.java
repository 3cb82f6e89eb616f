package dev.clp.assertions;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Entry point of the assertions, to import statically beside AssertJ's:
 *
 * <pre>{@code
 * ClpAssertions.assertThat(run).language("sw").gap().isAtMost(0.10);
 * ClpAssertions.assertThat(run).gate("sw", "gap").passed();
 * ClpAssertions.assertThat(run).newWeakPairsAgainst(Path.of("baselines/gpt-4o.json")).isEmpty();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClpAssertions {

    private ClpAssertions() {
    }

    /** Assertions on a finished run. */
    public static RunAssert assertThat(ClpRun run) {
        return new RunAssert(run);
    }

    /** Assertions on a run written earlier, read from its results directory ({@code run.json}, {@code gates.json}). */
    public static RunAssert assertThatResultsIn(Path resultsDir) {
        return new RunAssert(ClpRun.read(resultsDir));
    }
}
