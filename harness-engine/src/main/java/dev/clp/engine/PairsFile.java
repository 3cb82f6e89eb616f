package dev.clp.engine;

import dev.clp.suite.Pair;
import dev.clp.suite.SuiteException;
import dev.clp.suite.SuiteProblem;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A pairs file as discovery keeps it: of each pair only what names and finds it (id, line, byte offset, display name,
 * tags), not its text, which {@link Text} reads again when the pair runs. A 50,000-pair suite's text is about
 * 150 MB; its entries are a few MB. Only for an in-process stand-in, which knows every pair of the files a run asks
 * from ({@link RunPlan#questions}), are the parsed pairs kept too ({@code kept}; empty otherwise).
 */
record PairsFile(Path file, String lang, List<Entry> pairs, List<SuiteProblem> problems, List<Pair> kept, Text text) {

    /**
     * One pair of the file.
     *
     * @param name the display name without the suite ({@link #displayName})
     * @param subject null when the pair has none
     */
    record Entry(String id, int line, long offset, int length, String name, String source, String subject) {

        /** Compiled once, not once per pair as {@code String.replaceAll} would. */
        private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

        /**
         * The name, without the suite the pair's test puts before it: Surefire 3.5 writes the display name into its
         * XML and puts every test of a {@code @Suite} class under that one class, so two suites with a pair or language
         * in common gave two tests of one name, reported as one flaky test ("Run 1: FAIL, Run 2: PASS"). Always with
         * the suite, so a name does not change when a suite is added to the run (CI reporters track tests by name);
         * Gradle's and the Console Launcher's XML use it too. A question longer than 70 characters is cut to 67 and
         * "...".
         */
        static String displayName(Pair pair) {
            String q = pair.perturbation() != null && pair.perturbation().en() != null
                    && pair.perturbation().en().original() != null ? pair.perturbation().en().original()
                    : pair.en().question();
            // suite text is untrusted: an IDE, the Console Launcher and clp run's failed list print the name
            q = SPACES.matcher(dev.clp.model.SafeText.oneLine(q).strip()).replaceAll(" ");
            // cut with three full stops, not U+2026: one character beyond Latin-1 keeps the whole name in UTF-16 (two
            // bytes a character), and JUnit's test plan keeps every pair's name for the whole run (issue 17.3)
            return pair.id() + ": " + (q.length() > 70 ? q.substring(0, 67) + "..." : q);
        }
    }

    /**
     * Where the pairs' text is read again: the file at each line's offset on the default file system; inside a jar
     * (whose file system is closed when discovery ends, and which cannot seek) the file's bytes, read once. With the
     * file's test source, which the sources of its pairs share ({@link Sources#at}).
     */
    record Text(Path file, String lang, byte[] content, org.junit.platform.engine.TestSource source) {

        /** The pair at an entry, parsed again; a line that no longer holds the pair fails, naming file and line. */
        Pair read(Entry e) {
            Pair pair = content == null ? SuiteReader.pairAt(file, e.offset(), e.length(), e.line(), lang)
                    : SuiteReader.parsePairLine(file, e.line(), Arrays.copyOfRange(content, (int) e.offset(),
                            (int) e.offset() + e.length()), lang);
            if (!pair.id().equals(e.id())) {
                throw new SuiteException(file + ":" + e.line() + ": holds pair '" + pair.id() + "' where pair '"
                        + e.id() + "' was read (the file changed during the run)");
            }
            return pair;
        }
    }

    /**
     * Reads a pairs file once.
     *
     * @param keep keep the parsed pairs (an in-process stand-in reads them)
     * @param shared strings already kept (sources, subjects), shared by the pairs of the files of one discovery
     * @param onPair told of each pair as it is read
     */
    static PairsFile read(Path file, boolean keep, Map<String, String> shared, SuiteReader.PositionedSink onPair) {
        List<Entry> entries = new ArrayList<>();
        List<Pair> kept = new ArrayList<>();
        List<SuiteProblem> problems = new ArrayList<>();
        String lang = SuiteReader.readPairLines(file, (pair, line, offset, length) -> {
            entries.add(new Entry(pair.id(), line, offset, length, Entry.displayName(pair),
                    shared.computeIfAbsent(pair.source(), k -> k),
                    pair.subject() == null ? null : shared.computeIfAbsent(pair.subject(), k -> k)));
            if (keep) {
                kept.add(pair);
            }
            onPair.accept(pair, line, offset, length);
        }, problems::add);
        byte[] content = null;
        if (file.getFileSystem() != FileSystems.getDefault() && !entries.isEmpty()) {
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                // read a moment ago: the pairs are reported as unreadable rather than dropped
                problems.add(new SuiteProblem(file, 0, "-", "cannot read the file again: " + e.getMessage()));
                entries.clear();
                kept.clear();
            }
        }
        return new PairsFile(file, lang, List.copyOf(entries), List.copyOf(problems), List.copyOf(kept),
                new Text(file, lang, content, Sources.file(file, 0)));
    }
}
