package dev.clp.suite;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * One thing wrong in a suite file, located precisely enough to fix it.
 *
 * @param file the file
 * @param line 1-based line number, 0 for the file as a whole
 * @param field the JSON field path, e.g. {@code target.answer}, or {@code -} when not about a field
 * @param message what is wrong
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SuiteProblem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
