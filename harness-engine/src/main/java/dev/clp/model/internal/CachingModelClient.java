package dev.clp.model.internal;

import dev.clp.model.CallStats;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.internal.ResponseCache.Asked;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The response cache as the outermost layer: a hit costs no call, no budget and no concurrency slot.
 * Modes: {@code read-write} (default), {@code read-only}, {@code replay} (never touches the network; a miss
 * is an error naming the pair) and {@code off} (the layer is not installed).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CachingModelClient extends ForwardingModelClient {

    /** How the cache is used. */
    public enum Mode {
        READ_WRITE, READ_ONLY, REPLAY, OFF;

        public static Mode parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final ResponseCache cache;
    private final Mode mode;
    private final String provider;
    private final String endpoint;
    private final String model;
    private final CallStats stats;
    private final Asked asked;

    public CachingModelClient(ModelClient delegate, ResponseCache cache, Mode mode, String provider, String endpoint,
            String model, CallStats stats) {
        this(delegate, cache, mode, provider, endpoint, model, stats, false);
    }

    /** @param logprobs the client asks for log probabilities: part of the key, so older entries without them miss */
    public CachingModelClient(ModelClient delegate, ResponseCache cache, Mode mode, String provider, String endpoint,
            String model, CallStats stats, boolean logprobs) {
        this(delegate, cache, mode, provider, endpoint, model, stats, new Asked(java.util.Optional.empty(), "", logprobs));
    }

    /** @param asked what the client sends with each request (seed, API version, logprobs): part of the key */
    public CachingModelClient(ModelClient delegate, ResponseCache cache, Mode mode, String provider, String endpoint,
            String model, CallStats stats, Asked asked) {
        super(delegate);
        this.asked = asked;
        this.cache = cache;
        this.mode = mode;
        this.provider = provider;
        this.endpoint = endpoint;
        this.model = model;
        this.stats = stats;
        stats.cache(cache);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        String key = ResponseCache.key(provider, endpoint, model, request, asked);
        // a cache that cannot be read or written never costs an answer: it misses, or keeps the answer in memory
        Optional<ResponseCache.Hit> hit = cache.lookup(key);
        if (hit.isPresent()) {
            stats.cacheHit();
            if (hit.get().fromBatch()) {
                stats.batchHit();
            }
            return hit.get().response();
        }
        stats.cacheMiss();
        if (mode == Mode.REPLAY) {
            throw new ModelException("clp.cache=replay: no cached response for " + request.label() + " (" + provider
                    + ":" + model + ", sample " + request.sampleIndex() + ") in " + cache.file()
                    + "; run once with clp.cache=read-write to record it", 0);
        }
        ChatResponse response = delegate.complete(request);
        if (mode == Mode.READ_WRITE) {
            cache.put(key, model, response);
        }
        return response;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            cache.close();
        }
    }
}
