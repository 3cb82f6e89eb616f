package dev.clp.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.clp.testing.ChildJvm;
import dev.clp.testing.SuiteFixtures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The progress display under a real launcher run, and what an interrupted run says. */
class ProgressListenerTest {

    @TempDir
    Path tmp;

    private static Map<String, String> settings(Path tmp) {
        return Map.of("clp.results.dir", tmp.resolve("clp").toString(),
                "clp.allure.results-dir", tmp.resolve("allure").toString(), "clp.cache", "off",
                "clp.allow-simulated", "true", "clp.console.summary", "false",
                "clp.gate.allow-underpowered", "true", "clp.gate.min-answered", "0.8");
    }

    private static void run(ProgressListener listener, Map<String, String> more, Path tmp) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(listener).build());
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile()))
                .filters(includeEngines("clp"))
                .configurationParameters(settings(tmp)).configurationParameters(more).build();
        launcher.execute(request);
    }

    @Test
    void offATerminalPlainLinesCountThePairsUpToAllOfThem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener listener = new ProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                System::nanoTime, false);
        run(listener, Map.of("clp.progress.interval-seconds", "0", "clp.languages", "sw,yo"), tmp);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("clp: ")).noneMatch(l -> l.contains("\r"));
        assertThat(lines).anyMatch(l -> l.matches("clp: \\d+ / 24 pairs \\(\\d+ %\\).*(sw|yo) \\d+/12.*"));
        assertThat(lines.get(lines.size() - 1)).startsWith("clp: 24 / 24 pairs (100 %)");
    }

    /** The progress printed by the time the run's first gate finished. */
    private String progressAtTheFirstGate(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener listener = new ProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                System::nanoTime, terminal);
        java.util.concurrent.atomic.AtomicReference<String> atFirstGate = new java.util.concurrent.atomic.AtomicReference<>();
        org.junit.platform.launcher.TestExecutionListener gates = new org.junit.platform.launcher.TestExecutionListener() {
            @Override
            public void executionFinished(org.junit.platform.launcher.TestIdentifier id,
                    org.junit.platform.engine.TestExecutionResult result) {
                if (id.getUniqueId().contains("[gate:")) {
                    atFirstGate.compareAndSet(null, bytes.toString(StandardCharsets.UTF_8));
                }
            }
        };
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(listener, gates).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile())).filters(includeEngines("clp"))
                .configurationParameters(settings(tmp))
                .configurationParameters(Map.of("clp.progress.interval-seconds", "0", "clp.languages", "sw,yo")).build());
        assertThat(atFirstGate.get()).as("the progress when the first gate finished").isNotNull();
        return atFirstGate.get();
    }

    @Test
    void pairsCountWhenTheirAnswersArriveNotWhenJunitReachesThem() {
        // JUnit reports the second language's pairs only after the first language's gates, which wait for every answer
        // of the run (Holm): counted from JUnit's events, a 4,189-pair run stood at 424 pairs (Arabic) for a minute
        String progress = progressAtTheFirstGate(false);
        assertThat(progress.lines().toList()).as(progress).last().asString().startsWith("clp: 24 / 24 pairs");
    }

    @Test
    void onATerminalTheLineIsEndedWhenTheLastAnswerIsInBeforeTheGatesPrintTheirLines() {
        // clp run prints each gate's verdict as it finishes: it was appended to the redrawn progress line
        String progress = progressAtTheFirstGate(true);
        assertThat(progress).as(progress).endsWith("\n").contains("clp: 24 / 24 pairs (100 %)");
    }

    @Test
    void onATerminalOneLineIsRedrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener listener = new ProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                System::nanoTime, true);
        run(listener, Map.of("clp.languages", "sw"), tmp);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r").endsWith("\n").contains("clp: 12 / 12 pairs (100 %)");
        assertThat(out.split("\n", -1)).as("one line, redrawn with carriage returns").hasSize(2);
    }

    @Test
    void offSaysNothingAndABadValueSaysWhyNothingIsShown() {
        ByteArrayOutputStream off = new ByteArrayOutputStream();
        run(new ProgressListener(new PrintStream(off, true, StandardCharsets.UTF_8), System::nanoTime, false),
                Map.of("clp.progress", "off", "clp.languages", "sw"), tmp);
        assertThat(off.toString(StandardCharsets.UTF_8)).isEmpty();

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        run(new ProgressListener(new PrintStream(bad, true, StandardCharsets.UTF_8), System::nanoTime, false),
                Map.of("clp.progress", "loud", "clp.languages", "sw"), tmp);
        assertThat(bad.toString(StandardCharsets.UTF_8)).contains("clp.progress: 'loud' is not one of auto, live, lines, off")
                .contains("no progress is shown");
    }

    /** A run against an endpoint that answers a few pairs and then stalls; stopped by its parent. */
    public static final class StallingRun {
        public static void main(String[] args) throws Exception {
            AtomicInteger served = new AtomicInteger();
            CountDownLatch stall = new CountDownLatch(1);
            // the JDK's own HTTP server: the child JVM has the runtime classpath only, not MockWebServer
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (served.incrementAndGet() > 5) {
                    System.out.println("stalled");
                    System.out.flush();
                    try {
                        stall.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"B\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,"
                        + "\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                Path tmp = Path.of(args[0]);
                Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .addTestExecutionListeners(new ProgressListener(System.err, System::nanoTime, false)).build());
                var request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile()))
                        .filters(includeEngines("clp"))
                        .configurationParameters(settings(tmp))
                        .configurationParameter("clp.model", "openai:local-model")
                        .configurationParameter("clp.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                        .configurationParameter("clp.concurrency", "1")
                        .configurationParameter("clp.languages", "sw,yo").build();
                launcher.execute(request);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void anInterruptedRunSaysHowFarItGotAndThatARerunResumes() throws IOException, InterruptedException {
        assumeTrue(ChildJvm.available(), "run through Maven: the build writes the runtime classpath");
        Process child = ChildJvm.of(StallingRun.class, List.of("-Dclp.test.starter-suite=" + SuiteFixtures.starterSuite()),
                tmp.toString()).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("stalled")) {
                // start-up output
            }
            assertThat(line).as("the endpoint stalled the run").isEqualTo("stalled");
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String err = java.nio.file.Files.readString(tmp.resolve("stderr.txt"));
        // at most the five answered pairs are finished (JUnit reports pairs in order; the stalled one may come first)
        assertThat(err).containsPattern("clp: interrupted after [0-5] of 24 pairs \\(sw [0-5]/12, yo [0-5]/12\\)")
                .contains("The response cache is off (clp.cache): a rerun asks the model again");
    }
}
