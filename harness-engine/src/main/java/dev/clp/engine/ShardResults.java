package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.RunRecord;
import dev.clp.scoring.ShardGates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results of a shard ({@code clp.shard=i/n}): {@code run.json} naming the shard, with every verdict
 * {@value RunDocument#DEFERRED}, and no {@code gates.json} (a stale one from an earlier run in the directory is
 * removed, so that no one reads its verdicts as this shard's).
 */
final class ShardResults {

    private ShardResults() {
    }

    /** Writes run.json (and gates.json unless the run is a shard) into {@code clp.results.dir}; returns run.json. */
    static Path writeRun(RunRecord record, ClpConfig config, GateBoard gates, dev.clp.run.RunJournal journal) {
        Path dir = config.output().resultsDir();
        return config.shard().isPresent() ? write(record, config.shard().get(), gates, dir, journal)
                : record.write(dir, journal);
    }

    /** Writes the shard's run.json into {@code dir}; returns its path. */
    static Path write(RunRecord record, ClpConfig.Shard shard, GateBoard gates, Path dir,
            dev.clp.run.RunJournal journal) {
        RunDocument doc = record.run().asShard(shard.index(), shard.count(), l -> {
            LanguageSummary s = gates.summary(l.suite(), l.lang());
            return s != null && ShardGates.unreadable(s, shard.toString()).isPresent();
        });
        Path file = journal.write(doc, dir.resolve(RunDocument.FILE));
        try {
            Files.deleteIfExists(dir.resolve(GatesDocument.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier " + dir.resolve(GatesDocument.FILE)
                    + " (a shard decides no gate)", e);
        }
        return file;
    }
}
