package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.PairOutcome;
import dev.clp.suite.Pair;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@code [pair:<id>]}: one English/target pair. Consistent passes; weak fails under
 * {@code clp.fail-on=pairs} and passes with a {@code clp.pair} note (measured; counted by the language gates) under
 * the default {@code gates}; a weak pair that was weak in the baseline too passes with a KNOWN WEAK note in both modes;
 * not applicable is aborted (it measures nothing); unparseable is aborted with the raw text; a transport error fails.
 *
 * <p>A {@link LeafDescriptor} rather than an {@code AbstractTestDescriptor}, which gives every descriptor a children
 * set (issue 17.3); it keeps its pair's entry as fields, not as a second object.
 */
final class PairDescriptor extends LeafDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "pair";

    /** The report entry key of a weak pair's note (the test passes; its gates count it). */
    static final String NOTE_KEY = "clp.pair";

    /** Where the pair's text is read when it runs (the descriptor keeps none of it), and its entry there. */
    private final PairsFile.Text text;
    private final String id;
    private final int line;
    private final long offset;
    private final int length;
    private final String dataSource;
    private final String subject;
    private final String suiteId;
    /** Its place in the execution order of the run's {@link Prefetcher} (-1: none); guarded by that prefetcher. */
    int place = -1;
    /** The pair's entry in the run's journal (-1: none), and its message when the journal could not take it. */
    private volatile int journalEntry = -1;
    private volatile String message;

    PairDescriptor(UniqueId uniqueId, PairsFile.Entry entry, PairsFile.Text text, String suiteId) {
        super(uniqueId, "[" + suiteId + "] " + entry.name(), Sources.at(text.source(), entry.line()));
        this.text = text;
        this.id = entry.id();
        this.line = entry.line();
        this.offset = entry.offset();
        this.length = entry.length();
        this.dataSource = entry.source();
        this.subject = entry.subject();
        this.suiteId = suiteId;
    }


    /** Writes the pair's run.json entry (with the message) to the journal; on the worker, before the outcome is out. */
    void journal(dev.clp.run.RunJournal journal, PairOutcome full) {
        int entry = journal.append(dev.clp.scoring.RunRecord.pairResult(new dev.clp.scoring.RunRecord.Entry(suiteId,
                full)));
        message = entry < 0 ? full.message() : null;
        journalEntry = entry;
    }

    int journalEntry() {
        return journalEntry;
    }

    /** The pair, read from its file (on the worker that asks it); a line that changed since discovery fails here. */
    Pair load() {
        return text.read(new PairsFile.Entry(id, line, offset, length, null, dataSource, subject));
    }

    String id() {
        return id;
    }

    String lang() {
        return text.lang();
    }

    /** Whether its line holds this pair (not when it cannot be read again: its evaluation then fails with why). */
    boolean holds(Pair started) {
        try {
            return started.equals(load());
        } catch (dev.clp.suite.SuiteException e) {
            return false;
        }
    }

    /** The pair's data source (its {@code source:} tag). */
    String source() {
        return dataSource;
    }

    String suiteId() {
        return suiteId;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        tags.add(Tags.lang(text.lang()));
        tags.add(Tags.source(dataSource));
        if (subject != null && !subject.isBlank()) {
            tags.add(Tags.subject(subject));
        }
        return tags;
    }

    /**
     * A pair that did not pass. The message is the whole story (which answer, in which language); a stack trace would
     * show the engine's reporting loop, and filling and pruning one per pair cost a run of thousands of pairs a
     * noticeable part of its end.
     */
    static final class NotPassed extends TestAbortedException {
        private static final long serialVersionUID = 1L;

        NotPassed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A pair that failed (a weak pair under {@code clp.fail-on=pairs}, a transport error); no stack trace, as above. */
    static final class Failed extends AssertionFailedError {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }

        Failed(String message, Object expected, Object actual) {
            super(message, expected, actual);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Weak now and weak in the baseline too: reported as known, not as a regression. */
    boolean knownWeak(PairOutcome outcome, Baseline baseline) {
        return outcome instanceof PairOutcome.Weak && baseline != null
                && baseline.pair(suiteId, id).map(Baseline.PairResult::weak).orElse(false);
    }

    /**
     * A weak pair under {@code clp.fail-on=gates} was measured: it passes (a skipped test would say nothing was
     * measured) and says so in a report entry, which the Console Launcher and IDEs show; the language's gates decide.
     */
    private void note(ClpExecutionContext context, String message) {
        context.listener().reportingEntryPublished(this, ReportEntry.from(NOTE_KEY, message));
    }

    @Override
    public ClpExecutionContext execute(ClpExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        ClpExecutionContext.Run run = context.run();
        PairOutcome outcome = run.prefetcher().await(this);
        run.record(this);
        boolean known = knownWeak(outcome, run.baseline());
        ClpConfig config = context.config();
        if (outcome instanceof PairOutcome.Consistent) {
            return context;
        }
        // the outcome kept is compact: its message, with the raw answers, is read back from run.json's journal
        String message = journalEntry >= 0 ? run.journal().message(journalEntry) : this.message;
        if (outcome instanceof PairOutcome.Weak weak) {
            if (known) {
                note(context, "KNOWN WEAK " + message + " (weak in the baseline of "
                        + run.baseline().model() + " too; only new weak pairs count as regressions)");
                return context;
            }
            if (config.gates().failOn() == ClpConfig.FailOn.PAIRS) {
                throw new Failed(message, weak.target().expectedLetter(),
                        weak.target().chosenLetter());
            }
            note(context, (run.baseline() != null ? "NEW WEAK " : "WEAK ") + message
                    + " (counted by the " + text.lang() + " gates; " + ClpConstants.FAIL_ON + "=pairs fails every "
                    + (run.baseline() != null ? "new " : "") + "weak pair)");
            return context;
        }
        if (outcome instanceof PairOutcome.Error) {
            throw new Failed(message);
        }
        throw new NotPassed(message);
    }
}
