package dev.clp.batch;

import dev.clp.config.ClpConfig;
import dev.clp.model.spi.BatchException;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.scoring.PairEvaluator;
import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The requests a run of these suites under this configuration sends, by response cache key, in the order the run
 * asks them. They are found by running the run's own {@link PairEvaluator} over every pair against a recorder instead
 * of a model, so prompts, samples, decoding and the English question shared by many languages are the run's own; the
 * keys are {@link ModelClients#cacheKey}'s. The fallback extractor's requests are not among them (it reads answers the
 * run has not seen yet).
 *
 * @param requests by cache key, in asking order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchWork(Map<String, ChatRequest> requests) {

    public BatchWork {
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /**
     * Collects the requests.
     *
     * @param suites suite directories, or directories holding suites (as {@code clp run --suite})
     * @throws BatchException when a directory holds no suite
     */
    public static BatchWork collect(ClpConfig config, List<Path> suites) {
        Function<ChatRequest, String> key = ModelClients.cacheKey(config);
        Recorder recorder = new Recorder(key);
        ClpConfig.Decoding d = config.decoding();
        PairEvaluator evaluator = new PairEvaluator(recorder, d.samples(), d.temperature(), d.maxTokens(),
                d.structuredAnswers(), null);
        for (Path dir : suites) {
            List<Path> found = suiteDirs(dir);
            if (found.isEmpty()) {
                throw new BatchException(dir + ": no suite here (a suite directory holds " + Suite.MANIFEST_FILE
                        + " and pairs-<lang>.jsonl)");
            }
            for (Path s : found) {
                Suite suite = Suite.open(s);
                suite.languageFiles().forEach((lang, file) -> {
                    if (config.languages().isEmpty() || config.languages().contains(lang)) {
                        for (Pair pair : SuiteReader.read(file).pairs()) {
                            evaluator.evaluate(pair);
                        }
                    }
                });
            }
        }
        return new BatchWork(recorder.seen);
    }

    private static List<Path> suiteDirs(Path dir) {
        if (Suite.isSuiteDir(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Suite::isSuiteDir).sorted().toList();
        } catch (IOException e) {
            throw new BatchException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }

    /** Takes every request and answers nothing a grader would accept; the outcomes are thrown away. */
    private static final class Recorder implements ModelClient {
        private final Function<ChatRequest, String> key;
        private final Map<String, ChatRequest> seen = new LinkedHashMap<>();

        Recorder(Function<ChatRequest, String> key) {
            this.key = key;
        }

        @Override
        public synchronized ChatResponse complete(ChatRequest request) {
            String k = key.apply(request);
            seen.putIfAbsent(k, request);
            return new ChatResponse("", "stop", 0, 0, 0);
        }

        @Override
        public String name() {
            return "batch-recorder";
        }
    }
}
