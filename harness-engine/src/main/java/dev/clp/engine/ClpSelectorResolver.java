package dev.clp.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.clp.config.ClpConfig;
import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves directories, files, classpath resources and roots, and unique ids into suite, language, pair,
 * gate and problem descriptors, all made by one {@link DescriptorFactory}. Each pairs file is parsed once per
 * discovery ({@link SuiteFiles}). A broken line becomes a discovery issue (warning, naming file and line) and a
 * failing {@code [problem:<line>]} test; the rest of the file and every other suite still load.
 */
final class ClpSelectorResolver implements SelectorResolver {

    /**
     * Told of each pair of a whole suite as soon as its line is read, before the rest of the file (for
     * {@code clp.eager-start}); pairs a file rejects (a duplicate id, a malformed line) are never passed.
     */
    @FunctionalInterface
    interface Parsed {
        void parsed(String suiteId, Pair pair);
    }

    private final SuiteFiles files;
    private final DescriptorFactory descriptors;
    private final UniqueIdResolution uniqueIds;
    private final ClasspathResolution classpath;
    private final Parsed parsedListener;
    private final DiscoveryIssueReporter issues;
    /** The first directory resolved for each suite id, and its descriptor: a second directory with the id is an error. */
    private final Map<String, Path> suiteDirsById = new HashMap<>();
    private final Map<String, SuiteDescriptor> suitesById = new HashMap<>();

    /**
     * @param jars where jar file systems opened for classpath resources are kept, to be closed when discovery ends
     * @param strict {@code CI=true}: a pairs folder without suite.json is an error, not a warning
     */
    ClpSelectorResolver(ClpConfig config, DiscoveryIssueReporter issues, Parsed parsedListener, boolean strict,
            JarFileSystems jars) {
        this.issues = issues;
        this.files = new SuiteFiles(config, issues, strict);
        this.descriptors = new DescriptorFactory(config, issues);
        this.uniqueIds = new UniqueIdResolution(config, files, descriptors, this);
        this.parsedListener = parsedListener;
        this.classpath = new ClasspathResolution(files, jars);
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path dir = selector.getPath().toAbsolutePath().normalize();
        if (Suite.isSuiteDir(dir)) {
            return resolveSuite(dir, context);
        }
        return selectors(files.findSuiteDirs(dir, true).stream().map(d -> selectDirectory(d.toFile())));
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        return resolveFile(selector.getPath().toAbsolutePath().normalize(), context);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        return classpath.resolve(selector);
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        return classpath.resolve(selector);
    }

    @Override
    public Resolution resolve(DiscoverySelector selector, Context context) {
        if (selector instanceof PathSelector p) {
            return Files.isDirectory(p.path()) ? resolveSuite(p.path(), context) : resolveFile(p.path(), context);
        }
        return Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        return uniqueIds.resolve(selector, context);
    }

    private static Resolution selectors(java.util.stream.Stream<? extends DiscoverySelector> found) {
        Set<DiscoverySelector> set = found.collect(Collectors.toCollection(LinkedHashSet::new));
        return set.isEmpty() ? Resolution.unresolved() : Resolution.selectors(set);
    }

    Resolution resolveSuite(Path dir, Context context) {
        Optional<Suite> suite = files.openSuite(dir);
        String sid = files.suiteIdOf(dir);
        Path first = suiteDirsById.putIfAbsent(sid, dir);
        if (first != null && !first.equals(dir)) {
            return duplicateSuite(sid, first, dir);
        }
        Optional<SuiteDescriptor> desc = context.addToParent(parent -> Optional.of(descriptors.suite(
                parent.getUniqueId(), sid, suite, dir)));
        if (desc.isEmpty()) {
            return Resolution.unresolved();
        }
        suitesById.put(sid, desc.get());
        if (suite.isEmpty()) {
            SuiteDescriptor d = desc.get();
            d.addChild(descriptors.invalidManifest(d, dir, files.suiteError(dir)));
            return Resolution.match(Match.exact(d));
        }
        // parse the suite's language files in parallel up front; resolving each file then finds it parsed
        suite.get().languageFiles().values().parallelStream()
                .forEach(file -> files.parse(file, (pair, line, offset, length) -> parsedListener.parsed(sid, pair)));
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        for (Path file : suite.get().languageFiles().values()) {
            // a FIFO named like a pairs file cannot be a FileSelector (it is not a file): it is resolved, and reported
            // by the reader without being opened
            children.add(file.getFileSystem() == FileSystems.getDefault() && Files.isRegularFile(file)
                    ? selectFile(file.toFile()) : new PathSelector(file));
        }
        return Resolution.match(Match.exact(desc.get(), () -> children));
    }

    /**
     * A second suite directory with an id already taken: its pairs would merge into the first suite's tests (a pair
     * with the same id silently dropped). An error naming both manifests, and a failing test under the first suite.
     */
    private Resolution duplicateSuite(String sid, Path first, Path dir) {
        String message = "two suites share the suite id '" + sid + "': " + first.resolve(Suite.MANIFEST_FILE) + " and "
                + dir.resolve(Suite.MANIFEST_FILE) + "; the second is not run. Give each suite its own id";
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, message)
                .source(Sources.file(dir.resolve(Suite.MANIFEST_FILE), 0)));
        SuiteDescriptor existing = suitesById.get(sid);
        if (existing == null) {
            return Resolution.unresolved();
        }
        ProblemDescriptor problem = descriptors.duplicateId(existing, dir, message);
        if (existing.findByUniqueId(problem.getUniqueId()).isEmpty()) {
            existing.addChild(problem);
        }
        return Resolution.match(Match.exact(existing));
    }

    Resolution resolveFile(Path file, Context context) {
        Path name = file.getFileName();
        if (name != null && Suite.MANIFEST_FILE.equals(name.toString())) {
            return Resolution.selectors(Set.of(dirSelector(file.getParent())));
        }
        Optional<String> lang = Suite.languageOf(file);
        if (lang.isEmpty()) {
            return Resolution.unresolved();
        }
        Path dir = file.getParent();
        if (dir == null || !Suite.isSuiteDir(dir)) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    file + ": a pairs file must sit in a suite directory next to suite.json; skipped")
                    .source(Sources.file(file, 0)));
            return Resolution.unresolved();
        }
        if (files.openSuite(dir).isEmpty()) {
            return Resolution.selectors(Set.of(dirSelector(dir)));
        }
        String sid = files.suiteIdOf(dir);
        Optional<LanguageDescriptor> desc = context.addToParent(() -> dirSelector(dir),
                parent -> Optional.of(descriptors.language(parent.getUniqueId(), lang.get(), file)));
        if (desc.isEmpty()) {
            return Resolution.unresolved();
        }
        LanguageDescriptor ld = desc.get();
        return Resolution.match(Match.exact(ld, () -> {
            PairsFile lf = files.parse(file);
            descriptors.addChildren(ld, lf, sid);
            return Set.of();
        }));
    }

    private DiscoverySelector dirSelector(Path dir) {
        return dir.getFileSystem() == FileSystems.getDefault() ? selectDirectory(dir.toFile()) : new PathSelector(dir);
    }
}
