package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clp.config.ClpConfig;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.spi.Questions;
import dev.clp.suite.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faithful reference against the generator's simulation reproduces the shape of the paper's Table 1 on Chinese
 * (conversion of seed questions into pitfall pairs: no perturbation ≈ 0, direct perturbation ≈ 0.036, the full method
 * ≈ 0.431). Conversion here is over the seeds that pass the English panel and the translation: no perturbation, the
 * plain translation has target rate ≤ 0.2; direct, one distraction per wrong option (depth 1, no search) gives a kept
 * pair; full, the reference's search keeps one. The panel is the published one of five (the paper's figures are
 * its), a 3-model panel beside it. Seeds: the paper's ai2_arc_easy source ({@code ../shared}) when present, else the
 * project's 24 test seeds (a small sample: the bounds are wide).
 */
class Table1ShapeTest {

    /** The 3-model panel the simulation was calibrated with before 2026-12-03 (now the published panel's). */
    static final List<String> PANEL = List.of("sim:llama-3.1-8b", "sim:gpt-4o-mini", "sim:gpt-4o");

    @TempDir
    Path tmp;

    static Path source() {
        String env = System.getenv("CLP_DATASET");
        for (Path dataset : new Path[] {env == null ? null : Path.of(env), Path.of("../../shared/clp-dataset"),
            Path.of("../../../shared/clp-dataset")}) {
            if (dataset != null && Files.exists(dataset.resolve("source/ai2_arc_easy.json"))) {
                return dataset.resolve("source/ai2_arc_easy.json").toAbsolutePath().normalize();
            }
        }
        return GeneratorFixture.seedsFile();
    }

    /** The published panel of five (run.py), all of whose profiles the simulator has. */
    static final List<String> PUBLISHED_PANEL = List.of("sim:gpt-4o", "sim:llama-3.1-8b", "sim:qwen-2.5-72b",
            "sim:gpt-4o-mini", "sim:gemma-2-27b");

    /** Conversion rates: none, direct, full, on seeds {@code from} to {@code from + seeds - 1} with this panel. */
    static double[] measure(Path source, int from, int seeds, List<String> panelModels, Path dir) {
        List<SeedQuestion> all = SeedReader.read(source).seeds();
        List<SeedQuestion> used = all.subList(Math.min(from, all.size()), Math.min(from + seeds, all.size()));
        return measure(source, used, panelModels, dir, true, from + "-" + (from + used.size() - 1));
    }

    /**
     * Conversion rates: none, direct, full (NaN when {@code withFull} is false), on these seeds with this panel;
     * {@code name} says which seeds in the printed line.
     */
    static double[] measure(Path source, List<SeedQuestion> used, List<String> panelModels, Path dir, boolean withFull,
            String name) {
        Questions key = new Questions();
        used.forEach(s -> key.add("en", s.en(), 0));
        Map<String, ModelClient> clients = new ConcurrentHashMap<>();
        Function<String, ModelClient> models = m -> clients.computeIfAbsent(m, model -> ModelClients.create(
                ClpConfig.builder().model(model).cache("off").build(), Map.of(), key));
        GeneratorSettings full = GeneratorSettings.defaults(SearchStrategy.REFERENCE, "zh", panelModels)
                .withDate("2026-12-02");
        GeneratorSettings direct = full.toBuilder().depth(1).extendedDepth(1).build();
        double[] out = new double[3];
        int prepared = 0;
        int plain = 0;
        try (Checkpoint cp = Checkpoint.open(dir.resolve("none.sqlite"), full.fingerprint("none"))) {
            CallLedger ledger = new CallLedger(cp, 0, 0, 0, 0);
            Panel panel = new Panel(full, ledger, models);
            SeedPreparation prep = new SeedPreparation(full, panel, ledger, models, List.of());
            for (SeedQuestion s : used) {
                Optional<SeedPreparation.Prepared> p = prep.prepare(s);
                if (p.isPresent()) {
                    prepared++;
                    Side t = p.get().target();
                    if (panel.rate("zh", t, p.get().targetAnswer(), false, "plain").value() <= 0.2) {
                        plain++;
                    }
                }
            }
        }
        out[0] = plain / (double) Math.max(1, prepared);
        int i = 1;
        out[2] = Double.NaN;
        for (GeneratorSettings settings : withFull ? List.of(direct, full) : List.of(direct)) {
            try (Checkpoint cp = Checkpoint.open(dir.resolve(i + ".sqlite"), settings.fingerprint("t1"));
                    Generator g = new Generator(settings, models, cp, source.getFileName().toString(), List.of(),
                            new double[2], null)) {
                Generator.Report r = g.run(used);
                long converted = r.accepted().stream().map(p -> p.provenance().get("seed")).distinct().count();
                out[i] = converted / (double) Math.max(1, r.seedsSearched());
                System.out.printf(Locale.ROOT, "table 1 (%s, depth %d): %d seeds searched, %d converted, %d pairs, %,d "
                        + "calls, %.1f calls per candidate%n", settings.strategy().name(), settings.depth(),
                        r.seedsSearched(), converted, r.accepted().size(), r.calls(), callsPerCandidate(r));
            }
            i++;
        }
        clients.values().forEach(ModelClient::close);
        System.out.printf(Locale.ROOT, "table 1 shape, zh, reference, panel %s, seeds %s (%d prepared) from %s: "
                + "no perturbation %.3f (paper ~0), direct perturbation %.3f (paper 0.036), full method %.3f "
                + "(paper 0.431)%n", panelModels, name, prepared, source.getFileName(), out[0],
                out[1], out[2]);
        return out;
    }

    /**
     * Model calls per candidate written: all calls but the seeds' (each seed read: an answer and a reading call per
     * panel member; each seed that passed: two translation calls), over the distraction calls (one per candidate).
     */
    static double callsPerCandidate(Generator.Report r) {
        long candidates = r.callsByKind().getOrDefault("distraction", 0L);
        long seedCalls = (long) r.seedsRead() * 2 * r.settings().panel().size() + 2L * r.seedsSearched();
        return candidates == 0 ? 0 : (r.calls() - seedCalls) / (double) candidates;
    }

    /** None, direct, full with the published panel on seeds 0-99, measured once for the tests that need it. */
    private static double[] fiveOnTheFirst100;

    @TempDir
    static Path shared;

    private static synchronized double[] fiveOnTheFirst100(Path source) {
        if (fiveOnTheFirst100 == null) {
            try {
                // a directory of its own: a static and an instance @TempDir may be one directory
                fiveOnTheFirst100 = measure(source, 0, 100, PUBLISHED_PANEL,
                        Files.createDirectories(shared.resolve("five-0-99")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return fiveOnTheFirst100;
    }

    /**
     * The published panel of five, whose figures the paper's are: seeds 0-99, a third of the tuning set (0-99 and
     * 300-499, 294 searched: 0.027 / 0.034 / 0.435 with five models); binomial standard errors at 100 seeds about
     * 0.017, 0.02 and 0.05. No perturbation at most 0.05 (its floor: translated answers matching no option, 1 %, four
     * of five models wrong at once, and a right answer misread or undecodable, 0.005 each per reply), direct
     * perturbation 0.036 +- 0.03, the full method 0.431 +- 0.10. Without the paper's source, the project's 24 seeds:
     * one seed is 0.042, so only the order and a wide band for the full method.
     */
    @Test
    void theReferenceReproducesTheShapeOfTheTable() {
        Path source = source();
        if (!source.equals(GeneratorFixture.seedsFile())) {
            double[] rate = fiveOnTheFirst100(source);
            assertThat(rate[0]).as("no perturbation (paper ~0)").isBetween(0.0, 0.05);
            assertThat(rate[1]).as("direct perturbation (paper 0.036)").isCloseTo(0.036, within(0.03));
            assertThat(rate[2]).as("full method (paper 0.431)").isCloseTo(0.431, within(0.10));
        } else {
            double[] rate = measure(source, 0, 24, PUBLISHED_PANEL, tmp);
            assertThat(rate[0]).as("no perturbation").isLessThanOrEqualTo(rate[1]);
            assertThat(rate[1]).as("direct perturbation").isLessThan(rate[2]);
            assertThat(rate[2]).as("full method").isBetween(0.2, 0.75);
        }
    }

    /**
     * Off the tuning seeds, with the published panel: seeds 100-299 were never used to choose the reader (strength
     * 0.35 chosen 2026-12-03 on 0-99 and 300-499 together) and were measured once after it was chosen: 0.036 / 0.041
     * / 0.472 (100-199 0.031 / 0.041 / 0.459, 200-299 0.041 / 0.041 / 0.515; probes/README.md). At about 200 seeds
     * the binomial standard errors are about 0.012, 0.016 and 0.035, so the bands are the paper's as above. Needs the
     * paper's source; skipped without it.
     */
    @Test
    void theShapeHoldsOnHeldOutSeeds() {
        Path source = paperSource();
        double[] rate = measure(source, 100, 200, PUBLISHED_PANEL, tmp);
        assertThat(rate[0]).as("no perturbation, held out (paper ~0)").isBetween(0.0, 0.05);
        assertThat(rate[1]).as("direct perturbation, held out (paper 0.036)").isCloseTo(0.036, within(0.03));
        assertThat(rate[2]).as("full method, held out (paper 0.431)").isCloseTo(0.431, within(0.10));
    }

    /**
     * The 3-model panel (llama-3.1-8b, gpt-4o-mini, gpt-4o) under the same reader: rT <= 0.2 means none of three
     * right, so the search must fool gpt-4o, whose Chinese plain error (0.085) is the smallest and whose pull unit
     * (strength x plain error) is therefore the smallest, where five models let gpt-4o stay right and need only fool
     * qwen-2.5-72b (0.14) and the weaker three. No perturbation and direct perturbation keep the paper's levels; the
     * full method converts less than with five models on the same seeds and falls below the paper's band (tuning
     * 0.289, 0.25-0.33 per set of 100; held out 100-299 0.279): asserted as measured, between 0.2 and 0.4 and below
     * the five models' figure. Needs the paper's source; skipped without it.
     */
    @Test
    void withThreeModelsTheFullMethodConvertsLess() {
        Path source = paperSource();
        double[] rate = measure(source, 0, 100, PANEL, tmp);
        assertThat(rate[0]).as("no perturbation, three models").isBetween(0.0, 0.05);
        assertThat(rate[1]).as("direct perturbation, three models").isCloseTo(0.036, within(0.03));
        assertThat(rate[2]).as("full method, three models").isBetween(0.2, 0.4)
                .isLessThan(fiveOnTheFirst100(source)[2]);
    }

    /** The paper's ai2_arc_easy source; the test is skipped without it. */
    private static Path paperSource() {
        Path source = source();
        org.junit.jupiter.api.Assumptions.assumeFalse(source.equals(GeneratorFixture.seedsFile()),
                "the paper's ai2_arc_easy source is not there (CLP_DATASET or ../shared/clp-dataset)");
        return source;
    }
}
