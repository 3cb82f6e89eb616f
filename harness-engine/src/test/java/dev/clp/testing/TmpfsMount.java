package dev.clp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for a test, to give a real full or read-only disk (root ignores permission bits, a mount does
 * not). Where mounting is not allowed (not root, no mount rights) the test is skipped, saying why.
 */
public final class TmpfsMount {

    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 4m}) on {@code dir}, or skips the calling test. */
    public static TmpfsMount create(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        Assumptions.assumeTrue(rc == 0, "cannot mount a tmpfs on " + dir + " (needs root and mount rights; rc " + rc
                + "): full and read-only disks not tested here");
        return new TmpfsMount(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Remounts read-only: every later write fails, root's too. */
    public void remountReadOnly() throws InterruptedException {
        assertThat(run("mount", "-o", "remount,ro", dir.toString())).as("remount %s read-only", dir).isZero();
    }

    /** Fills the file system until it has no space left; returns the filler file. */
    public Path fill() {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            return filler; // no space left on device
        }
    }

    public void unmount() throws InterruptedException {
        run("umount", "-l", dir.toString());
    }

    private static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1; // no such command
        }
    }
}
