package dev.clp.batch;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.ModelException;
import dev.clp.model.internal.ResponseCache;
import dev.clp.model.spi.BatchApi;
import dev.clp.model.spi.BatchException;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import dev.clp.model.spi.Questions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Batch mode for one run's requests: {@link #submit} (returns once the batches are created), {@link #status},
 * {@link #collect} (files the answers in the response cache), {@link #cancel}, and for self-hosted servers
 * {@link #export} and {@link #importResults}. The answers land under the keys the run's own cache layer computes
 * ({@link ModelClients#cacheKey}), so the run afterwards (with {@code clp.cache=replay}, or read-write) makes no call
 * for them. Nothing is paid twice: a request already in the cache, or in a batch not yet collected, is never
 * submitted; a request a batch returned without an answer is submitted again by the next {@link #submit} (or sent
 * synchronously by {@link #collect} when asked). Every step is saved to the {@link BatchState} file before the next,
 * so a process killed at any point is resumed by running the same command again.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Batches {

    private final ClpConfig config;
    private final Map<String, String> environment;
    private final BatchState state;
    private final Consumer<String> log;

    private Batches(ClpConfig config, Map<String, String> environment, BatchState state, Consumer<String> log) {
        this.config = config;
        this.environment = environment;
        this.state = state;
        this.log = log;
    }

    /**
     * For {@link #submit}, {@link #export} and {@link #importResults}: the suites and keys of the run. A state file
     * that exists must have been written for the same suites and keys (then its batches are taken into account).
     *
     * @param properties the run's {@code clp.*} keys ({@code -D}); kept in the state file (never an API key)
     * @throws BatchException naming the state file when it belongs to another run
     */
    public static Batches forRun(Path stateFile, List<Path> suites, Map<String, String> properties,
            Map<String, String> environment, Consumer<String> log) {
        ClpConfig config = config(properties, environment);
        List<String> suiteNames = suites.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        BatchState state;
        if (Files.exists(stateFile)) {
            state = BatchState.read(stateFile);
            if (!state.suites().equals(suiteNames) || !state.properties().equals(new java.util.TreeMap<>(properties))) {
                throw new BatchException(stateFile + ": this state file belongs to another run (suites "
                        + state.suites() + ", keys " + state.properties() + "); collect or cancel it, or pass another "
                        + "--state FILE for this run");
            }
        } else {
            state = new BatchState(stateFile, config.model().spec().provider(), suiteNames, properties);
        }
        return new Batches(config, environment, state, log);
    }

    /** For {@link #status}, {@link #collect} and {@link #cancel}: the run the state file names. */
    public static Batches forState(Path stateFile, Map<String, String> environment, Consumer<String> log) {
        BatchState state = BatchState.read(stateFile);
        return new Batches(config(state.properties(), environment), environment, state, log);
    }

    private static ClpConfig config(Map<String, String> properties, Map<String, String> environment) {
        return ClpConfig.from(k -> Optional.ofNullable(properties.get(k)), properties.keySet(), environment);
    }

    public BatchState state() {
        return state;
    }

    private BatchWork work() {
        return BatchWork.collect(config, state.suites().stream().map(Path::of).toList());
    }

    private BatchApi api() {
        ModelProvider provider = ModelClients.providers().get(config.model().spec().provider());
        Optional<BatchApi> api = provider == null ? Optional.empty()
                : provider.batch(new ProviderContext(config.model().spec().model(), config, environment, new CallStats(),
                        new Questions()));
        return api.orElseThrow(() -> new ConfigException(ClpConstants.MODEL + ": '" + config.model().spec()
                + "' has no batch API; batch mode takes openai:, azure: and anthropic: models (a self-hosted server: "
                + "openai:<model> with clp batch export and import)"));
    }

    private ResponseCache cache() {
        return ResponseCache.open(config.cache().path(), false);
    }

    /**
     * What {@link #submit} did.
     *
     * @param requests the run's requests
     * @param cached already in the cache, not submitted
     * @param inFlight in batches not collected yet, not submitted again
     * @param submitted submitted now
     * @param batches the batches created now
     */
    public record Submitted(int requests, int cached, int inFlight, int submitted, List<String> batches) {
    }

    /** Submits every request of the run that is neither cached nor in a batch not yet collected, split to the limits. */
    public Submitted submit() {
        BatchWork work = work();
        BatchApi api = api();
        Set<String> inFlight = state.inFlight();
        List<String> todo = new ArrayList<>();
        int cached = 0;
        int flying = 0;
        try (ResponseCache cache = cache()) {
            for (String key : work.requests().keySet()) {
                if (inFlight.contains(key)) {
                    flying++;
                } else if (cache.get(key).isPresent()) {
                    cached++;
                } else {
                    todo.add(key);
                }
            }
        }
        List<String> created = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (String key : todo) {
            String line = api.line(key, work.requests().get(key));
            long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (!keys.isEmpty() && (keys.size() >= api.maxRequests() || bytes + size > api.maxBytes())) {
                created.add(send(api, keys, lines));
                keys = new ArrayList<>();
                lines = new ArrayList<>();
                bytes = 0;
            }
            keys.add(key);
            lines.add(line);
            bytes += size;
        }
        if (!keys.isEmpty()) {
            created.add(send(api, keys, lines));
        }
        state.save();
        return new Submitted(work.requests().size(), cached, flying, todo.size(), created);
    }

    private String send(BatchApi api, List<String> keys, List<String> lines) {
        BatchApi.Submitted s = api.submit(lines);
        state.add(new BatchState.Batch(s.id(), s.inputFile(), keys, s.status(), false));
        // saved before the next batch is sent: a process killed now still knows every batch it paid for
        state.save();
        log.accept("submitted batch " + s.id() + " (" + keys.size() + " requests)");
        return s.id();
    }

    /** The batches not collected yet, as the provider reports them now (the state file keeps the statuses). */
    public List<BatchApi.Remote> status() {
        BatchApi api = api();
        List<BatchApi.Remote> out = new ArrayList<>();
        for (BatchState.Batch b : state.batches()) {
            if (!b.collected()) {
                BatchApi.Remote r = api.status(b.id());
                state.update(b.id(), r.status(), false);
                out.add(r);
            }
        }
        state.save();
        return out;
    }

    /**
     * What {@link #collect} did.
     *
     * @param answers answers filed in the cache now
     * @param failed requests without an answer (resubmitted by the next submit), by key: why
     * @param badLines lines of result files that could not be read, each naming its file and line
     * @param pending batches still running
     * @param synchronous answers fetched synchronously ({@code --sync-fallback})
     */
    public record Collected(int answers, Map<String, String> failed, List<String> badLines, int pending,
            int synchronous) {
    }

    /**
     * Files the answers of every finished batch in the cache; with {@code wait}, polls every {@code poll} until no
     * batch is running. Each batch's answers are committed to the cache before the state file marks it collected, so
     * a collect killed half-way files the rest when run again.
     *
     * @param syncFallback send the requests that came back without an answer synchronously (through the run's own
     *     client stack: retries, budget, cache)
     */
    public Collected collect(boolean wait, Duration poll, boolean syncFallback) {
        BatchApi api = api();
        List<String> badLines = new ArrayList<>();
        int answers = 0;
        int pending;
        BatchWork work = null;
        try (ResponseCache cache = cache()) {
            while (true) {
                pending = 0;
                for (BatchState.Batch b : state.batches()) {
                    if (b.collected()) {
                        continue;
                    }
                    BatchApi.Remote remote = api.status(b.id());
                    if (!remote.ended()) {
                        pending++;
                        state.update(b.id(), remote.status(), false);
                        log.accept("batch " + b.id() + ": " + remote.status() + " (" + remote.counts() + ")");
                        continue;
                    }
                    if (work == null) {
                        work = work();
                    }
                    log.accept("batch " + b.id() + ": " + remote.status() + " (" + remote.counts()
                            + "), reading its results");
                    answers += file(api, remote, b, work, cache, badLines);
                }
                state.save();
                if (!wait || pending == 0) {
                    break;
                }
                sleep(poll);
            }
        }
        int synchronous = 0;
        if (syncFallback && !state.failed().isEmpty()) {
            synchronous = synchronously(work == null ? work() : work);
        }
        return new Collected(answers, state.failed(), badLines, pending, synchronous);
    }

    private int file(BatchApi api, BatchApi.Remote remote, BatchState.Batch b, BatchWork work, ResponseCache cache,
            List<String> badLines) {
        Set<String> mine = new java.util.HashSet<>(b.keys());
        Set<String> seen = new java.util.HashSet<>();
        int[] filed = {0};
        String model = config.model().spec().model();
        api.results(remote, new BatchApi.Results() {
            @Override
            public void answer(String key, ChatResponse response) {
                if (seen.add(key)) {
                    cache.putFromBatch(key, model, response);
                    state.answered(key, response.promptTokens(), response.completionTokens());
                    filed[0]++;
                }
            }

            @Override
            public void failed(String key, String why) {
                if (seen.add(key)) {
                    state.failed(key, "batch " + b.id() + ": " + why);
                }
            }

            @Override
            public void badLine(String where, int line, String why) {
                String msg = where + " line " + line + ": " + why;
                badLines.add(msg);
                log.accept(msg);
            }

            @Override
            public ChatRequest request(String key) {
                return mine.contains(key) ? work.requests().get(key) : null;
            }
        });
        for (String key : b.keys()) {
            if (!seen.contains(key)) {
                state.failed(key, "batch " + b.id() + " (" + remote.status() + ") returned no result for it"
                        + (remote.problem().isEmpty() ? "" : ": " + remote.problem()));
            }
        }
        cache.flush();
        state.update(b.id(), remote.status(), true);
        // the answers are committed: from now on the batch is done, also for a process killed after this line
        state.save();
        log.accept("collected batch " + b.id() + " (" + remote.status() + "): " + filed[0] + " answers"
                + (remote.problem().isEmpty() ? "" : "; " + remote.problem()));
        return filed[0];
    }

    private int synchronously(BatchWork work) {
        Map<String, String> props = new HashMap<>(state.properties());
        props.put(ClpConstants.CACHE, "read-write");
        ClpConfig sync = config(props, environment);
        int n = 0;
        try (ModelClient client = ModelClients.create(sync, environment, new Questions())) {
            for (String key : state.failed().keySet()) {
                ChatRequest request = work.requests().get(key);
                if (request == null) {
                    continue;
                }
                try {
                    client.complete(request);
                    state.answeredSynchronously(key);
                    n++;
                } catch (ModelException e) {
                    state.failed(key, "synchronous fallback: " + e.getMessage());
                }
            }
        }
        state.save();
        return n;
    }

    /** Asks the provider to cancel every batch not collected yet; {@link #collect} then files what was answered. */
    public List<BatchApi.Remote> cancel() {
        BatchApi api = api();
        List<BatchApi.Remote> out = new ArrayList<>();
        for (BatchState.Batch b : state.batches()) {
            if (!b.collected()) {
                BatchApi.Remote r = api.cancel(b.id());
                state.update(b.id(), r.status(), false);
                state.save();
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Writes the requests not in the cache as the OpenAI batch input JSONL ({@code custom_id}, {@code method},
     * {@code url}, {@code body}) that vLLM's {@code run-batch} takes.
     *
     * @return the number of lines written
     */
    public int export(Path out) {
        BatchWork work = work();
        BatchApi api = api();
        int n = 0;
        try (ResponseCache cache = cache();
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, ChatRequest> e : work.requests().entrySet()) {
                if (cache.get(e.getKey()).isEmpty()) {
                    w.write(api.line(e.getKey(), e.getValue()));
                    w.write('\n');
                    n++;
                }
            }
        } catch (IOException e) {
            throw new BatchException(out + ": cannot write the batch file: " + e.getMessage(), e);
        }
        return n;
    }

    /** Files the answers of a results file (vLLM {@code run-batch}'s output) in the cache; bad lines are named. */
    public Collected importResults(Path file) {
        BatchWork work = work();
        BatchApi api = api();
        List<String> badLines = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int[] filed = {0};
        String model = config.model().spec().model();
        try (ResponseCache cache = cache(); BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BatchApi.Results sink = new BatchApi.Results() {
                @Override
                public void answer(String key, ChatResponse response) {
                    cache.putFromBatch(key, model, response);
                    state.answered(key, response.promptTokens(), response.completionTokens());
                    filed[0]++;
                }

                @Override
                public void failed(String key, String why) {
                    failed.put(key, why);
                }

                @Override
                public void badLine(String where, int line, String why) {
                    String msg = where + " line " + line + ": " + why;
                    badLines.add(msg);
                    log.accept(msg);
                }

                @Override
                public ChatRequest request(String key) {
                    return work.requests().get(key);
                }
            };
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    api.readLine(file.toString(), n, line, sink);
                }
            }
        } catch (IOException e) {
            throw new BatchException(file + ": cannot read the results file: " + e.getMessage(), e);
        }
        state.save();
        return new Collected(filed[0], failed, badLines, 0, 0);
    }

    /**
     * The cost of the answers from batches at the batch price: {@code clp.price.*} per million tokens times
     * {@code clp.price.batch-discount} (default {@value ClpConstants#PRICE_BATCH_DISCOUNT_DEFAULT}).
     */
    public double batchCost() {
        ClpConfig.Budget b = config.budget();
        double list = (state.promptTokens() * b.priceInputPerMTok() + state.completionTokens() * b.priceOutputPerMTok())
                / 1e6;
        return list * discount();
    }

    /** {@code clp.price.batch-discount}: what a batch token costs as a fraction of its list price. */
    double discount() {
        String v = state.properties().get(ClpConstants.PRICE_BATCH_DISCOUNT);
        if (v == null) {
            v = environment.get(ClpConstants.environmentName(ClpConstants.PRICE_BATCH_DISCOUNT));
        }
        if (v == null) {
            return ClpConstants.PRICE_BATCH_DISCOUNT_DEFAULT;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ConfigException(ClpConstants.PRICE_BATCH_DISCOUNT + ": expected a number from 0 to 1, found '" + v + "'");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchException("interrupted while waiting for the batches; run clp batch collect again", e);
        }
    }
}
