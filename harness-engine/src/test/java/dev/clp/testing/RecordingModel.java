package dev.clp.testing;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A model that answers with a function and records every request and the peak number in flight. */
public final class RecordingModel implements ModelClient {

    private final Function<ChatRequest, String> answers;
    private final long delayMillis;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public RecordingModel(Function<ChatRequest, String> answers, long delayMillis) {
        this.answers = answers;
        this.delayMillis = delayMillis;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            requests.add(request);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            return new ChatResponse(answers.apply(request), "stop", 0, 0, delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public String name() {
        return "test:recording";
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public int peakInFlight() {
        return peak.get();
    }
}
