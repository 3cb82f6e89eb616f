package dev.clp.probes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calibration tool, not a check: runs {@link Table1ShapeTest#measure} for each line of the file named by the
 * environment variable {@code T1_CONFIGS} ({@code label | seed ranges, e.g. 0-99,300-499, or fixture for the project's 24
 * test seeds | panel 3 or 5 | full y or n
 * | generator-sim overrides, name=value separated by spaces}) and prints the figures. Skipped without it.
 */
class Table1CalibrationTest {

    @TempDir
    Path tmp;

    @Test
    void calibrate() throws Exception {
        String file = System.getenv("T1_CONFIGS");
        Assumptions.assumeTrue(file != null, "T1_CONFIGS is not set");
        Path source = Table1ShapeTest.source();
        List<SeedQuestion> all = SeedReader.read(source).seeds();
        int n = 0;
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            boolean fixture = f[1].strip().equals("fixture");
            Path from = fixture ? GeneratorFixture.seedsFile() : source;
            List<SeedQuestion> used = new ArrayList<>(fixture ? SeedReader.read(from).seeds() : List.of());
            for (String r : fixture ? new String[0] : f[1].strip().split(",")) {
                String[] ab = r.strip().split("-");
                used.addAll(all.subList(Integer.parseInt(ab[0]), Integer.parseInt(ab[1]) + 1));
            }
            List<String> panel = f[2].strip().equals("5") ? Table1ShapeTest.PUBLISHED_PANEL : Table1ShapeTest.PANEL;
            List<String> keys = new ArrayList<>();
            for (String kv : f[4].strip().split("\\s+")) {
                if (!kv.isEmpty()) {
                    String[] p = kv.split("=", 2);
                    System.setProperty("generator-sim." + p[0], p[1]);
                    keys.add("generator-sim." + p[0]);
                }
            }
            Path dir = Files.createDirectories(tmp.resolve("c" + n++));
            double[] r = Table1ShapeTest.measure(from, used, panel, dir, f[3].strip().equals("y"), f[1].strip());
            System.out.printf(java.util.Locale.ROOT, "T1RESULT %s | %s | %s | %.3f | %.3f | %.3f | %s%n", f[0].strip(),
                    f[1].strip(), f[2].strip(), r[0], r[1], r[2], f[4].strip());
            keys.forEach(System::clearProperty);
        }
    }
}
