package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.scoring.GateResult;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * The one place descriptors are made, for every selector (directory, file, classpath resource, unique id): their
 * unique ids, display names and sources, and which gates a language has.
 */
final class DescriptorFactory {

    private final ClpConfig config;
    private final DiscoveryIssueReporter issues;

    DescriptorFactory(ClpConfig config, DiscoveryIssueReporter issues) {
        this.config = config;
        this.issues = issues;
    }

    SuiteDescriptor suite(UniqueId parent, String sid, Optional<Suite> suite, Path dir) {
        return new SuiteDescriptor(parent.append(SuiteDescriptor.SEGMENT, sid), suite.orElse(null), dir,
                suite.map(s -> s.manifest().title() + " (" + sid + " " + s.manifest().version() + ")").orElse(sid));
    }

    /** The failing test of a suite whose manifest could not be read. */
    ProblemDescriptor invalidManifest(SuiteDescriptor suite, Path dir, String message) {
        return new ProblemDescriptor(suite.getUniqueId().append(ProblemDescriptor.SEGMENT, "0"), "invalid suite.json",
                message, Sources.file(dir.resolve(Suite.MANIFEST_FILE), 0), null);
    }

    /** The failing test, under the first suite with the id, of a second suite directory with the same id. */
    ProblemDescriptor duplicateId(SuiteDescriptor first, Path dir, String message) {
        return new ProblemDescriptor(first.getUniqueId().append(ProblemDescriptor.SEGMENT, "duplicate-id"),
                "duplicate suite id", message, Sources.file(dir.resolve(Suite.MANIFEST_FILE), 0), null);
    }

    LanguageDescriptor language(UniqueId suite, String lang, Path file) {
        return new LanguageDescriptor(suite.append(LanguageDescriptor.SEGMENT, lang), lang, file);
    }

    PairDescriptor pair(UniqueId language, PairsFile.Entry entry, String sid, PairsFile lf) {
        return new PairDescriptor(language.append(PairDescriptor.SEGMENT, entry.id()), entry, lf.text(), sid);
    }

    GateDescriptor gate(UniqueId language, String sid, String lang, Path file, GateResult.Kind kind) {
        return new GateDescriptor(language.append(GateDescriptor.SEGMENT, kind.id()), sid, lang, file, kind);
    }

    /** The gates every language of this run has: the regression gate only with a baseline to compare with. */
    List<GateResult.Kind> gateKinds() {
        return config.gates().baseline().isPresent() && !config.gates().baselineUpdate()
                ? List.of(GateResult.Kind.COVERAGE, GateResult.Kind.GAP, GateResult.Kind.REGRESSION)
                : List.of(GateResult.Kind.COVERAGE, GateResult.Kind.GAP);
    }

    /** The gate a {@code [gate:<value>]} segment selects, or empty with an error issue naming the gates there are. */
    Optional<GateResult.Kind> selectedGate(String value, UniqueId id) {
        Optional<GateResult.Kind> known = GateDescriptor.kind(value);
        if (known.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, "[gate:" + value + "] in " + id
                    + " is no gate of clp; the gates are " + Arrays.stream(GateResult.Kind.values())
                            .map(k -> "[gate:" + k.id() + "]").collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        if (!gateKinds().contains(known.get())) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, id + ": the regression "
                    + "gate compares with a baseline; set " + ClpConstants.BASELINE
                    + "=<file> (clp baseline record writes one)"));
            return Optional.empty();
        }
        return known;
    }

    /** Adds the pairs, problems and the gates of a parsed file under its language descriptor. */
    void addChildren(LanguageDescriptor ld, PairsFile lf, String sid) {
        Map<Integer, List<SuiteProblem>> byLine = new TreeMap<>();
        for (SuiteProblem p : lf.problems()) {
            byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
        }
        Set<UniqueId> present = ld.getChildren().stream().map(c -> c.getUniqueId()).collect(Collectors.toSet());
        for (PairsFile.Entry e : indexed(lf)) {
            if (present.add(ld.getUniqueId().append(PairDescriptor.SEGMENT, e.id()))) {
                ld.addChild(pair(ld.getUniqueId(), e, sid, lf));
            }
        }
        ld.pairsOfFile(pairsOf(ld, lf, sid));
        knowFile(ld, lf);
        for (Map.Entry<Integer, List<SuiteProblem>> e : byLine.entrySet()) {
            UniqueId uid = ld.getUniqueId().append(ProblemDescriptor.SEGMENT, String.valueOf(e.getKey()));
            if (present.add(uid)) {
                ld.addChild(problem(uid, e.getValue(), ld.lang()));
            }
        }
        if (lf.pairs().isEmpty() && !lf.problems().isEmpty()) {
            return; // nothing could be read (a FIFO, every line broken): the failing problems say so, no gate decides
        }
        for (GateResult.Kind kind : gateKinds()) {
            GateDescriptor gate = gate(ld.getUniqueId(), sid, ld.lang(), lf.file(), kind);
            if (present.add(gate.getUniqueId())) {
                ld.addChild(gate);
            }
        }
    }

    /**
     * Lets the language hold every pair of its file for an in-process stand-in ({@link RunPlan#questions}); nothing
     * for a real provider, which never reads them.
     */
    void knowFile(LanguageDescriptor ld, PairsFile lf) {
        if (ModelSetup.answersFromQuestions(config)) {
            ld.filePairs(lf.kept());
        }
    }

    /** A descriptor for every pair of the file: the language's own children where it has them, else new ones. */
    List<PairDescriptor> pairsOf(LanguageDescriptor ld, PairsFile lf, String sid) {
        Map<UniqueId, PairDescriptor> children = new HashMap<>();
        for (TestDescriptor c : ld.getChildren()) {
            if (c instanceof PairDescriptor p) {
                children.put(p.getUniqueId(), p);
            }
        }
        List<PairDescriptor> all = new ArrayList<>();
        for (PairsFile.Entry e : indexed(lf)) {
            PairDescriptor p = children.get(ld.getUniqueId().append(PairDescriptor.SEGMENT, e.id()));
            all.add(p != null ? p : pair(ld.getUniqueId(), e, sid, lf));
        }
        return all;
    }

    ProblemDescriptor problem(UniqueId uid, List<SuiteProblem> problems, String lang) {
        SuiteProblem first = problems.get(0);
        String all = problems.stream().map(SuiteProblem::toString).collect(Collectors.joining("\n"));
        return new ProblemDescriptor(uid, "invalid line " + first.line() + ": "
                + problems.stream().map(SuiteProblem::field).collect(Collectors.joining(", ")), all,
                Sources.file(first.file(), first.line()), lang);
    }

    /** The pairs of the file this run asks: all of them, or with {@code clp.shard} those of its shard. */
    List<PairsFile.Entry> indexed(PairsFile lf) {
        Optional<ClpConfig.Shard> shard = config.shard();
        if (shard.isEmpty()) {
            return lf.pairs();
        }
        List<PairsFile.Entry> out = new ArrayList<>(lf.pairs().size());
        for (PairsFile.Entry e : lf.pairs()) {
            if (shard.get().includes(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    Optional<PairsFile.Entry> findPair(PairsFile lf, String id) {
        return indexed(lf).stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
