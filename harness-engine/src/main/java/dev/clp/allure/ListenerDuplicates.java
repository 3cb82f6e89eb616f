package dev.clp.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Keeps one Allure result per clp test when Allure's own JUnit Platform listener ({@code allure-junit-platform},
 * auto-registered by the Launcher) is on the test classpath: that listener writes a bare result for every test of
 * every engine, so each pair and gate would appear twice. At the end of a run the engine deletes, from the
 * listener's results directory, the results whose {@code junit.platform.uniqueid} label names a clp test, and the
 * containers of this run left holding only missing results; results of other engines (Jupiter, Cucumber ...) are
 * not touched.
 */
final class ListenerDuplicates {

    static final String LISTENER = "io.qameta.allure.junitplatform.AllureJunitPlatform";
    static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** File times may be kept to the second or two (FAT, some network file systems). */
    private static final long MTIME_SLACK_MILLIS = 2_000;

    private ListenerDuplicates() {
    }

    /** Whether the Allure listener is on the classpath (it is then registered by the Launcher). */
    static boolean listenerPresent() {
        try {
            Class.forName(LISTENER, false, ListenerDuplicates.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Where the listener writes: {@code allure.results.directory} from the system or {@code allure.properties}. */
    static Path listenerDirectory() {
        String dir = System.getProperty("allure.results.directory");
        if (dir == null) {
            try (InputStream in = ListenerDuplicates.class.getClassLoader().getResourceAsStream("allure.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    dir = p.getProperty("allure.results.directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read allure.properties: " + e.getMessage(), e);
            }
        }
        return Path.of(dir == null ? "allure-results" : dir);
    }

    /**
     * Deletes the listener's results for tests of the engine {@code engineId} in {@code dir}, reading only files
     * written since the run started (a results directory that is never cleaned is not re-read in full every run).
     *
     * @return the number of result files deleted
     */
    static int remove(Path dir, String engineId, long runStartMillis) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "[engine:" + engineId + "]";
        Set<String> removed = new HashSet<>();
        try {
            try (DirectoryStream<Path> results = Files.newDirectoryStream(dir, "*-result.json")) {
                for (Path f : results) {
                    if (Files.getLastModifiedTime(f).toMillis() < runStartMillis - MTIME_SLACK_MILLIS) {
                        continue; // an earlier run's file: not read, not touched
                    }
                    JsonNode r = read(f);
                    if (r != null && "junit-platform".equals(label(r, "framework"))
                            && label(r, UNIQUE_ID_LABEL) != null && label(r, UNIQUE_ID_LABEL).startsWith(prefix)) {
                        removed.add(r.path("uuid").asText());
                        Files.deleteIfExists(f);
                    }
                }
            }
            try (DirectoryStream<Path> containers = Files.newDirectoryStream(dir, "*-container.json")) {
                for (Path f : containers) {
                    if (Files.getLastModifiedTime(f).toMillis() < runStartMillis - MTIME_SLACK_MILLIS) {
                        continue;
                    }
                    JsonNode c = read(f);
                    if (c == null || !c.path("children").isArray() || c.path("children").isEmpty()) {
                        continue;
                    }
                    // the listener's container of a clp test: its children were removed above, or never written (the
                    // listener keeps test ids per thread and loses those the engine finishes on its worker threads)
                    boolean dangling = c.path("start").asLong(0) >= runStartMillis;
                    for (JsonNode child : c.path("children")) {
                        String uuid = child.asText();
                        dangling &= removed.contains(uuid) || !Files.exists(dir.resolve(uuid + "-result.json"));
                    }
                    if (dangling) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean Allure listener results in " + dir + ": " + e.getMessage(), e);
        }
        return removed.size();
    }

    private static JsonNode read(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            return null; // not a result file we understand: not ours to delete
        }
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode l : result.path("labels")) {
            if (name.equals(l.path("name").asText())) {
                return l.path("value").asText();
            }
        }
        return null;
    }
}
