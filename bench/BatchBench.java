import dev.clp.testing.OpenAiBatchStandIn;

/**
 * The batch stand-in of bench/k5.sh: the project's test stand-in of OpenAI's Files and Batches endpoints
 * ({@code harness-engine/src/test/java/dev/clp/testing/OpenAiBatchStandIn.java}) on 127.0.0.1, answering every line of
 * a batch through the chat completions server given (the bench stand-in). Prints {@code listening <base url>}, then
 * serves until it is stopped; at exit it prints how many chat calls it was sent synchronously and how many requests it
 * answered inside batches (a batch run must make no synchronous chat call).
 *
 * <pre>java -cp harness-engine/target/test-classes:harness-engine/target/classes:&lt;test class path&gt; \
 *     bench/BatchBench.java http://127.0.0.1:18095/v1</pre>
 */
public final class BatchBench {
    public static void main(String[] args) throws Exception {
        OpenAiBatchStandIn standIn = new OpenAiBatchStandIn(args[0], false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("batch stand-in: "
                + standIn.chatCalls.get() + " synchronous chat calls, " + standIn.batchedRequests.get()
                + " requests answered in batches" + (dev.clp.testing.OpenApiSpec.available()
                        ? ", " + standIn.violations.size() + " schema violations"
                        + (standIn.violations.isEmpty() ? "" : " (first: " + standIn.violations.get(0) + ")")
                        : " (request and reply schemas not checked here: OpenAiBatchTest checks them)"))));
        System.out.println("listening " + standIn.baseUrl());
        Thread.currentThread().join();
    }
}
