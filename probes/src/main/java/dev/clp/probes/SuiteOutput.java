package dev.clp.probes;

import dev.clp.probes.sim.SimulatedText;
import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteProblem;
import dev.clp.suite.SuiteReader;
import dev.clp.suite.SuiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Adds accepted pairs to a suite directory: existing pairs are kept as they are, new ones added, the file
 * rewritten sorted by id and replaced atomically; {@code suite.json} is created when missing. Simulated
 * translations never go into the shipped suites ({@code generated-suites/suites}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SuiteOutput {

    /** The directory of the suites the project ships. */
    public static final String SHIPPED = "generated-suites/suites";

    private SuiteOutput() {
    }

    /**
     * The pairs already in the suite for a language (none when the file does not exist).
     *
     * @throws GeneratorException naming file and line when the file has invalid lines: rewriting it would lose them
     */
    public static List<Pair> existing(Path suiteDir, String lang) {
        Path file = suiteDir.resolve(Suite.pairsFileName(lang));
        if (!Files.exists(file)) {
            return List.of();
        }
        SuiteReader.LanguageFile read = SuiteReader.read(file);
        if (!read.problems().isEmpty()) {
            SuiteProblem first = read.problems().get(0);
            throw new GeneratorException(first + " (" + read.problems().size() + " problem(s); fix the file before "
                    + "adding pairs to it, since rewriting it would drop those lines)");
        }
        return read.pairs();
    }

    /** Whether the directory is one of the shipped suites. */
    public static boolean shipped(Path suiteDir) {
        return suiteDir.toAbsolutePath().normalize().toString().replace('\\', '/').contains("/" + SHIPPED + "/");
    }

    /**
     * Adds the pairs (those whose id is new) and returns how many were added.
     *
     * @throws GeneratorException when simulated text would go into a shipped suite
     */
    public static int append(Path suiteDir, String lang, Collection<Pair> accepted, Map<String, Object> provenance) {
        if (shipped(suiteDir)) {
            long simulated = accepted.stream().filter(SuiteOutput::simulated).count();
            if (simulated > 0) {
                throw new GeneratorException("refusing to write " + simulated + " pair(s) with simulated translations ("
                        + SimulatedText.marker("xx").strip() + ") into the shipped suite " + suiteDir
                        + "; write simulator runs to a scratch directory, e.g. --out target/sim-suite");
            }
        }
        Map<String, Pair> byId = new TreeMap<>();
        for (Pair p : existing(suiteDir, lang)) {
            byId.put(p.id(), p);
        }
        int added = 0;
        for (Pair p : accepted) {
            if (byId.putIfAbsent(p.id(), p) == null) {
                added++;
            }
        }
        if (!Files.exists(suiteDir.resolve(Suite.MANIFEST_FILE))) {
            TreeSet<String> sources = new TreeSet<>();
            accepted.forEach(p -> sources.add(p.source()));
            List<SuiteManifest.Source> list = new ArrayList<>();
            sources.forEach(s -> list.add(new SuiteManifest.Source(s, null, null)));
            String id = suiteDir.toAbsolutePath().normalize().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "-");
            SuiteWriter.writeManifest(suiteDir, new SuiteManifest(id, "0.1.0", "Generated pairs: " + id,
                    "Pairs found by clp generate (Cross-Lingual Pitfalls beam search); review before shipping.",
                    null, list, new LinkedHashMap<>(provenance)));
        }
        SuiteWriter.writePairs(suiteDir, lang, byId.values());
        return added;
    }

    /** Whether a pair holds simulated text. */
    public static boolean simulated(Pair p) {
        return SimulatedText.isSimulatedTranslation(p.target().question())
                || p.target().choices().stream().anyMatch(SimulatedText::isSimulatedTranslation)
                || Boolean.TRUE.equals(p.provenance().get("simulated"));
    }
}
