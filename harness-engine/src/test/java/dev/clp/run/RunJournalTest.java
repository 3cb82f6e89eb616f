package dev.clp.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's reads: a pair's message read back on its own (what a reported pair's test needs) is the message the
 * entry was written with, whatever the entry's other text holds; run.json copies the entries without a tree of each
 * (its bytes against the record written whole: {@code StreamedRunRecordTest}).
 */
class RunJournalTest {

    @TempDir
    Path tmp;

    private static RunDocument.PairResult pair(String id, String question, String message) {
        RunDocument.Side side = new RunDocument.Side("A", "B", 0.25,
                List.of("\"message\": \"not this one\"", "line\n2 — 答え"), List.of("layer: letter"),
                java.util.Arrays.asList(Map.of("A", 0.5), null));
        return new RunDocument.PairResult("s", id, "ja", question, "weak", Boolean.TRUE, side, side, message);
    }

    @Test
    void anEntrysMessageIsTheOneItWasWrittenWith() {
        List<RunDocument.PairResult> pairs = List.of(
                pair("p-1", "{\"message\":\"a question that looks like one\"}", "weak: English A, target B"),
                pair("p-2", "message", null),
                pair("p-3", "q", "m\u2028 \"quoted\" \\ ✓"));
        try (RunJournal journal = RunJournal.open(tmp)) {
            int[] entries = pairs.stream().mapToInt(journal::append).toArray();
            for (int i = pairs.size() - 1; i >= 0; i--) {
                assertThat(journal.message(entries[i])).isEqualTo(pairs.get(i).message());
                assertThat(journal.read(entries[i])).isEqualTo(pairs.get(i));
            }
            assertThatThrownBy(() -> journal.message(pairs.size())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no entry 3");
        }
        assertThat(Files.exists(tmp.resolve(RunJournal.FILE))).isFalse();
    }
}
