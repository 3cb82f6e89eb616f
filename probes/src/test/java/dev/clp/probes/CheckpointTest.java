package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.model.ChatResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path tmp;

    @Test
    void answersAndAcceptedPairsSurviveReopening() {
        Path file = tmp.resolve("cp.sqlite");
        try (Checkpoint cp = Checkpoint.open(file, "a=1")) {
            cp.record("k1", "judge", "sim:x", new ChatResponse("SAME", "stop", 10, 1, 5));
            cp.accept(0, "sw-1", "{\"id\":\"sw-1\"}");
            cp.finishBatch(0, 4);
        }
        try (Checkpoint cp = Checkpoint.open(file, "a=1")) {
            assertThat(cp.recorded("k1")).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("SAME"));
            assertThat(cp.recorded("k2")).isEmpty();
            assertThat(cp.isAccepted("sw-1")).isTrue();
            assertThat(cp.acceptedLines()).containsExactly("{\"id\":\"sw-1\"}");
            assertThat(cp.batches()).containsExactly(new Checkpoint.Batch(0, 4));
            assertThat(cp.recordedCalls()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotACheckpointIsNamedWithWhatToDo() throws Exception {
        Path file = tmp.resolve("notes.sqlite");
        Files.writeString(file, "these are my notes, not a database ".repeat(200));

        assertThatThrownBy(() -> Checkpoint.open(file, "a=1")).isInstanceOf(GeneratorException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a readable SQLite checkpoint")
                .hasMessageContaining("--checkpoint");
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefusedNamingTheSetting() {
        Path file = tmp.resolve("cp.sqlite");
        Checkpoint.open(file, "language=sw\nbeam-width=12").close();

        assertThatThrownBy(() -> Checkpoint.open(file, "language=yo\nbeam-width=12"))
                .hasMessageContaining("it was started with language=sw, this run has language=yo");
    }
}
