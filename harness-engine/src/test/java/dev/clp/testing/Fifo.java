package dev.clp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests: a FIFO blocks whoever opens it for reading until a writer comes. */
public final class Fifo {

    private Fifo() {
    }

    /** Makes a FIFO at {@code path} with {@code mkfifo}, or skips the calling test, saying why. */
    public static void create(Path path) throws InterruptedException {
        int rc;
        try {
            rc = new ProcessBuilder("mkfifo", path.toString()).start().waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        Assumptions.assumeTrue(rc == 0, "mkfifo is not available (rc " + rc + "): a FIFO is not tested");
    }

    /** Opens the FIFO for writing once, on a daemon thread, so that a reader blocked on it (the old code) goes on. */
    public static void unblock(Path fifo) {
        Thread t = new Thread(() -> {
            try {
                Files.newOutputStream(fifo).close();
            } catch (IOException e) {
                // gone with the temporary directory: nobody was blocked on it
            }
        }, "fifo-unblock");
        t.setDaemon(true);
        t.start();
    }
}
