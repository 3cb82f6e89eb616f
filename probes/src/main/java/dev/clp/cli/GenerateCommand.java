package dev.clp.cli;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.CallStats;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.SafeText;
import dev.clp.model.spi.Questions;
import dev.clp.probes.Checkpoint;
import dev.clp.probes.Generator;
import dev.clp.probes.GeneratorException;
import dev.clp.probes.GeneratorSettings;
import dev.clp.probes.SeedQuestion;
import dev.clp.probes.SeedReader;
import dev.clp.probes.SearchStrategy;
import dev.clp.probes.SuiteOutput;
import dev.clp.suite.Pair;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp generate}: grows a suite with new failing pairs (the Cross-Lingual Pitfalls beam search). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grows a suite with new failing pairs (the Cross-Lingual Pitfalls beam search).",
                "Searches for English questions the panel answers right while failing the translated version,",
                "and adds them to a suite with provenance. Resumable: a killed run started again with the same flags",
                "continues from its checkpoint. Model keys (-Dclp.endpoint, clp.cache, clp.price.* ...) apply to every model.",
                "Exit status: 0 done (or stopped by a budget), 1 a model or file failed (the checkpoint keeps the work),",
                "2 bad flags or configuration."})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "FILE",
            description = "English multiple-choice source (JSON array of {question, choices, answer, source, subject})")
    private Path source;

    @Option(names = "--language", required = true, paramLabel = "TAG", description = "Target language (BCP 47), e.g. sw")
    private String language;

    @Option(names = "--panel", required = true, split = ",", arity = "1..*", paramLabel = "MODEL",
            description = "Panel models, provider:model (put the weakest first: early stopping asks in this order)")
    private List<String> panel = new ArrayList<>();

    @Option(names = "--out", paramLabel = "SUITE_DIR", description = "Suite directory to add pairs to (not with --compare)")
    private Path out;

    @Option(names = "--strategy", defaultValue = "improved", converter = StrategyName.class,
            description = "improved (default) or reference")
    private SearchStrategy strategy;

    @Option(names = "--compare", description = "Run both strategies on the same seeds and budget, print their "
            + "efficiency side by side, write no suite")
    private boolean compare;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "SQLite checkpoint (default target/clp-generate/<suite>-<lang>-<strategy>.sqlite); with "
                    + "--compare a directory to keep both strategies' checkpoints in (default: a temporary one)")
    private Path checkpointFile;

    @Option(names = "--seeds", defaultValue = "0", description = "Use at most this many seed questions (0: all)")
    private int maxSeeds;

    @Option(names = "--writer", paramLabel = "MODEL", description = "Distraction writer (default: first panel model; reference: the panel's gpt-4o-mini if any)")
    private String writer;

    @Option(names = "--translator", paramLabel = "MODEL", description = "Translator (default: first panel model; reference: the panel's gpt-4o if any)")
    private String translator;

    @Option(names = "--judge", paramLabel = "MODEL", description = "Meaning judge, improved strategy (default: translator)")
    private String judge;

    @Option(names = "--extractor", paramLabel = "MODEL",
            description = "Answer reader for --extraction model (default: first panel model; reference: the panel's "
                    + "gpt-4o-mini if any)")
    private String extractor;

    @Option(names = "--holdout", split = ",", paramLabel = "MODEL",
            description = "Validation models outside the panel, asked about accepted pairs (flagged in provenance)")
    private List<String> holdout = new ArrayList<>();

    @Option(names = "--beam-width", defaultValue = "12", description = "Candidates kept per level (${DEFAULT-VALUE})")
    private int beamWidth;

    @Option(names = "--depth", defaultValue = "4", description = "Levels searched (${DEFAULT-VALUE})")
    private int depth;

    @Option(names = "--extended-depth", defaultValue = "6",
            description = "Levels once a pair is accepted (${DEFAULT-VALUE})")
    private int extendedDepth;

    @Option(names = "--max-per-seed", defaultValue = "3", description = "Accepted pairs per seed (${DEFAULT-VALUE}); reference: max_good, pairs at target rate <= 0.2 after"
                    + " which a seed leaves the queue (no limit on what is kept)")
    private int maxPerSeed;

    @Option(names = "--batch-size", defaultValue = "4", description = "Seeds searched together (${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--accept-target", defaultValue = "0.4",
            description = "Accept when English rate is 1 and target rate <= this (${DEFAULT-VALUE})")
    private double acceptTarget;

    @Option(names = "--distraction-temperature", defaultValue = "0.7", description = "(${DEFAULT-VALUE})")
    private double distractionTemperature;

    @Option(names = "--score", defaultValue = "reward",
            description = "reward: log(1 + rE^2/(rT^2 + 0.001)) - 20 (1 - rE)^3; v: rE^gamma - rT")
    private GeneratorSettings.Score score;

    @Option(names = "--gamma", defaultValue = "2.0", description = "Exponent of rE in --score v (${DEFAULT-VALUE})")
    private double gamma;

    @Option(names = "--extraction", description = "local (one call per answer) or model (a second call, as published);"
            + " default by strategy")
    private GeneratorSettings.Extraction extraction;

    @Option(names = "--near-duplicate", defaultValue = "0.8",
            description = "Word-set similarity that makes a seed a near-duplicate of a suite question (${DEFAULT-VALUE})")
    private double nearDuplicate;

    @Option(names = "--max-calls", defaultValue = "0", description = "Hard budget of model calls (0: none)")
    private long maxCalls;

    @Option(names = "--max-cost", defaultValue = "0", description = "Hard budget in USD from clp.price.* (0: none)")
    private double maxCost;

    @Option(names = "--concurrency", defaultValue = "8", description = "Candidates evaluated at once (${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date written into provenance (default: today, UTC)")
    private String date;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "true",
            description = "A clp.* model key for every model: -Dclp.endpoint=http://127.0.0.1:8000/v1 -Dclp.cache=off")
    private Map<String, String> properties = new LinkedHashMap<>();

    /** The source file's digest, read once per command: part of every checkpoint's fingerprint. */
    private String sourceDigest;

    @Override
    public Integer call() {
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!compare && out == null) {
            err.println("clp generate: --out SUITE_DIR is required (or --compare to measure the strategies)");
            return 2;
        }
        try {
            sourceDigest = digest(source);
            SeedReader.Result seeds = SeedReader.read(source);
            seeds.problems().stream().limit(5).forEach(p -> err.println("clp generate: skipped "
                    + SafeText.oneLine(String.valueOf(p))));
            if (seeds.problems().size() > 5) {
                err.println("clp generate: ... " + (seeds.problems().size() - 5) + " more records skipped");
            }
            if (compare) {
                return compare(seeds.seeds(), outWriter, err);
            }
            GeneratorSettings settings = settings(strategy);
            List<Pair> existing = SuiteOutput.existing(out, language);
            Path cp = checkpointFile != null ? checkpointFile : defaultCheckpoint(settings);
            Generator.Report report = run(settings, seeds.seeds(), existing, cp, err);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("generator", "clp generate");
            provenance.put("strategy", settings.strategy().name());
            int added = SuiteOutput.append(out, language, report.accepted(), provenance);
            printReport(outWriter, List.of(report));
            outWriter.printf(Locale.ROOT, "added %d new pair(s) to %s (%d accepted in this run's checkpoint %s)%n", added,
                    Generator.pairsFile(out, language), report.accepted().size(), cp);
            report.stoppedBy().ifPresent(r -> outWriter.println("stopped early: " + r
                    + " (rerun with a larger budget to continue from the checkpoint)"));
            return 0;
        } catch (ConfigException e) {
            err.println("clp generate: " + SafeText.terminal(e.getMessage(), true));
            return 2;
        } catch (GeneratorException e) {
            // messages may quote seed text and a server's error body: nothing in them may act on the terminal
            err.println("clp generate: " + SafeText.terminal(e.getMessage(), true));
            return e.getMessage().startsWith("--") ? 2 : 1;
        } catch (RuntimeException e) {
            // a model that failed after its retries, an unreadable file, or a defect: say what it was, never nothing
            err.println("clp generate: " + SafeText.terminal(e.getMessage() != null ? e.getMessage() : e.toString(),
                    true));
            err.println("clp generate: the checkpoint keeps every answer received; run the same command again to resume");
            return 1;
        }
    }

    private int compare(List<SeedQuestion> seeds, PrintWriter outWriter, PrintWriter err) throws GeneratorException {
        List<Generator.Report> reports = new ArrayList<>();
        // a measurement starts empty: a checkpoint left by an earlier comparison would replay every answer for free
        Path dir;
        try {
            dir = checkpointFile != null ? checkpointFile : Files.createTempDirectory("clp-generate-compare");
        } catch (java.io.IOException e) {
            throw new GeneratorException("cannot create a directory for the comparison's checkpoints: " + e.getMessage(),
                    e);
        }
        try {
            for (SearchStrategy st : SearchStrategy.all()) {
                GeneratorSettings settings = settings(st);
                Path cp = dir.resolve(language + "-" + st.name() + "-"
                        + Integer.toHexString(settings.fingerprint(sourceDigest).hashCode()) + ".sqlite");
                reports.add(run(settings, seeds, List.of(), cp, err));
            }
        } finally {
            if (checkpointFile == null) {
                deleteTree(dir);
            }
        }
        printReport(outWriter, reports);
        Generator.Report ref = reports.get(SearchStrategy.all().indexOf(SearchStrategy.REFERENCE));
        Generator.Report imp = reports.get(SearchStrategy.all().indexOf(SearchStrategy.IMPROVED));
        if (ref.acceptedPerThousandCalls() > 0) {
            outWriter.printf(Locale.ROOT, "improved / reference, accepted pairs per 1,000 calls: %.2f x%n",
                    imp.acceptedPerThousandCalls() / ref.acceptedPerThousandCalls());
        }
        return 0;
    }

    private Generator.Report run(GeneratorSettings settings, List<SeedQuestion> seeds, List<Pair> existing, Path cp,
            PrintWriter err) {
        Map<String, ModelClient> clients = new LinkedHashMap<>();
        Questions key = new Questions();
        seeds.forEach(s -> key.add("en", s.en(), 0));
        double[] prices = new double[2];
        try (Checkpoint checkpoint = Checkpoint.open(cp, settings.fingerprint(sourceDigest))) {
            for (String name : settings.models()) {
                ClpConfig config = config(name);
                prices[0] = config.budget().priceInputPerMTok();
                prices[1] = config.budget().priceOutputPerMTok();
                clients.put(name, ModelClients.create(config, System.getenv(), key, new CallStats()));
            }
            if (settings.maxCost() > 0 && prices[0] + prices[1] == 0) {
                throw new ConfigException("--max-cost " + settings.maxCost() + ": no call has a cost without the "
                        + "models' prices (-D" + ClpConstants.PRICE_INPUT + "=USD -D" + ClpConstants.PRICE_OUTPUT
                        + "=USD per million tokens), so the budget could never stop the run; set them or use --max-calls");
            }
            int usable = settings.maxSeeds() > 0 ? Math.min(seeds.size(), settings.maxSeeds()) : seeds.size();
            long estimate = estimate(settings, usable);
            String cost = prices[0] + prices[1] == 0 ? " (set clp.price.* for a cost estimate)"
                    : String.format(Locale.ROOT, ", at most ~$%.2f at %d tokens in and %d out per call",
                            estimate * (TOKENS_IN * prices[0] + TOKENS_OUT * prices[1]) / 1e6, TOKENS_IN, TOKENS_OUT);
            err.printf(Locale.ROOT, "clp generate: %s strategy, %s, panel %s; %d seed questions; at most ~%,d model calls"
                    + " (search bound)%s%s; checkpoint %s%n", settings.strategy().name(),
                    settings.lang(), settings.panel(), usable, estimate, cost,
                    settings.maxCalls() > 0 ? ", budget " + settings.maxCalls() + " calls" : "", cp);
            Progress progress = new Progress(err, System.console() != null);
            try (Generator generator = new Generator(settings, clients::get, checkpoint, source.getFileName().toString(),
                    existing, prices, progress::update)) {
                Generator.Report report = generator.run(seeds);
                progress.done();
                return report;
            }
        } finally {
            clients.values().forEach(ModelClient::close);
        }
    }

    /** Typical tokens of one generator call (a lettered question with distraction; a short answer), for the estimate. */
    static final int TOKENS_IN = 400;
    static final int TOKENS_OUT = 60;

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the comparison's checkpoints in " + dir, e);
        }
    }

    /** Upper bound of calls from the search's shape, printed before the run (the pre-flight estimate). */
    static long estimate(GeneratorSettings s, int seeds) {
        long answer = s.extraction() == GeneratorSettings.Extraction.MODEL ? 2 : 1;
        long panelBoth = 2L * s.panel().size() * answer;
        long perCandidate = 2 + panelBoth + (s.checks() ? 2 : 0);
        long perSeed = s.panel().size() * answer + 1 + (s.checks() ? 1 : 0);
        long batches = (seeds + s.batchSize() - 1) / Math.max(1, s.batchSize());
        long perBatch = (long) s.extendedDepth() * s.beamWidth() * 3 * perCandidate;
        long bound = seeds * perSeed + batches * perBatch;
        return s.maxCalls() > 0 ? Math.min(bound, s.maxCalls()) : bound;
    }

    private ClpConfig config(String model) {
        Map<String, String> keys = new LinkedHashMap<>(properties);
        keys.put(ClpConstants.MODEL, model);
        return ClpConfig.from(k -> Optional.ofNullable(keys.get(k)), keys.keySet(), System.getenv());
    }

    private GeneratorSettings settings(SearchStrategy st) {
        GeneratorSettings.Builder b = GeneratorSettings.builder().strategy(st).lang(language).panel(panel)
                .writer(writer).translator(translator).judge(judge).extractor(extractor).holdout(holdout)
                .beamWidth(beamWidth).depth(depth).extendedDepth(extendedDepth).maxPerSeed(maxPerSeed)
                .batchSize(batchSize).acceptTarget(acceptTarget).distractionTemperature(distractionTemperature)
                .score(score).gamma(gamma).nearDuplicate(nearDuplicate).maxSeeds(maxSeeds).maxCalls(maxCalls)
                .maxCost(maxCost).concurrency(concurrency).date(date);
        if (extraction != null && !compare) {
            b.extraction(extraction);
        }
        return b.build();
    }

    /** {@code --strategy NAME}: a strategy by its name; an unknown one is a usage error listing the known ones. */
    static final class StrategyName implements CommandLine.ITypeConverter<SearchStrategy> {
        @Override
        public SearchStrategy convert(String value) {
            try {
                return SearchStrategy.named(value);
            } catch (GeneratorException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private Path defaultCheckpoint(GeneratorSettings s) {
        String suite = out.toAbsolutePath().normalize().getFileName().toString();
        return Path.of("target", "clp-generate", suite + "-" + s.lang() + "-"
                + s.strategy().name() + ".sqlite");
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)), 0, 8);
        } catch (java.io.IOException e) {
            throw new GeneratorException(file + ": cannot read: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void printReport(PrintWriter out, List<Generator.Report> reports) {
        out.println("| strategy | seeds searched / read | model calls | replayed | graded answers | calls per graded answer"
                + " | accepted | accepted per 1,000 calls | tokens | cost (USD) |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Generator.Report r : reports) {
            out.printf(Locale.ROOT, "| %s | %d / %d | %,d | %,d | %,d | %.2f | %d | %.2f | %,d | %.4f |%n",
                    r.settings().strategy().name(), r.seedsSearched(), r.seedsRead(), r.calls(),
                    r.replayed(), r.gradedAnswers(), r.callsPerGradedAnswer(), r.accepted().size(),
                    r.acceptedPerThousandCalls(), r.tokens(), r.cost());
        }
        for (Generator.Report r : reports) {
            out.printf(Locale.ROOT, "%s: calls by purpose %s; seeds skipped %s; candidates rejected %s%n",
                    r.settings().strategy().name(), r.callsByKind(), r.seedsSkipped(),
                    r.rejected());
            if (r.accepted().stream().anyMatch(SuiteOutput::simulated)) {
                Map<String, Integer> defects = new java.util.TreeMap<>();
                int ungraded = 0;
                for (Pair p : r.accepted()) {
                    if (!dev.clp.probes.SimulatedDefects.graded(p)) {
                        ungraded++;
                    }
                    dev.clp.probes.SimulatedDefects.of(p).ifPresent(d -> defects.merge(d, 1, Integer::sum));
                }
                int bad = defects.values().stream().mapToInt(Integer::intValue).sum();
                int sound = r.accepted().size() - bad - ungraded;
                out.printf(Locale.ROOT, "%s: accepted pairs with a defect (the simulation's record of the faults it put "
                        + "in): %d %s; not in the record: %d; sound pairs per 1,000 calls %.2f%n",
                        r.settings().strategy().name(), bad, defects, ungraded,
                        r.calls() == 0 ? 0 : sound * 1000.0 / r.calls());
                if (r.settings().checks()) {
                    double[] judge = dev.clp.probes.SimulatedDefects.judgeRates();
                    double[] configured = dev.clp.probes.SimulatedDefects.judgeConfigured();
                    out.printf(Locale.ROOT, "%s: the judge's catch rate observed (by the record) %.2f of %.0f giveaways"
                            + " (configured %.2f for a giveaway naming the whole right option), false alarms observed "
                            + "%.3f of %.0f sound perturbations (configured %.3f)%n", r.settings().strategy().name(),
                            judge[0], judge[2], configured[0], judge[1], judge[3], configured[1]);
                }
            }
            long candidates = r.callsByKind().getOrDefault("distraction", 0L);
            if (candidates > 0 && r.settings().strategy() == SearchStrategy.REFERENCE) {
                long seedCalls = (long) r.seedsRead() * 2 * r.settings().panel().size() + 2L * r.seedsSearched();
                out.printf(Locale.ROOT, "%s: %,d candidates written, ~%.1f model calls per candidate (the published code:"
                        + " up to 22 with its panel of 5)%n", r.settings().strategy().name(), candidates,
                        Math.max(0, r.calls() - seedCalls) / (double) candidates);
            }
        }
    }

    /** A progress bar on a terminal, a plain line per batch otherwise (CI logs). */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private boolean drawn;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        synchronized void update(Generator.Progress p) {
            double elapsed = (System.nanoTime() - started) / 1e9;
            double share = p.seedsTotal() == 0 ? 1 : p.seedsDone() / (double) p.seedsTotal();
            String eta = share <= 0 || share >= 1 ? "-" : String.format(Locale.ROOT, "%.0fs", elapsed / share - elapsed);
            String line = String.format(Locale.ROOT, "seeds %d/%d  calls %,d (+%,d replayed)  accepted %d  cost $%.4f  ETA %s",
                    p.seedsDone(), p.seedsTotal(), p.calls(), p.replayed(), p.accepted(), p.cost(), eta);
            if (terminal) {
                int filled = (int) Math.round(share * 24);
                err.print("\r[" + "#".repeat(filled) + ".".repeat(24 - filled) + "] " + line + "   ");
                drawn = true;
            } else {
                err.println("clp generate: batch " + p.batches() + ": " + line);
            }
            err.flush();
        }

        synchronized void done() {
            if (drawn) {
                err.println();
            }
        }
    }
}
