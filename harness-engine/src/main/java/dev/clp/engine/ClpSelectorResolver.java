package dev.clp.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.clp.config.ClpConfig;
import dev.clp.scoring.GateResult;
import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteException;
import dev.clp.suite.SuiteProblem;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves directories, files, classpath resources and roots, and unique ids into suite, language, pair,
 * gate and problem descriptors. Each pairs file is parsed once per discovery. A broken line becomes a
 * discovery issue (warning, naming file and line) and a failing {@code [problem:<line>]} test; the rest
 * of the file and every other suite still load.
 */
final class ClpSelectorResolver implements SelectorResolver {

    private static final int MAX_DEPTH = 6;

    private final ClpConfig config;
    private final DiscoveryIssueReporter issues;
    private final Map<Path, SuiteReader.LanguageFile> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, Optional<Suite>> suites = new HashMap<>();
    private final Map<Path, String> suiteErrors = new HashMap<>();
    /** The first directory resolved for each suite id, and its descriptor: a second directory with the id is an error. */
    private final Map<String, Path> suiteDirsById = new HashMap<>();
    private final Map<String, SuiteDescriptor> suitesById = new HashMap<>();
    /** Folders of pairs files without suite.json already reported. */
    private final Set<Path> orphansReported = new java.util.HashSet<>();
    /** {@code CI=true}: problems a person at a terminal is warned about are errors. */
    private final boolean strict;

    /**
     * Told of each pair of a whole suite as soon as its line is read, before the rest of the file (for
     * {@code clp.eager-start}); pairs a file rejects (a duplicate id, a malformed line) are never passed.
     */
    @FunctionalInterface
    interface Parsed {
        Parsed NONE = (suiteId, pair) -> { };

        void parsed(String suiteId, Pair pair);
    }

    private final Parsed parsedListener;

    ClpSelectorResolver(ClpConfig config, DiscoveryIssueReporter issues) {
        this(config, issues, Parsed.NONE);
    }

    ClpSelectorResolver(ClpConfig config, DiscoveryIssueReporter issues, Parsed parsedListener) {
        this(config, issues, parsedListener, false);
    }

    /** @param strict {@code CI=true}: a pairs folder without suite.json is an error, not a warning */
    ClpSelectorResolver(ClpConfig config, DiscoveryIssueReporter issues, Parsed parsedListener, boolean strict) {
        this.config = config;
        this.issues = issues;
        this.parsedListener = parsedListener;
        this.strict = strict;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path dir = selector.getPath().toAbsolutePath().normalize();
        if (Suite.isSuiteDir(dir)) {
            return resolveSuite(dir, context);
        }
        Set<DiscoverySelector> found = findSuiteDirs(dir, true).stream()
                .map(d -> (DiscoverySelector) selectDirectory(d.toFile()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return found.isEmpty() ? Resolution.unresolved() : Resolution.selectors(found);
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        return resolveFile(selector.getPath().toAbsolutePath().normalize(), context);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName();
        name = name.startsWith("/") ? name.substring(1) : name;
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = classLoader().getResources(name);
            while (urls.hasMoreElements()) {
                Path path = toPath(urls.nextElement().toURI());
                if (Files.isDirectory(path)) {
                    for (Path dir : Suite.isSuiteDir(path) ? List.of(path) : findSuiteDirs(path)) {
                        selectors.add(new PathSelector(dir));
                    }
                } else {
                    selectors.add(new PathSelector(path));
                }
            }
        } catch (IOException | URISyntaxException e) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    "cannot read classpath resource '" + name + "': " + e.getMessage()).cause(e));
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        try {
            Path root = toPath(selector.getClasspathRoot());
            if (!Files.isDirectory(root)) {
                return Resolution.unresolved();
            }
            Set<DiscoverySelector> found = findSuiteDirs(root).stream().map(PathSelector::new)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return found.isEmpty() ? Resolution.unresolved() : Resolution.selectors(found);
        } catch (IOException | IllegalArgumentException e) {
            return Resolution.unresolved();
        }
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
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        int suiteAt = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (SuiteDescriptor.SEGMENT.equals(segments.get(i).getType())) {
                suiteAt = i;
                break;
            }
        }
        if (suiteAt < 0) {
            return Resolution.unresolved();
        }
        String suiteId = segments.get(suiteAt).getValue();
        Optional<Path> dir = findSuiteById(suiteId);
        if (dir.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING,
                    "no suite with id '" + suiteId + "' under " + config.suiteRoots()
                            + " (clp.suites); cannot resolve " + id));
            return Resolution.unresolved();
        }
        if (segments.size() == suiteAt + 1) {
            return resolveSuite(dir.get(), context);
        }
        UniqueId.Segment langSeg = segments.get(suiteAt + 1);
        if (!LanguageDescriptor.SEGMENT.equals(langSeg.getType())) {
            return Resolution.unresolved();
        }
        Path file = dir.get().resolve(Suite.pairsFileName(langSeg.getValue()));
        if (segments.size() == suiteAt + 2) {
            return resolveFile(file, context);
        }
        UniqueId langUid = id.removeLastSegment();
        UniqueId.Segment leaf = segments.get(suiteAt + 2);
        SuiteReader.LanguageFile lf = parse(file);
        String sid = suiteIdOf(dir.get());
        Optional<org.junit.platform.engine.TestDescriptor> created;
        switch (leaf.getType()) {
            case PairDescriptor.SEGMENT -> {
                Optional<IndexedPair> pair = findPair(lf, leaf.getValue());
                if (pair.isEmpty()) {
                    return Resolution.unresolved();
                }
                created = context.addToParent(() -> selectUniqueId(langUid),
                        parent -> Optional.of(new PairDescriptor(parent.getUniqueId().append(PairDescriptor.SEGMENT,
                                leaf.getValue()), pair.get().pair(), sid, file, pair.get().line())));
            }
            case GateDescriptor.SEGMENT -> {
                Optional<GateResult.Kind> known = GateDescriptor.kind(leaf.getValue());
                if (known.isEmpty()) {
                    issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, "[gate:" + leaf.getValue()
                            + "] in " + id + " is no gate of clp; the gates are " + java.util.Arrays.stream(
                                    GateResult.Kind.values()).map(k -> "[gate:" + k.id() + "]")
                                    .collect(Collectors.joining(", "))));
                    return Resolution.unresolved();
                }
                GateResult.Kind kind = known.get();
                if (kind == GateResult.Kind.REGRESSION
                        && (config.gates().baseline().isEmpty() || config.gates().baselineUpdate())) {
                    issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, id + ": the regression "
                            + "gate compares with a baseline; set " + dev.clp.config.ClpConstants.BASELINE
                            + "=<file> (clp baseline record writes one)"));
                    return Resolution.unresolved();
                }
                created = context.addToParent(() -> selectUniqueId(langUid), parent -> {
                    if (parent instanceof LanguageDescriptor ld && ld.pairsOfFile().isEmpty()) {
                        // selected alone, the gate still decides from every pair of its language
                        ld.pairsOfFile(pairsOf(ld, lf, sid));
                    }
                    return Optional.of(new GateDescriptor(parent.getUniqueId().append(GateDescriptor.SEGMENT,
                            kind.id()), sid, langSeg.getValue(), file, kind));
                });
            }
            case ProblemDescriptor.SEGMENT -> {
                List<SuiteProblem> onLine = lf.problems().stream()
                        .filter(p -> String.valueOf(p.line()).equals(leaf.getValue())).toList();
                if (onLine.isEmpty()) {
                    return Resolution.unresolved();
                }
                created = context.addToParent(() -> selectUniqueId(langUid), parent -> Optional.of(problemNode(
                        parent.getUniqueId().append(ProblemDescriptor.SEGMENT, leaf.getValue()), onLine, langSeg.getValue())));
            }
            default -> {
                return Resolution.unresolved();
            }
        }
        return created.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    private Resolution resolveSuite(Path dir, Context context) {
        Optional<Suite> suite = openSuite(dir);
        String sid = suiteIdOf(dir);
        Path first = suiteDirsById.putIfAbsent(sid, dir);
        if (first != null && !first.equals(dir)) {
            return duplicateSuite(sid, first, dir);
        }
        Optional<SuiteDescriptor> desc = context.addToParent(parent -> Optional.of(new SuiteDescriptor(
                parent.getUniqueId().append(SuiteDescriptor.SEGMENT, sid), suite.orElse(null), dir,
                suite.map(s -> s.manifest().title() + " (" + sid + " " + s.manifest().version() + ")").orElse(sid))));
        if (desc.isEmpty()) {
            return Resolution.unresolved();
        }
        suitesById.put(sid, desc.get());
        if (suite.isEmpty()) {
            SuiteDescriptor d = desc.get();
            String message = suiteErrors.get(dir);
            d.addChild(new ProblemDescriptor(d.getUniqueId().append(ProblemDescriptor.SEGMENT, "0"),
                    "invalid suite.json", message, Sources.file(dir.resolve(Suite.MANIFEST_FILE), 0), null));
            return Resolution.match(Match.exact(d));
        }
        // parse the suite's language files in parallel up front; resolving each file then finds it parsed
        suite.get().languageFiles().values().parallelStream()
                .forEach(file -> parse(file, (pair, line) -> parsedListener.parsed(sid, pair)));
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
        UniqueId uid = existing.getUniqueId().append(ProblemDescriptor.SEGMENT, "duplicate-id");
        if (existing.findByUniqueId(uid).isEmpty()) {
            existing.addChild(new ProblemDescriptor(uid, "duplicate suite id", message,
                    Sources.file(dir.resolve(Suite.MANIFEST_FILE), 0), null));
        }
        return Resolution.match(Match.exact(existing));
    }

    private Resolution resolveFile(Path file, Context context) {
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
        if (openSuite(dir).isEmpty()) {
            return Resolution.selectors(Set.of(dirSelector(dir)));
        }
        String sid = suiteIdOf(dir);
        Optional<LanguageDescriptor> desc = context.addToParent(() -> dirSelector(dir),
                parent -> Optional.of(new LanguageDescriptor(parent.getUniqueId().append(LanguageDescriptor.SEGMENT,
                        lang.get()), lang.get(), file)));
        if (desc.isEmpty()) {
            return Resolution.unresolved();
        }
        LanguageDescriptor ld = desc.get();
        return Resolution.match(Match.exact(ld, () -> {
            SuiteReader.LanguageFile lf = parse(file);
            addChildren(ld, lf, sid);
            return Set.of();
        }));
    }

    /** Adds the pairs, problems and the gate of a parsed file under its language descriptor. */
    private void addChildren(LanguageDescriptor ld, SuiteReader.LanguageFile lf, String sid) {
        Map<Integer, List<SuiteProblem>> byLine = new TreeMap<>();
        for (SuiteProblem p : lf.problems()) {
            byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
        }
        Set<UniqueId> present = ld.getChildren().stream().map(c -> c.getUniqueId()).collect(Collectors.toSet());
        for (IndexedPair ip : indexed(lf)) {
            UniqueId uid = ld.getUniqueId().append(PairDescriptor.SEGMENT, ip.pair().id());
            if (present.add(uid)) {
                ld.addChild(new PairDescriptor(uid, ip.pair(), sid, lf.file(), ip.line()));
            }
        }
        ld.pairsOfFile(pairsOf(ld, lf, sid));
        for (Map.Entry<Integer, List<SuiteProblem>> e : byLine.entrySet()) {
            UniqueId uid = ld.getUniqueId().append(ProblemDescriptor.SEGMENT, String.valueOf(e.getKey()));
            if (present.add(uid)) {
                ld.addChild(problemNode(uid, e.getValue(), ld.lang()));
            }
        }
        if (lf.pairs().isEmpty() && !lf.problems().isEmpty()) {
            return; // nothing could be read (a FIFO, every line broken): the failing problems say so, no gate decides
        }
        List<GateResult.Kind> kinds = config.gates().baseline().isPresent() && !config.gates().baselineUpdate()
                ? List.of(GateResult.Kind.COVERAGE, GateResult.Kind.GAP, GateResult.Kind.REGRESSION)
                : List.of(GateResult.Kind.COVERAGE, GateResult.Kind.GAP);
        for (GateResult.Kind kind : kinds) {
            UniqueId gate = ld.getUniqueId().append(GateDescriptor.SEGMENT, kind.id());
            if (present.add(gate)) {
                ld.addChild(new GateDescriptor(gate, sid, ld.lang(), lf.file(), kind));
            }
        }
    }

    /** A descriptor for every pair of the file: the language's own children where it has them, else new ones. */
    private List<PairDescriptor> pairsOf(LanguageDescriptor ld, SuiteReader.LanguageFile lf, String sid) {
        Map<UniqueId, PairDescriptor> children = new HashMap<>();
        for (org.junit.platform.engine.TestDescriptor c : ld.getChildren()) {
            if (c instanceof PairDescriptor p) {
                children.put(p.getUniqueId(), p);
            }
        }
        List<PairDescriptor> all = new ArrayList<>();
        for (IndexedPair ip : indexed(lf)) {
            UniqueId uid = ld.getUniqueId().append(PairDescriptor.SEGMENT, ip.pair().id());
            PairDescriptor p = children.get(uid);
            all.add(p != null ? p : new PairDescriptor(uid, ip.pair(), sid, lf.file(), ip.line()));
        }
        return all;
    }

    private ProblemDescriptor problemNode(UniqueId uid, List<SuiteProblem> problems, String lang) {
        SuiteProblem first = problems.get(0);
        String all = problems.stream().map(SuiteProblem::toString).collect(Collectors.joining("\n"));
        return new ProblemDescriptor(uid, "invalid line " + first.line() + ": "
                + problems.stream().map(SuiteProblem::field).collect(Collectors.joining(", ")), all,
                Sources.file(first.file(), first.line()), lang);
    }

    private record IndexedPair(Pair pair, int line) {
    }

    private List<IndexedPair> indexed(SuiteReader.LanguageFile lf) {
        List<IndexedPair> out = new ArrayList<>(lf.pairs().size());
        for (int i = 0; i < lf.pairs().size(); i++) {
            out.add(new IndexedPair(lf.pairs().get(i), lf.lines().get(i)));
        }
        return out;
    }

    private Optional<IndexedPair> findPair(SuiteReader.LanguageFile lf, String id) {
        return indexed(lf).stream().filter(ip -> ip.pair().id().equals(id)).findFirst();
    }

    private SuiteReader.LanguageFile parse(Path file) {
        return parse(file, (pair, line) -> { });
    }

    /** @param onPair told of each pair as it is read, when this call is the one that reads the file */
    private SuiteReader.LanguageFile parse(Path file, SuiteReader.PairSink onPair) {
        SuiteReader.LanguageFile known = parsed.get(file);
        if (known != null) {
            return known;
        }
        SuiteReader.LanguageFile lf = SuiteReader.read(file, onPair);
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

    private Optional<Suite> openSuite(Path dir) {
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

    /** The suite's id from its manifest, or the directory name when the manifest is unusable. */
    private String suiteIdOf(Path dir) {
        return openSuite(dir).map(s -> s.manifest().id())
                .orElseGet(() -> dir.getFileName() == null ? "suite" : dir.getFileName().toString());
    }

    private Optional<Path> findSuiteById(String id) {
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

    private List<Path> findSuiteDirs(Path root) {
        return findSuiteDirs(root, false);
    }

    /**
     * The suite directories under a root, sorted.
     *
     * @param reportOrphans report folders that hold pairs files but no suite.json (suite roots and selected
     *     directories; not classpath roots, where test fixtures may hold loose pairs files)
     */
    private List<Path> findSuiteDirs(Path root, boolean reportOrphans) {
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

    private DiscoverySelector dirSelector(Path dir) {
        return dir.getFileSystem() == FileSystems.getDefault() ? selectDirectory(dir.toFile()) : new PathSelector(dir);
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ClpSelectorResolver.class.getClassLoader();
    }

    /** A path on the default file system, or inside a jar on the classpath. */
    private static Path toPath(URI uri) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            String spec = uri.getSchemeSpecificPart();
            return fs.getPath(spec.substring(spec.indexOf("!/") + 1));
        }
        return Path.of(uri);
    }

    /** A selector for a path that may live inside a jar, where File-based selectors cannot point. */
    record PathSelector(Path path) implements DiscoverySelector {
    }
}
