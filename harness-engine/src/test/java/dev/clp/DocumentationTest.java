package dev.clp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.config.ClpConstants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README is the user's reference: every configuration key must be in its table. */
class DocumentationTest {

    @Test
    void everyConfigurationKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (String key : ClpConstants.ALL_KEYS) {
            assertThat(readme.contains("| `" + key + "` |")).as("the README's configuration table has a row for %s", key)
                    .isTrue();
        }
        assertThat(readme).contains("| `" + ClpConstants.GATE_MAX_GAP_PREFIX + "<lang>` |");
    }
}
