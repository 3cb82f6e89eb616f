package dev.clp.cli;

import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteException;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp serve-sim}: the simulator as an OpenAI-compatible server on 127.0.0.1. */
@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        description = {"Serves the offline simulator as an OpenAI-compatible HTTP endpoint.",
                "Serves the offline simulator as OpenAI chat completions on 127.0.0.1, with optional latency",
                "and faults, for trying the HTTP path: ./clp run -Dclp.model=openai:<profile> -Dclp.endpoint=<url>.",
                "It knows the answers of the suites it loads (--suite); answers are SIMULATED. Stops on Ctrl-C."})
final class ServeSimCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "18090", description = "Port (0: any free one; default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--profile", defaultValue = "default", description = "Simulator profile (default ${DEFAULT-VALUE})")
    private String profile;

    @Option(names = "--suite", paramLabel = "DIR", description = "Suites whose answers the simulator knows (repeatable; "
            + "default: " + RunCommand.DEFAULT_SUITES + ")")
    private List<Path> suites = new ArrayList<>();

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay per answer")
    private long latency;

    @Option(names = "--rate429", defaultValue = "0", description = "Share of 429 answers")
    private double rate429;

    @Option(names = "--error-rate", defaultValue = "0", description = "Share of 500 answers")
    private double errorRate;

    @Option(names = "--garbage-rate", defaultValue = "0", description = "Share of garbled 200 bodies")
    private double garbageRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault sequence")
    private long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SimProfile p;
        try {
            p = SimProfile.named(profile);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        AnswerKey key = new AnswerKey();
        int pairs = 0;
        for (Path root : suites.isEmpty() ? List.of(Path.of(RunCommand.DEFAULT_SUITES)) : suites) {
            List<Path> dirs;
            try (Stream<Path> walk = Files.walk(root, 4)) {
                dirs = walk.filter(Suite::isSuiteDir).toList();
            } catch (IOException e) {
                return usageError("--suite " + root + ": " + e.getMessage());
            }
            for (Path dir : dirs) {
                Suite suite;
                try {
                    suite = Suite.open(dir);
                } catch (SuiteException e) {
                    return usageError(e.getMessage());
                }
                for (Path file : suite.languageFiles().values()) {
                    for (var pair : SuiteReader.read(file).pairs()) {
                        key.register(pair);
                        pairs++;
                    }
                }
            }
        }
        SimulatorServer server;
        try {
            server = SimulatorServer.start(new SimulatedModel(p, key), port,
                    new SimulatorServer.Faults(latency, rate429, errorRate, garbageRate, seed));
        } catch (IOException e) {
            return usageError("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + (e instanceof java.net.BindException
                            ? " (another server has the port; stop it or choose another with --port)" : ""));
        }
        out.printf("SIMULATED model sim:%s serving OpenAI chat completions at %s (knows %d pairs; latency %d ms, "
                + "429 %.0f%%, 500 %.0f%%, garbage %.0f%%)%n", p.name(), server.baseUrl(), pairs, latency, rate429 * 100,
                errorRate * 100, garbageRate * 100);
        out.printf("try: ./clp run -Dclp.model=openai:%s -Dclp.endpoint=%s -Dclp.cache=off%n", p.name(), server.baseUrl());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    /** Says what is wrong on stderr and gives the usage-error exit status, 2. */
    private int usageError(String message) {
        spec.commandLine().getErr().println("clp serve-sim: " + message);
        return 2;
    }
}
