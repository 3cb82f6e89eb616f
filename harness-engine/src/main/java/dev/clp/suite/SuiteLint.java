package dev.clp.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Checks a hand-written or hand-edited suite beyond what a run needs (the reader's problems): the two sides of a
 * pair are aligned (the same number of options), and every pairs file is in canonical form — one canonical JSON line
 * per pair, sorted by id, as {@link SuiteWriter} writes it — so diffs stay small and reviewable. Used by
 * {@code clp validate} and {@code clp fmt}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SuiteLint {

    private SuiteLint() {
    }

    /** What one pairs file holds and what is wrong with it. */
    public record FileReport(Path file, String lang, List<Pair> pairs, List<SuiteProblem> problems,
            boolean canonical) {

        /** The file's text as {@link SuiteWriter#writePairs} would write it. */
        public String canonicalText() {
            return canonicalText(pairs);
        }

        private static String canonicalText(List<Pair> pairs) {
            StringBuilder out = new StringBuilder();
            pairs.stream().sorted(Comparator.comparing(Pair::id))
                    .forEach(p -> out.append(SuiteWriter.toJsonLine(p)).append('\n'));
            return out.toString();
        }
    }

    /** A suite directory's files, or the problem that kept it from being opened (a missing or broken manifest). */
    public record SuiteReport(Path dir, List<FileReport> files, List<SuiteProblem> problems) {

        /** Every problem of the suite and its files. */
        public List<SuiteProblem> allProblems() {
            List<SuiteProblem> all = new ArrayList<>(problems);
            files.forEach(f -> all.addAll(f.problems()));
            return all;
        }

        public int pairs() {
            return files.stream().mapToInt(f -> f.pairs().size()).sum();
        }
    }

    /**
     * The suite directories at or under {@code dir}: the directory itself when it has a {@code suite.json} or pairs
     * files (a suite that lost its manifest is still reported), else every such directory below it.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public static List<Path> suiteDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isDirectory).filter(SuiteLint::looksLikeSuite).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeSuite(Path dir) {
        if (Suite.isSuiteDir(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(f -> Suite.languageOf(f).isPresent());
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks one suite directory; never throws for what is in the files. */
    public static SuiteReport check(Path dir) {
        Suite suite;
        try {
            suite = Suite.open(dir);
        } catch (SuiteException e) {
            return new SuiteReport(dir, List.of(), List.of(new SuiteProblem(dir.resolve(Suite.MANIFEST_FILE), 0, "-",
                    e.getMessage())));
        }
        List<FileReport> files = new ArrayList<>();
        for (var entry : suite.languageFiles().entrySet()) {
            files.add(checkFile(entry.getValue(), entry.getKey()));
        }
        return new SuiteReport(dir, files, List.of());
    }

    static FileReport checkFile(Path file, String lang) {
        SuiteReader.LanguageFile lf = SuiteReader.read(file);
        List<SuiteProblem> problems = new ArrayList<>(lf.problems());
        for (int i = 0; i < lf.pairs().size(); i++) {
            Pair p = lf.pairs().get(i);
            int en = p.en().choices().size();
            int target = p.target().choices().size();
            if (en != target) {
                problems.add(new SuiteProblem(file, lf.lines().get(i), "target.choices", target
                        + " options, but the English side has " + en + ": the two sides must offer the same options"));
            }
        }
        problems.sort(Comparator.comparingInt(SuiteProblem::line));
        boolean canonical = problems.isEmpty() && isCanonical(file, lf.pairs());
        return new FileReport(file, lang, lf.pairs(), problems, canonical);
    }

    private static boolean isCanonical(Path file, List<Pair> pairs) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(FileReport.canonicalText(pairs));
        } catch (IOException e) {
            return false;
        }
    }
}
