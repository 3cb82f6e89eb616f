package dev.clp.console;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Shows a clp run's progress on the standard error stream under any launcher that loads listeners through
 * ServiceLoader (Surefire, the Console Launcher, {@code clp run}, Gradle, IDEs): pairs answered of those planned, per
 * language, pairs per second and the time left. On a terminal one line is redrawn every second; elsewhere (CI logs,
 * Surefire) a plain line is printed every {@code clp.progress.interval-seconds}, also while nothing arrives (a slow or
 * silent endpoint is visible). An interrupted run (Ctrl-C, SIGTERM) says how far it got and that a rerun resumes from
 * the response cache. {@code clp.progress=off} turns it off.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProgressListener implements TestExecutionListener {

    /** How progress is shown. */
    enum Mode { AUTO, LIVE, LINES, OFF }

    private final PrintStream err;
    private final LongSupplier clock;
    private final boolean terminal;
    /** The run's pairs not yet counted, with their language: a pair counts once, at its answer or its test's end. */
    private final Map<UniqueId, String> pairLanguage = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<UniqueId> onAnswer = this::finished;
    private volatile Progress progress;
    private volatile TestPlan plan;
    private volatile String resumeHint = "";
    private volatile boolean live;
    private volatile long intervalNanos;
    private volatile long lastPrinted;
    private volatile String lastLine = "";
    /** The closing line is printed: at the last answer, before the gates print their verdicts, or at the run's end. */
    private boolean ended;
    private ScheduledExecutorService ticker;
    private Thread onInterrupt;

    public ProgressListener() {
        this(System.err, System::nanoTime, System.console() != null);
    }

    ProgressListener(PrintStream err, LongSupplier clock, boolean terminal) {
        this.err = err;
        this.clock = clock;
        this.terminal = terminal;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Mode mode;
        long seconds;
        try {
            mode = mode(plan.getConfigurationParameters().get(ClpConstants.PROGRESS).orElse("auto"));
            seconds = plan.getConfigurationParameters().get(ClpConstants.PROGRESS_INTERVAL_SECONDS)
                    .map(ProgressListener::seconds).orElse(10L);
        } catch (IllegalArgumentException e) {
            // a display setting: the run goes on without progress, and says why
            err.println("clp: " + e.getMessage() + "; no progress is shown");
            err.flush();
            return;
        }
        if (mode == Mode.OFF) {
            return;
        }
        if (plan.getRoots().stream().noneMatch(ProgressListener::isClp)) {
            return; // another engine's run: nothing of clp to count, no configuration to read
        }
        Progress p = new Progress(clock.getAsLong());
        ClpConfig config = config(plan);
        java.util.function.Predicate<String> asked = askedLanguages(config);
        resumeHint = resume(config);
        for (TestIdentifier root : plan.getRoots()) {
            if (!isClp(root)) {
                continue;
            }
            for (TestIdentifier id : plan.getDescendants(root)) {
                languageOfPair(id.getUniqueIdObject()).filter(asked).ifPresent(lang -> {
                    pairLanguage.put(id.getUniqueIdObject(), lang);
                    p.planned(lang);
                });
            }
        }
        if (p.total() == 0) {
            return;
        }
        live = mode == Mode.LIVE || (mode == Mode.AUTO && terminal);
        intervalNanos = live ? TimeUnit.SECONDS.toNanos(1) : TimeUnit.SECONDS.toNanos(seconds);
        lastPrinted = clock.getAsLong();
        synchronized (this) {
            ended = false;
        }
        this.plan = plan;
        progress = p;
        if (intervalNanos > 0) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "clp-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
        AnsweredPairs.listen(onAnswer);
        onInterrupt = new Thread(this::interrupted, "clp-progress-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished(id.getUniqueIdObject());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        Progress p = progress;
        TestPlan plan = this.plan;
        if (p == null || plan == null) {
            return;
        }
        if (pairLanguage.containsKey(id.getUniqueIdObject())) {
            finished(id.getUniqueIdObject());
            return;
        }
        // a skipped language or suite: its pairs get no events of their own and are not asked
        for (TestIdentifier d : plan.getDescendants(id)) {
            String lang = pairLanguage.remove(d.getUniqueIdObject());
            if (lang != null) {
                p.dropped(lang);
            }
        }
    }

    /** A pair's answer is in (from the engine, {@link AnsweredPairs}) or its test ended: counted the first time. */
    private void finished(UniqueId id) {
        Progress p = progress;
        String lang = p == null ? null : pairLanguage.remove(id);
        if (lang == null) {
            return;
        }
        p.finished(lang);
        if (p.complete()) {
            end(p);
        } else if (!live && clock.getAsLong() - lastPrinted >= intervalNanos) {
            tick();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Progress p = progress;
        if (p == null) {
            return;
        }
        progress = null;
        this.plan = null;
        AnsweredPairs.stop(onAnswer);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, and says the run was interrupted if it was
        }
        end(p);
        pairLanguage.clear();
    }

    /** Prints the closing line once (ending the redrawn line on a terminal), so what follows starts a line of its own. */
    private synchronized void end(Progress p) {
        if (!ended) {
            ended = true;
            print(p.line(clock.getAsLong(), 0), true);
        }
    }

    /** Prints the status when it changed (or, off a terminal, at every interval: a silent endpoint shows). */
    synchronized void tick() {
        Progress p = progress;
        if (p == null || ended) {
            return;
        }
        lastPrinted = clock.getAsLong();
        print(p.line(lastPrinted, live ? 4 : 16), false);
    }

    private synchronized void print(String line, boolean last) {
        if (live) {
            err.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
        } else if (last || !line.equals(lastLine)) {
            err.println(line);
        }
        lastLine = line;
        err.flush();
    }

    private void interrupted() {
        Progress p = progress;
        if (p == null || p.complete()) {
            return;
        }
        synchronized (this) {
            err.println((live ? "\n" : "") + String.format(Locale.ROOT, "clp: interrupted after %,d of %,d pairs (%s). %s",
                    p.done(), p.total(), p.perLanguage(), resumeHint));
            err.flush();
        }
    }

    private static boolean isClp(TestIdentifier root) {
        return root.getUniqueIdObject().getEngineId().map(ClpConstants.ENGINE_ID::equals).orElse(false);
    }

    /** The languages the run asks ({@code clp.languages}), read as the engine reads them. */
    private static java.util.function.Predicate<String> askedLanguages(ClpConfig config) {
        return config == null ? lang -> true : config::includesLanguage;
    }

    /** The run's configuration as the engine reads it, or null when it is invalid (the engine reports why). */
    private static ClpConfig config(TestPlan plan) {
        var parameters = plan.getConfigurationParameters();
        try {
            return ClpConfig.from(parameters::get, parameters.keySet(), System.getenv());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String resume(ClpConfig config) {
        if (config == null || "read-write".equals(config.cache().mode())) {
            return "The answers received are kept in the response cache: run the same command again to resume from them.";
        }
        return "The response cache is " + config.cache().mode() + " (" + ClpConstants.CACHE + "): a rerun asks the "
                + "model again; with " + ClpConstants.CACHE + "=read-write (the default) it would resume.";
    }

    private static java.util.Optional<String> languageOfPair(UniqueId id) {
        var segments = id.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (!"pair".equals(last.getType()) || segments.size() < 2) {
            return java.util.Optional.empty();
        }
        UniqueId.Segment parent = segments.get(segments.size() - 2);
        return "lang".equals(parent.getType()) ? java.util.Optional.of(parent.getValue()) : java.util.Optional.empty();
    }

    static Mode mode(String value) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ClpConstants.PROGRESS + ": '" + value
                    + "' is not one of auto, live, lines, off", e);
        }
    }

    private static long seconds(String value) {
        try {
            long s = Long.parseLong(value.strip());
            if (s < 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ClpConstants.PROGRESS_INTERVAL_SECONDS + ": '" + value
                    + "' is not a whole number of seconds (0 or more)", e);
        }
    }
}
