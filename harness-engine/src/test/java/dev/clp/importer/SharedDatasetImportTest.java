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
}
