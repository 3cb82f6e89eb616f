package dev.clp.probes;

import dev.clp.config.ClpConfig;
import dev.clp.model.spi.Questions;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Runs the generator in-process against the simulator, as {@code clp generate} does. */
final class GeneratorFixture {

    static final List<String> PANEL = List.of("sim:llama-3.1-8b", "sim:gpt-4o-mini", "sim:gpt-4o");

    private GeneratorFixture() {
    }

    static Path seedsFile() {
        return Path.of("src/test/resources/seeds/general.json").toAbsolutePath();
    }

    static List<SeedQuestion> seeds() {
        return SeedReader.read(seedsFile()).seeds();
    }

    static GeneratorSettings settings(SearchStrategy strategy, String lang) {
        return GeneratorSettings.defaults(strategy, lang, PANEL).withDate("2026-11-22");
    }

    /** One run (or resumption) with this checkpoint file. */
    static Generator.Report run(GeneratorSettings settings, Path checkpointFile) {
        return run(settings, checkpointFile, List.of());
    }

    /** One run adding to a suite that already holds {@code existing}. */
    static Generator.Report run(GeneratorSettings settings, Path checkpointFile, List<dev.clp.suite.Pair> existing) {
        return run(settings, checkpointFile, existing, UnaryOperator.identity());
    }

    /** @param wrap wraps each panel model's client (the kill test's child holds every call after a number of them) */
    static Generator.Report run(GeneratorSettings settings, Path checkpointFile, List<dev.clp.suite.Pair> existing,
            UnaryOperator<ModelClient> wrap) {
        List<SeedQuestion> seeds = seeds();
        Questions key = new Questions();
        seeds.forEach(s -> key.add("en", s.en(), 0));
        Map<String, ModelClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Function<String, ModelClient> models = m -> clients.computeIfAbsent(m, name -> {
            ClpConfig config = ClpConfig.builder().model(name).cache("off").build();
            return wrap.apply(ModelClients.create(config, Map.of(), key));
        });
        try (Checkpoint cp = Checkpoint.open(checkpointFile, settings.fingerprint("fixture"))) {
            try (Generator g = new Generator(settings, models, cp, "general.json", existing, new double[2], null)) {
                return g.run(seeds);
            }
        }
    }

    /** The process the kill test kills: the same run as {@link #run}, in a JVM of its own. */
    static final class Child {
        /** What the child prints when it starts holding calls. */
        static final String HOLDING = "holding";

        private Child() {
        }

        /**
         * Arguments: the checkpoint file, and the number of model calls to answer; the call after them prints
         * {@value #HOLDING} and it and every later call wait for the kill, so the parent kills at a known point.
         */
        public static void main(String[] args) {
            int answered = Integer.parseInt(args[1]);
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch kill = new CountDownLatch(1); // never counted down: the process ends by SIGKILL
            run(settings(SearchStrategy.IMPROVED, "sw").withConcurrency(2), Path.of(args[0]), List.of(), client ->
                    new ModelClient() {
                        @Override
                        public ChatResponse complete(ChatRequest request) {
                            int n = calls.incrementAndGet();
                            if (n > answered) {
                                if (n == answered + 1) {
                                    System.out.println(HOLDING);
                                    System.out.flush();
                                }
                                try {
                                    kill.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException("interrupted while waiting to be killed", e);
                                }
                            }
                            return client.complete(request);
                        }

                        @Override
                        public String name() {
                            return client.name();
                        }

                        @Override
                        public boolean simulated() {
                            return client.simulated();
                        }

                        @Override
                        public void close() {
                            client.close();
                        }
                    });
        }
    }
}
