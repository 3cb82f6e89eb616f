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
                // WRITE without CREATE: once the test's clean-up removed the FIFO, opening it must not make a plain
                // file in its place (which the temporary directory's deletion then failed on, at random)
                Files.newOutputStream(fifo, java.nio.file.StandardOpenOption.WRITE).close();
            } catch (IOException e) {
                // gone with the temporary directory (NoSuchFileException): nobody was blocked on it
            }
        }, "fifo-unblock");
        t.setDaemon(true);
        t.start();
    }
}
