import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteReader;
import dev.clp.suite.SuiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a big suite for memory and speed measurements (bench/memory.sh), never for the product: the pairs of a suite
 * (e.g. the published pairs imported by {@code clp import clp}) replicated with new ids until there are N, or, without
 * a source, synthetic questions. A copy's questions carry a copy number, so every copy is a pair of its own (its own
 * id, its own prompt, its own cache entry, its own source question).
 *
 * <pre>
 *   java -cp probes/target/clp.jar bench/BigSuite.java --pairs 50000 --out /tmp/big [--from SUITE_DIR]
 * </pre>
 */
public final class BigSuite {

    private static final String[] LANGS = {"sw", "yo", "zh", "hi", "ar", "bn", "ja", "ko", "ru", "de", "fr", "es"};

    public static void main(String[] args) throws Exception {
        int n = 0;
        Path out = null;
        Path from = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> n = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--from" -> from = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("BigSuite: unknown argument " + args[i]);
            }
        }
        if (n <= 0 || out == null) {
            throw new IllegalArgumentException("usage: BigSuite --pairs N --out DIR [--from SUITE_DIR]");
        }
        Map<String, List<Pair>> seeds = from == null ? synthetic() : read(from);
        int total = seeds.values().stream().mapToInt(List::size).sum();
        Map<String, List<Pair>> pairs = new TreeMap<>();
        int written = 0;
        for (int copy = 0; written < n; copy++) {
            for (Map.Entry<String, List<Pair>> e : seeds.entrySet()) {
                for (Pair p : e.getValue()) {
                    if (written == n) {
                        break;
                    }
                    pairs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(copy == 0 ? p : copy(p, copy));
                    written++;
                }
            }
        }
        Files.createDirectories(out);
        SuiteWriter.writeManifest(out, new SuiteManifest("big", "1.0.0", "benchmark suite of " + n + " pairs",
                "pairs replicated with new ids for memory measurements; not a benchmark of any model", "MIT",
                List.of(), Map.of("method", from == null ? "synthetic" : "copies of " + from)));
        for (Map.Entry<String, List<Pair>> e : pairs.entrySet()) {
            SuiteWriter.writePairs(out, e.getKey(), e.getValue());
        }
        System.out.println(out + ": " + n + " pairs in " + pairs.size() + " languages from " + total + " "
                + (from == null ? "synthetic" : "source") + " pairs");
    }

    private static Map<String, List<Pair>> read(Path suite) throws Exception {
        Map<String, List<Pair>> seeds = new TreeMap<>();
        try (var files = Files.list(suite)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("pairs-.*\\.jsonl")).sorted().toList()) {
                SuiteReader.LanguageFile lf = SuiteReader.read(f);
                seeds.put(lf.lang(), lf.pairs());
            }
        }
        return seeds;
    }

    /** Questions of about the published pairs' length, 4 choices, 300 source questions per language. */
    private static Map<String, List<Pair>> synthetic() {
        Map<String, List<Pair>> seeds = new TreeMap<>();
        for (String lang : LANGS) {
            List<Pair> list = new ArrayList<>();
            for (int q = 0; q < 300; q++) {
                String text = "Synthetic question " + q + ": which of the following statements about topic " + q
                        + " is correct, given the usual definitions used in an introductory course?";
                List<String> choices = List.of("The first statement about " + q, "The second statement about " + q,
                        "The third statement about " + q, "The fourth statement about " + q);
                Side en = new Side(text, choices, q % 4);
                Side target = new Side("[" + lang + "] " + text, choices.stream().map(c -> "[" + lang + "] " + c)
                        .toList(), q % 4);
                list.add(new Pair(PairIds.of(lang, en), lang, "synthetic", "general", en, target, null, Map.of()));
            }
            seeds.put(lang, list);
        }
        return seeds;
    }

    private static Pair copy(Pair p, int copy) {
        Side en = new Side(p.en().question() + " (copy " + copy + ")", p.en().choices(), p.en().answer());
        Side target = new Side(p.target().question() + " (" + copy + ")", p.target().choices(), p.target().answer());
        return new Pair(PairIds.of(p.lang(), en), p.lang(), p.source(), p.subject(), en, target, null,
                Map.of("copy", copy, "of", p.id()));
    }
}
