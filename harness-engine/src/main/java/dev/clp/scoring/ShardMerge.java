package dev.clp.scoring;

import dev.clp.config.ClpConfig;
import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import dev.clp.run.RunSettings;
import dev.clp.run.RunUsage;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code clp merge}: the shards of one run ({@code clp.shard=i/n}) read from their {@code run.json} and decided as
 * one run. It refuses shards that are not of one run (another model, suite version, setting or shard count, a
 * shard missing or given twice, a pair in two shards), then decides every gate over the union of their pairs through
 * the code a run uses ({@link RunGates#decide}, one Holm family over every language), so the verdicts, figures and
 * p-values are those of the whole run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ShardMerge {

    /** Settings a shard may have of its own: they shape no answer ({@code concurrency}: calls in flight). */
    static final Set<String> FREE_SETTINGS = Set.of("concurrency");

    private ShardMerge() {
    }

    /** Shards that cannot be merged into one run; the message names the directories and what differs. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The merged run.
     *
     * @param run the merged {@code run.json}
     * @param gates the merged {@code gates.json}
     * @param fails whether a whole run would fail: a gate fails, a pair ended in an error, or (with
     *     {@code clp.fail-on=pairs}) a weak pair the baseline did not know
     * @param table the summary a run prints, with the results file named
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Result(RunDocument run, GatesDocument gates, boolean fails, String table) {
    }

    /**
     * Reads and merges the shards' run records.
     *
     * @param dirs each shard's results directory (or its {@code run.json})
     * @param baseline the regression gate's baseline, or null
     * @param output the directory the merged records are written to, named in the table
     * @throws Refused when the shards are not of one run, naming the directories and the field
     */
    public static Result merge(List<Path> dirs, Baseline baseline, Path output) {
        if (dirs.isEmpty()) {
            throw new Refused("no shard given: clp merge RUN_DIR... (each shard's clp.results.dir)");
        }
        List<Path> files = new ArrayList<>();
        List<RunDocument> docs = new ArrayList<>();
        for (Path dir : dirs) {
            Path file = Files.isDirectory(dir) ? dir.resolve(RunDocument.FILE) : dir;
            if (!Files.isRegularFile(file)) {
                throw new Refused(dir + ": no " + RunDocument.FILE + " (give each shard's results directory, its "
                        + "clp.results.dir)");
            }
            RunDocument doc;
            try {
                doc = RunDocument.read(file);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
            if (doc.mergedShards() != null) {
                throw new Refused(file + ": already merged from " + doc.mergedShards() + " shards; give the shards");
            }
            if (doc.shard() == null) {
                throw new Refused(file + ": a whole run, not a shard (no \"shard\" field); run each shard with "
                        + "-Dclp.shard=i/n");
            }
            files.add(file.getParent() == null ? file : file.getParent());
            docs.add(doc);
        }
        ShardChecks.sameRun(files, docs, baseline);
        Map<String, RunDocument.Language> languages = new LinkedHashMap<>();
        Map<String, List<RunGates.Scored>> scored = new LinkedHashMap<>();
        Map<String, List<RunDocument.PairResult>> pairs = new LinkedHashMap<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            RunDocument doc = docs.get(i);
            for (RunDocument.Language l : doc.languages()) {
                String k = key(l.suite(), l.lang());
                languages.putIfAbsent(k, l);
                scored.putIfAbsent(k, new ArrayList<>());
                pairs.putIfAbsent(k, new ArrayList<>());
            }
            for (RunDocument.PairResult p : doc.pairs()) {
                Path earlier = seen.put(key(p.suite(), p.lang(), p.id()), files.get(i));
                if (earlier != null) {
                    throw new Refused("pair " + p.id() + " of suite " + p.suite() + " is in two shards: " + earlier
                            + " and " + files.get(i) + "; shards of one run have no pair in common");
                }
                int belongs = ClpConfig.Shard.of(p.id(), doc.shard().count());
                if (belongs != doc.shard().index()) {
                    throw new Refused(files.get(i) + ": pair " + p.id() + " is in shard " + doc.shard().index() + "/"
                            + doc.shard().count() + " but its id belongs to shard " + belongs + "/"
                            + doc.shard().count() + " (written by another version of clp-harness?)");
                }
                String k = key(p.suite(), p.lang());
                if (!scored.containsKey(k)) {
                    throw new Refused(files.get(i) + ": pair " + p.id() + " of suite " + p.suite() + " has no entry "
                            + "for its language " + p.lang() + " in languages");
                }
                scored.get(k).add(scored(p, files.get(i)));
                pairs.get(k).add(p);
            }
        }
        RunDocument first = docs.get(0);
        RunSettings settings = first.settings();
        GatePolicy policy = new GatePolicy(lang -> settings.maxGapByLanguage().getOrDefault(lang, settings.maxGap()),
                settings.tolerance(), settings.alpha(), settings.minAnswered(), settings.minBaselineCoverage(),
                settings.allowUnderpowered(), "fail".equals(settings.inconclusive()));
        List<RunGates.LanguageScores> input = new ArrayList<>();
        languages.forEach((k, l) -> input.add(new RunGates.LanguageScores(l.suite(), l.lang(), scored.get(k))));
        List<LanguageSummary> summaries = RunGates.decide(input, policy, baseline);
        Instant started = docs.stream().map(d -> Instant.parse(d.startedAt())).min(Instant::compareTo).orElseThrow();
        Instant finished = docs.stream().map(d -> Instant.parse(d.finishedAt())).max(Instant::compareTo).orElseThrow();
        RunUsage usage = ShardChecks.usage(docs);
        RunRecord record = new RunRecord(first.model(), docs.stream().anyMatch(RunDocument::simulated), started,
                finished, settings, usage, first.suites(), summaries, List.of(),
                baseline == null ? null : baseline.model());
        RunDocument whole = record.run();
        List<RunDocument.PairResult> all = new ArrayList<>();
        pairs.values().forEach(all::addAll);
        RunDocument merged = new RunDocument(whole.format(), whole.model(), whole.simulated(), whole.startedAt(),
                whole.finishedAt(), whole.settings(), whole.usage(), whole.suites(), whole.baselineModel(), null,
                docs.size(), whole.languages(), all);
        GatesDocument gates = record.gates();
        boolean fails = gates.failed() || all.stream().anyMatch(p -> "error".equals(p.outcome()))
                || "pairs".equals(settings.failOn()) && all.stream().anyMatch(p -> p.weak() && (baseline == null
                        || !baseline.pair(p.suite(), p.id()).map(Baseline.PairResult::weak).orElse(false)));
        String table = SummaryTable.render(merged.model(), merged.simulated(), summaries,
                output.resolve(RunDocument.FILE).toAbsolutePath().normalize().toString(),
                Duration.between(started, finished)) + ShardChecks.usageLine(docs.size(), usage);
        return new Result(merged, gates, fails, table);
    }

    /** What the gates read of a pair, from its record: the same figures {@link RunGates.Scored#of} takes. */
    static RunGates.Scored scored(RunDocument.PairResult p, Path file) {
        boolean answered = switch (p.outcome()) {
            case "consistent", "weak", "not-applicable", "unparseable" -> true;
            default -> false;
        };
        if (!answered) {
            return new RunGates.Scored(p.id(), p.question(), p.outcome(), false, 0, 0, 0, false, false, false);
        }
        if (p.en() == null || p.target() == null) {
            throw new Refused(file + ": pair " + p.id() + " is " + p.outcome() + " but has no en and target answers");
        }
        RunDocument.Side en = p.en();
        int size = en.extraction().size();
        int parsed = parsed(en);
        // SideResult's figures from the recorded ones: correctShare is correct / size, so correct is exact
        long correct = Math.round(en.correctShare() * size);
        double ifUnreadableRight = size == 0 ? 0 : (correct + size - parsed) / (double) size;
        return new RunGates.Scored(p.id(), p.question(), p.outcome(), true, en.correctShare(), ifUnreadableRight,
                p.target().correctShare(), readable(en), readable(p.target()), Boolean.TRUE.equals(p.flaky()));
    }

    private static int parsed(RunDocument.Side side) {
        return (int) side.extraction().stream().filter(e -> !e.startsWith("unparseable")).count();
    }

    private static boolean readable(RunDocument.Side side) {
        return parsed(side) * 2 > side.extraction().size();
    }

    static String key(String... parts) {
        return String.join("\u001f", parts);
    }

    /** The first setting two records differ in, as {@code settings.<name> (a against b)}, or null. */
    static String difference(RunSettings a, RunSettings b) {
        for (RecordComponent c : RunSettings.class.getRecordComponents()) {
            if (FREE_SETTINGS.contains(c.getName())) {
                continue;
            }
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) {
                    return "settings." + c.getName() + " (" + x + " against " + y + ")";
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read RunSettings." + c.getName(), e);
            }
        }
        return null;
    }
}
