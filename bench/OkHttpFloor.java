import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The JVM floor client (bench/k5.sh): the same number of chat calls at the same concurrency as a run, from a bare OkHttp
 * client (the library the harness uses) on the same JVM flags, with nothing else: one fixed request body, the response
 * read and dropped, no parsing, no cache, no grading. What the stand-in, OkHttp and these cores allow a JVM client.
 *
 * <pre>java -cp 'probes/target/lib/*' bench/OkHttpFloor.java PORT CALLS CONCURRENCY</pre>
 *
 * Prints the wall time in seconds of the calls (from the first sent to the last answered) on standard output.
 */
public final class OkHttpFloor {
    private static final String BODY = "{\"model\":\"floor\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Question: which option?\\n\\nA. one\\nB. two\\nC. three\\nD. four\\n\\nAnswer:\"}]}";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES)).build();
        RequestBody body = RequestBody.create(BODY, MediaType.get("application/json"));
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/v1/chat/completions").post(body).build();
        CountDownLatch done = new CountDownLatch(calls);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        Callback callback = new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failure.compareAndSet(null, e.toString());
                done.countDown();
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    if (response.code() != 200) {
                        failure.compareAndSet(null, "HTTP " + response.code());
                    }
                    response.body().bytes();
                }
                done.countDown();
                next(http, request, this, sent, calls);
            }
        };
        for (int i = 0; i < concurrency; i++) {
            next(http, request, callback, sent, calls);
        }
        done.await();
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            System.err.println("OkHttpFloor: " + failure.get());
            System.exit(1);
        }
        System.out.printf("%.2f%n", nanos / 1e9);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Sends the next call while fewer than {@code calls} were sent: each answer starts one more, as a worker would. */
    private static void next(OkHttpClient http, Request request, Callback callback, AtomicInteger sent, int calls) {
        if (sent.incrementAndGet() <= calls) {
            http.newCall(request).enqueue(callback);
        }
    }
}
