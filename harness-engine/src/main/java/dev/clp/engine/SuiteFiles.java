package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteException;
import dev.clp.suite.SuiteProblem;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * What one discovery reads from disk: suite manifests and pairs files, each read once, every problem reported once as
 * a discovery issue naming file and line; and the search for suite directories under a root.
 */
final class SuiteFiles {

    private static final int MAX_DEPTH = 6;

    private final ClpConfig config;
    private final DiscoveryIssueReporter issues;
    /** {@code CI=true}: problems a person at a terminal is warned about are errors. */
    private final boolean strict;
    private final Map<Path, PairsFile> parsed = new ConcurrentHashMap<>();
    /** Sources and subjects, one copy for the pairs of every file. */
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Suite>> suites = new HashMap<>();
    private final Map<Path, String> suiteErrors = new HashMap<>();
    /** Folders of pairs files without suite.json already reported. */
    private final Set<Path> orphansReported = new HashSet<>();

    SuiteFiles(ClpConfig config, DiscoveryIssueReporter issues, boolean strict) {
        this.config = config;
        this.issues = issues;
        this.strict = strict;
    }

    DiscoveryIssueReporter issues() {
        return issues;
    }

    PairsFile parse(Path file) {
        return parse(file, (pair, line, offset, length) -> { });
    }

    /**
     * The file's pairs as discovery keeps them ({@link PairsFile}: no text, except for an in-process stand-in).
     *
     * @param onPair told of each pair as it is read, when this call is the one that reads the file
     */
    PairsFile parse(Path file, SuiteReader.PositionedSink onPair) {
        PairsFile known = parsed.get(file);
        if (known != null) {
            return known;
        }
        dev.clp.console.DiscoveryNotice.reading(file); // the first line a run prints, before the pairs are read
        PairsFile lf = PairsFile.read(file, ModelSetup.answersFromQuestions(config), shared, onPair);
        dev.clp.console.DiscoveryNotice.read(file, lf.pairs().size());
        if (parsed.putIfAbsent(file, lf) == null) {
            synchronized (issues) {
                for (SuiteProblem p : lf.problems()) {
                    issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, p.toString())
                            .source(Sources.file(p.file(), p.line())));
                }
            }
        }
        return parsed.get(file);
    }

    Optional<Suite> openSuite(Path dir) {
        return suites.computeIfAbsent(dir, d -> {
            try {
                return Optional.of(Suite.open(d));
            } catch (SuiteException e) {
                suiteErrors.put(d, e.getMessage());
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, e.getMessage())
                        .source(Sources.directory(d)).cause(e));
                return Optional.empty();
            }
        });
    }

    /** Why the suite's manifest could not be read, when it could not. */
    String suiteError(Path dir) {
        return suiteErrors.get(dir);
    }

    /** The suite's id from its manifest, or the directory name when the manifest is unusable. */
    String suiteIdOf(Path dir) {
        return openSuite(dir).map(s -> s.manifest().id())
                .orElseGet(() -> dir.getFileName() == null ? "suite" : dir.getFileName().toString());
    }

    Optional<Path> findSuiteById(String id) {
        for (Path root : config.suiteRoots()) {
            Path abs = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                continue;
            }
            for (Path dir : Suite.isSuiteDir(abs) ? List.of(abs) : findSuiteDirs(abs, true)) {
                if (id.equals(suiteIdOf(dir))) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    List<Path> findSuiteDirs(Path root) {
        return findSuiteDirs(root, false);
    }

    /**
     * The suite directories under a root, sorted.
     *
     * @param reportOrphans report folders that hold pairs files but no suite.json (suite roots and selected
     *     directories; not classpath roots, where test fixtures may hold loose pairs files)
     */
    List<Path> findSuiteDirs(Path root, boolean reportOrphans) {
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            List<Path> dirs = walk.filter(Files::isDirectory).sorted().toList();
            if (reportOrphans) {
                dirs.stream().filter(d -> !Suite.isSuiteDir(d)).forEach(this::reportIfPairsWithoutManifest);
            }
            return dirs.stream().filter(Suite::isSuiteDir).toList();
        } catch (IOException | UncheckedIOException e) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    root + ": cannot scan for suites: " + e.getMessage()).cause(e));
            return List.of();
        }
    }

    /** A folder of {@code pairs-<lang>.jsonl} files without suite.json runs nothing: said, never skipped in silence. */
    private void reportIfPairsWithoutManifest(Path dir) {
        List<String> pairsFiles;
        try (Stream<Path> entries = Files.list(dir)) {
            pairsFiles = entries.filter(p -> Suite.languageOf(p).isPresent()).map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    dir + ": cannot list the folder: " + e.getMessage()).source(Sources.directory(dir)).cause(e));
            return;
        }
        if (pairsFiles.isEmpty() || !orphansReported.add(dir)) {
            return;
        }
        issues.reportIssue(DiscoveryIssue.builder(strict ? DiscoveryIssue.Severity.ERROR : DiscoveryIssue.Severity.WARNING,
                dir + ": holds pairs files (" + String.join(", ", pairsFiles) + ") but no suite.json, so none of "
                        + "them run; add a suite.json (format clp-suite/v1, id, version) or move the files away"
                        + (strict ? " (an error because CI=true)" : "")).source(Sources.directory(dir)));
    }
}
