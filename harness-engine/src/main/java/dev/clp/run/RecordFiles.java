package dev.clp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reading and writing the run's JSON files: one mapper, one format check, one atomic write. */
final class RecordFiles {

    /**
     * Unknown fields are tolerated (a newer harness may add some; the schema is the strict check), missing ones
     * take their type's default, as the readers did before the record had types.
     */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RecordFiles() {
    }

    /**
     * Reads {@code file} as {@code type} after checking its {@code format} field.
     *
     * @param what what the file should be, for the message ("clp run record")
     * @throws IllegalArgumentException naming the file when it cannot be read, has another format or does not fit
     */
    static <T> T read(Path file, String format, String what, Class<T> type) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read " + what + ": " + e.getMessage(), e);
        }
        if (root == null || !format.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not a " + what + " (format " + format + ")");
        }
        try {
            return JSON.treeToValue(root, type);
        } catch (JsonMappingException e) {
            // the field's path (e.g. RunDocument["languages"]->...[0]->...["pairs"]) says where the file is wrong
            throw new IllegalArgumentException(file + ": not a valid " + what + " (format " + format + "): "
                    + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a valid " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code content} as indented JSON and a final newline, atomically. */
    static Path write(Path file, Object content) {
        try {
            SuiteWriter.writeAtomically(file, JSON.writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
