package dev.clp.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}, installed by {@code .ci/run}; {@code CLP_CHROMIUM} names another
 * binary). Tests that need it are skipped, saying why, where it is missing; CI always has it.
 */
final class Chromium {

    static final int WIDTH = 1400;

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    static Chromium find() {
        String named = System.getenv("CLP_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (named != null && !named.isBlank()) {
            candidates.add(Path.of(named));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return new Chromium(p);
            }
        }
        assumeTrue(false, "no headless Chromium on this machine (apt-get install chromium, as .ci/run does)");
        return null;
    }

    /** The DOM after the page's scripts ran. */
    String dumpDom(String url, int height) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url), height);
    }

    /** A screenshot of the page's first {@code height} pixels. */
    void screenshot(String url, Path png, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), url), height);
        if (!Files.exists(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> what, int height) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-extensions", "--no-first-run", "--hide-scrollbars",
                "--mute-audio", "--virtual-time-budget=15000", "--window-size=" + WIDTH + "," + height));
        cmd.addAll(what);
        Path log = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(log));
        }
        Files.deleteIfExists(log);
        return out;
    }
}
