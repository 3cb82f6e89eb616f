package dev.clp.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A suite directory: its manifest and one pairs file per language.
 *
 * @param dir the directory
 * @param manifest its {@code suite.json}
 * @param languageFiles pairs file per BCP 47 tag, sorted by tag
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Suite(Path dir, SuiteManifest manifest, SortedMap<String, Path> languageFiles) {

    public static final String MANIFEST_FILE = "suite.json";
    private static final Pattern PAIRS_FILE = Pattern.compile("pairs-([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\.jsonl");

    public Suite {
        languageFiles = Collections.unmodifiableSortedMap(new TreeMap<>(languageFiles));
    }

    /** Whether the directory looks like a suite (has a {@code suite.json}). */
    public static boolean isSuiteDir(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST_FILE));
    }

    /** The language tag of a {@code pairs-<lang>.jsonl} file name, if it is one. */
    public static Optional<String> languageOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = PAIRS_FILE.matcher(name.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The file name for a language's pairs. */
    public static String pairsFileName(String lang) {
        return "pairs-" + lang + ".jsonl";
    }

    /**
     * Opens a suite directory: reads the manifest and lists the pairs files (without reading them).
     *
     * @throws SuiteException naming the file when the manifest is missing or invalid
     */
    public static Suite open(Path dir) {
        SuiteManifest manifest = SuiteReader.readManifest(dir.resolve(MANIFEST_FILE));
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            // not only regular files: a FIFO or device named like a pairs file is listed, and reported by the reader
            // (without being opened) instead of being skipped without a word
            entries.filter(p -> !Files.isDirectory(p))
                    .forEach(p -> languageOf(p).ifPresent(lang -> files.put(lang, p)));
        } catch (IOException e) {
            throw new SuiteException(dir + ": cannot list the suite directory: " + e.getMessage(), e);
        }
        return new Suite(dir, manifest, files);
    }
}
