package dev.clp.console;

import dev.clp.config.ClpConstants;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Says on the standard error stream that a clp discovery is reading pairs files, when it reads the first, and how many
 * pairs it read and how long it took, when discovery ends: reading 4,189 pairs took most of the 14 s before the first
 * progress line, with nothing on the screen. Loaded through ServiceLoader by any launcher ({@code clp run}, Surefire,
 * the Console Launcher); silent with {@code clp.progress=off}, and for a discovery that reads no pairs file (another
 * engine's tests). Once per listener: Surefire discovers twice with one launcher.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DiscoveryNotice implements LauncherDiscoveryListener {

    private static final Set<DiscoveryNotice> LISTENING = new CopyOnWriteArraySet<>();

    private final PrintStream err;
    private final LongSupplier clock;
    private long startedNanos;
    private int files;
    private long pairs;
    private boolean reading;
    private boolean done;

    public DiscoveryNotice() {
        this(System.err, System::nanoTime);
    }

    DiscoveryNotice(PrintStream err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    /** The engine starts reading a pairs file. */
    public static void reading(Path file) {
        for (DiscoveryNotice n : LISTENING) {
            n.started(file);
        }
    }

    /** The engine has read a pairs file's {@code count} pairs. */
    public static void read(Path file, int count) {
        for (DiscoveryNotice n : LISTENING) {
            n.counted(count);
        }
    }

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        boolean off = request.getConfigurationParameters().get(ClpConstants.PROGRESS)
                .map(v -> "off".equalsIgnoreCase(v.trim())).orElse(false);
        synchronized (this) {
            if (off || done) {
                return;
            }
            startedNanos = clock.getAsLong();
            files = 0;
            pairs = 0;
            reading = false;
        }
        LISTENING.add(this);
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        if (!LISTENING.remove(this)) {
            return;
        }
        synchronized (this) {
            if (!reading) {
                return;
            }
            done = true;
            err.printf(Locale.ROOT, "clp: %,d pairs read from %,d file%s in %.1f s; the run starts%n", pairs, files,
                    files == 1 ? "" : "s", (clock.getAsLong() - startedNanos) / 1e9);
            err.flush();
        }
    }

    private synchronized void started(Path file) {
        files++;
        if (!reading) {
            reading = true;
            err.println("clp: reading the suites' pairs files (" + file.getFileName() + " first) …");
            err.flush();
        }
    }

    private synchronized void counted(int count) {
        pairs += count;
    }
}
