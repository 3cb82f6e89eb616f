package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.PairOutcome;
import dev.clp.suite.Pair;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
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
 * <p>A {@link TestDescriptor} of its own rather than an {@code AbstractTestDescriptor}: a test has no children, and
 * the abstract class gives every descriptor a synchronized, linked children set (about 100 bytes a pair, kept for the
 * whole run; issue 17.3). It keeps its pair's entry as fields, not as a second object. JUnit sees the same id, name,
 * source, tags, parent and equality as before.
 */
final class PairDescriptor implements TestDescriptor, Node<ClpExecutionContext> {

    static final String SEGMENT = "pair";

    /** The report entry key of a weak pair's note (the test passes; its gates count it). */
    static final String NOTE_KEY = "clp.pair";

    private final UniqueId uniqueId;
    private final String displayName;
    private final TestSource source;
    private TestDescriptor parent;
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
        this.uniqueId = uniqueId;
        this.displayName = "[" + suiteId + "] " + entry.name();
        this.source = Sources.at(text.source(), entry.line());
        this.text = text;
        this.id = entry.id();
        this.line = entry.line();
        this.offset = entry.offset();
        this.length = entry.length();
        this.dataSource = entry.source();
        this.subject = entry.subject();
        this.suiteId = suiteId;
    }

    @Override
    public UniqueId getUniqueId() {
        return uniqueId;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Optional<TestSource> getSource() {
        return Optional.ofNullable(source);
    }

    @Override
    public Optional<TestDescriptor> getParent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public void setParent(TestDescriptor parent) {
        this.parent = parent;
    }

    /** None, and the same empty set for every pair. */
    @Override
    public Set<? extends TestDescriptor> getChildren() {
        return Set.of();
    }

    @Override
    public void addChild(TestDescriptor child) {
        throw new UnsupportedOperationException(uniqueId + " is a pair's test and has no children (not " + child
                .getUniqueId() + ")");
    }

    @Override
    public void removeChild(TestDescriptor child) {
        // it has none: nothing to remove
    }

    @Override
    public void removeFromHierarchy() {
        if (parent == null) {
            throw new org.junit.platform.commons.PreconditionViolationException("cannot remove the root of a hierarchy");
        }
        parent.removeChild(this);
        parent = null;
    }

    @Override
    public Optional<? extends TestDescriptor> findByUniqueId(UniqueId uniqueId) {
        return this.uniqueId.equals(uniqueId) ? Optional.of(this) : Optional.empty();
    }

    /** As {@code AbstractTestDescriptor}: equal when of one class and one unique id. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && uniqueId.equals(((PairDescriptor) other).uniqueId);
    }

    @Override
    public int hashCode() {
        return uniqueId.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + uniqueId;
    }

    /**
     * The name, without the suite the descriptor puts before it: Surefire 3.5 writes the display name into its XML
     * and puts every test of a {@code @Suite} class under that one class, so two suites with a pair or language in
     * common gave two tests of one name, reported as one flaky test ("Run 1: FAIL, Run 2: PASS"). Always with the
     * suite, so a name does not change when a suite is added to the run (CI reporters track tests by name); Gradle's
     * and the Console Launcher's XML use it too.
     */
    static String displayName(Pair pair) {
        String q = pair.perturbation() != null && pair.perturbation().en() != null
                && pair.perturbation().en().original() != null ? pair.perturbation().en().original() : pair.en().question();
        // suite text is untrusted: an IDE, the Console Launcher and clp run's failed list print the name
        q = dev.clp.model.SafeText.oneLine(q).strip().replaceAll("\\s+", " ");
        return pair.id() + ": " + (q.length() > 70 ? q.substring(0, 69) + "…" : q);
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

    String suiteId() {
        return suiteId;
    }

    @Override
    public Type getType() {
        return Type.TEST;
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
        String message = journalEntry >= 0 ? run.journal().read(journalEntry).message() : this.message;
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
