package dev.clp.scoring;

import dev.clp.run.RunDocument;
import dev.clp.run.RunSettings;
import dev.clp.run.RunUsage;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What {@link ShardMerge} checks of the shards before it merges them, and their usage added up. */
final class ShardChecks {

    private ShardChecks() {
    }

    /**
     * Refuses shards that are not of one run: another shard count, a shard given twice or missing, another model,
     * suite version, setting, fallback extractor or baseline; or a baseline the shards ran with but not given.
     */
    static void sameRun(List<Path> dirs, List<RunDocument> docs, Baseline baseline) {
        RunDocument first = docs.get(0);
        Path a = dirs.get(0);
        int count = first.shard().count();
        Map<Integer, Path> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            RunDocument d = docs.get(i);
            Path b = dirs.get(i);
            if (d.shard().count() != count) {
                throw refused(a, b, "shard.count (" + count + " against " + d.shard().count() + ")");
            }
            Path twice = byIndex.put(d.shard().index(), b);
            if (twice != null) {
                throw new ShardMerge.Refused(twice + " and " + b + " are both shard " + d.shard().index() + "/" + count
                        + "; give each shard once");
            }
            if (i == 0) {
                continue;
            }
            String differs = !first.model().equals(d.model()) ? "model (" + first.model() + " against " + d.model() + ")"
                    : first.simulated() != d.simulated() ? "simulated (" + first.simulated() + " against "
                            + d.simulated() + ")"
                    : !first.suites().equals(d.suites()) ? "suites (" + first.suites() + " against " + d.suites() + ")"
                    : !Objects.equals(first.baselineModel(), d.baselineModel()) ? "baselineModel ("
                            + first.baselineModel() + " against " + d.baselineModel() + ")"
                    : !Objects.equals(fallbackModel(first), fallbackModel(d)) ? "usage.fallbackExtractor.model ("
                            + fallbackModel(first) + " against " + fallbackModel(d) + ")"
                    : ShardMerge.difference(first.settings(), d.settings());
            if (differs != null) {
                throw refused(a, b, differs);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder given = new StringBuilder();
            byIndex.forEach((i, dir) -> given.append(given.length() == 0 ? "" : ", ").append(i).append('/')
                    .append(count).append(' ').append(dir));
            throw new ShardMerge.Refused("shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + (missing.size() > 1 ? " are" : " is") + " missing (given: " + given + "); a gate is decided over "
                    + "every pair of its language");
        }
        for (RecordComponent c : List.of(RunSettings.class.getRecordComponents())) {
            if (Set.of("minAnswered", "minBaselineCoverage", "allowUnderpowered", "inconclusive").contains(c.getName())) {
                try {
                    if (c.getAccessor().invoke(first.settings()) == null) {
                        throw new ShardMerge.Refused(a + ": run.json has no settings." + c.getName() + " (written by "
                                + "an older clp-harness); run the shards again with this one");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read RunSettings." + c.getName(), e);
                }
            }
        }
        if (first.baselineModel() != null && baseline == null) {
            throw new ShardMerge.Refused(a + ": the shards ran with a baseline (" + first.baselineModel() + "); give "
                    + "it to clp merge with --baseline FILE, or the regression gates would go undecided");
        }
        if (first.baselineModel() != null && !first.baselineModel().equals(baseline.model())) {
            throw new ShardMerge.Refused("--baseline is of " + baseline.model() + " but the shards ran with a baseline "
                    + "of " + first.baselineModel() + " (" + a + ")");
        }
    }

    private static ShardMerge.Refused refused(Path a, Path b, String field) {
        return new ShardMerge.Refused(a + " and " + b + " are not shards of one run: they differ in " + field
                + "; run every shard with the same suites and -D keys");
    }

    private static String fallbackModel(RunDocument d) {
        return d.usage() == null || d.usage().fallbackExtractor() == null ? null : d.usage().fallbackExtractor().model();
    }

    /** The shards' usage added up; the call span and first-call figures are each shard's own and left out. */
    static RunUsage usage(List<RunDocument> docs) {
        long calls = 0;
        long retries = 0;
        long cuts = 0;
        long hits = 0;
        long misses = 0;
        long batch = 0;
        long prompt = 0;
        long completion = 0;
        Map<String, Long> byCause = new LinkedHashMap<>();
        Map<String, RunUsage.LanguageUsage> byLanguage = null;
        Double cost = null;
        Set<String> budget = new LinkedHashSet<>();
        Set<String> stopped = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (RunDocument d : docs) {
            RunUsage u = d.usage();
            calls += u.modelCalls();
            retries += u.retries();
            cuts += u.concurrencyCuts();
            hits += u.cacheHits();
            misses += u.cacheMisses();
            batch += u.batchAnswers();
            prompt += u.promptTokens();
            completion += u.completionTokens();
            u.retriesByCause().forEach((k, v) -> byCause.merge(k, v, Long::sum));
            if (u.byLanguage() != null) {
                byLanguage = byLanguage == null ? new LinkedHashMap<>() : byLanguage;
                for (var e : u.byLanguage().entrySet()) {
                    byLanguage.merge(e.getKey(), e.getValue(), (x, y) -> new RunUsage.LanguageUsage(x.calls() + y.calls(),
                            x.promptTokens() + y.promptTokens(), x.completionTokens() + y.completionTokens(),
                            x.cost() + y.cost()));
                }
            }
            if (u.cost() != null) {
                cost = (cost == null ? 0 : cost) + u.cost();
            }
            addShard(budget, d, u.budgetStopped());
            addShard(stopped, d, u.stopped());
            if (u.cacheWarning() != null) {
                warnings.addAll(List.of(u.cacheWarning().split("\n")));
            }
        }
        return new RunUsage(calls, retries, byCause, cuts, hits, misses, batch, prompt, completion, null, null, byLanguage,
                cost, budget.isEmpty() ? null : String.join("; ", budget), stopped.isEmpty() ? null
                        : String.join("; ", stopped), docs.get(0).usage().cache(),
                warnings.isEmpty() ? null : String.join("\n", warnings), null);
    }

    private static void addShard(Set<String> to, RunDocument d, String what) {
        if (what != null) {
            to.add("shard " + d.shard().index() + "/" + d.shard().count() + ": " + what);
        }
    }

    /** The usage line of the merged summary. */
    static String usageLine(int shards, RunUsage u) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "merged from %d shards: model calls %d, "
                + "cache %s: %d hits (%d from batches), %d misses, tokens in/out %d/%d", shards, u.modelCalls(), u.cache(),
                u.cacheHits(), u.batchAnswers(), u.cacheMisses(), u.promptTokens(), u.completionTokens()));
        if (u.cost() != null && u.cost() > 0) {
            sb.append(String.format(Locale.ROOT, ", cost $%.4f", u.cost()));
        }
        sb.append('\n');
        if (u.budgetStopped() != null) {
            sb.append("BUDGET: ").append(u.budgetStopped()).append('\n');
        }
        if (u.stopped() != null) {
            sb.append("STOPPED: ").append(u.stopped()).append('\n');
        }
        if (u.cacheWarning() != null) {
            for (String w : u.cacheWarning().split("\n")) {
                sb.append("CACHE: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
