package dev.clp.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports every published language file of the development copy of the dataset (../shared/clp-dataset,
 * or CLP_DATASET); skipped when it is not there. Nothing of it is committed.
 */
class SharedDatasetImportTest {

    @TempDir
    Path tmp;

    static Path dataset() {
        String env = System.getenv("CLP_DATASET");
        return Path.of(env != null ? env : System.getProperty("clp.test.dataset", "../../shared/clp-dataset"));
    }

    @Test
    void everyLanguageImportsWithEveryRecordAccountedFor() throws IOException {
        Path pairs = dataset().resolve("pairs");
        assumeTrue(Files.isDirectory(pairs), "the shared dataset is not present at " + pairs);
        List<Path> files;
        try (Stream<Path> s = Files.list(pairs)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);

        ImportReport report = ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(pairs.toString())),
                tmp, new ClpPublishedImporter.Options("clp", null, null));

        assertThat(report.errors()).isEmpty();
        assertThat(report.byLanguage()).hasSize(files.size());
        report.byLanguage().forEach((lang, c) -> {
            assertThat(c.imported() + c.quarantinedTotal()).as(lang).isEqualTo(c.read());
            assertThat(c.imported()).as(lang).isGreaterThan(c.read() * 9 / 10);
            SuiteReader.LanguageFile lf = SuiteReader.read(tmp.resolve("pairs-" + lang + ".jsonl"));
            assertThat(lf.problems()).as(lang).isEmpty();
            assertThat(lf.pairs()).as(lang).hasSize(c.imported());
        });
    }

    @Test
    void theCommittedClusterSizesAreThoseOfTheImportedPairsAndTheGatesKeepTheirPromiseOnThem() throws IOException {
        Path pairs = dataset().resolve("pairs");
        assumeTrue(Files.isDirectory(pairs), "the shared dataset is not present at " + pairs);
        ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(pairs.toString())), tmp,
                new ClpPublishedImporter.Options("clp", null, null));
        java.util.Map<String, List<String>> keys = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches("pairs-.+\\.jsonl")).sorted().toList()) {
                SuiteReader.LanguageFile lf = SuiteReader.read(f);
                keys.put(lf.lang(), lf.pairs().stream().map(dev.clp.scoring.RunGates::cluster).toList());
            }
        }
        dev.clp.scoring.Calibration.Shape imported = dev.clp.scoring.Calibration.Shape.fromClusters("imported", keys);
        dev.clp.scoring.Calibration.Shape committed = dev.clp.scoring.Calibration.Shape.published();
        // the importer quarantines a few records (16 of 4,205), so sizes may differ by those; the structure must not
        assertThat(imported.clusterSizes().keySet()).isEqualTo(committed.clusterSizes().keySet());
        imported.clusterSizes().forEach((lang, sizes) -> {
            int[] mine = java.util.Arrays.stream(sizes).boxed().sorted(java.util.Comparator.reverseOrder())
                    .mapToInt(Integer::intValue).toArray();
            int[] theirs = committed.clusterSizes().get(lang);
            assertThat(Math.abs(mine.length - theirs.length)).as(lang + " source questions").isLessThanOrEqualTo(2);
            assertThat(mine[0]).as(lang + " largest question").isBetween(theirs[0] - 2, theirs[0]);
            assertThat(java.util.Arrays.stream(mine).sum()).as(lang + " pairs")
                    .isBetween(java.util.Arrays.stream(theirs).sum() - 10, java.util.Arrays.stream(theirs).sum());
        });
        // the promise on the imported suite itself, in the scenario the previous engine broke (English failures
        // clustering, target ones not)
        dev.clp.scoring.Calibration.Result r = dev.clp.scoring.Calibration.run(imported,
                dev.clp.scoring.Calibration.standardScenarios().get(4),
                new dev.clp.scoring.Calibration.Settings(1000, 0.90, 0.70, 0.10, 0.0, 0.01, 0.10, 20261124));
        assertThat(r.falseFailRate()).isLessThanOrEqualTo(0.01);
    }
}
