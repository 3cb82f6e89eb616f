package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final String PANEL = "sim:llama-3.1-8b,sim:gpt-4o-mini,sim:gpt-4o";

    @TempDir
    Path tmp;

    private static String seeds() {
        return Path.of("src/test/resources/seeds/general.json").toAbsolutePath().toString();
    }

    private Cli.Result generate(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--source", seeds(), "--language", "sw", "--panel", PANEL,
                "--out", out.toString(), "--checkpoint", tmp.resolve("cp.sqlite").toString(), "--date", "2026-11-22",
                "-Dclp.cache=off"));
        args.addAll(List.of(more));
        return Cli.clp(args.toArray(String[]::new));
    }

    @Test
    void generatedPairsLandInASuiteThatTheEngineThenRuns() throws Exception {
        Path suite = tmp.resolve("sim-suite");
        Cli.Result g = generate(suite, "--seeds", "8");

        assertThat(g.exit()).as(g.out() + g.err()).isZero();
        assertThat(g.out()).contains("| improved | ").containsPattern("added \\d+ new pair\\(s\\) to .*pairs-sw.jsonl");
        assertThat(g.err()).contains("at most ~").contains("clp generate: batch 1: seeds");
        List<String> lines = Files.readAllLines(suite.resolve("pairs-sw.jsonl"));
        assertThat(lines).isNotEmpty().isSortedAccordingTo(String::compareTo);
        assertThat(suite.resolve("suite.json")).content().contains("\"clp-suite/v1\"").contains("sim-suite");

        Path results = tmp.resolve("results");
        Cli.Result run = Cli.clp("run", "--suite", suite.toString(), "-Dclp.model=sim:gpt-4o", "-Dclp.cache=off",
                "-Dclp.results.dir=" + results, "-Dclp.allure=off");
        assertThat(run.out()).contains("Swahili").contains("SIMULATED");
        JsonNode record = new ObjectMapper().readTree(results.resolve("run.json").toFile());
        int graded = 0;
        for (JsonNode lang : record.path("languages")) {
            graded += lang.path("pairs").asInt();
        }
        assertThat(graded).as(run.out()).isEqualTo(lines.size());
    }

    @Test
    void aSecondRunAddsOnlyNewPairsAndKeepsTheExistingLines() throws Exception {
        Path suite = tmp.resolve("s");
        assertThat(generate(suite, "--seeds", "4").exit()).isZero();
        List<String> before = Files.readAllLines(suite.resolve("pairs-sw.jsonl"));

        Cli.Result again = generate(suite, "--seeds", "8");

        assertThat(again.exit()).as(again.err()).isZero();
        List<String> after = Files.readAllLines(suite.resolve("pairs-sw.jsonl"));
        assertThat(after).containsAll(before).hasSizeGreaterThan(before.size());
        assertThat(again.out()).contains("added " + (after.size() - before.size()) + " new pair(s)");
    }

    @Test
    void simulatedTranslationsAreRefusedInTheShippedSuites() {
        Path shipped = tmp.resolve("repo/generated-suites/suites/starter");
        Cli.Result r = generate(shipped, "--seeds", "4");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to write").contains("simulated translations").contains("--out");
        assertThat(shipped.resolve("pairs-sw.jsonl")).doesNotExist();
    }

    @Test
    void compareRunsBothStrategiesOnTheSameSeedsAndPrintsTheirEfficiency() {
        Cli.Result r = Cli.clp("generate", "--compare", "--source", seeds(), "--language", "yo", "--panel", PANEL,
                "--checkpoint", tmp.resolve("cmp").toString(), "-Dclp.cache=off");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| reference | ").contains("| improved | ")
                .containsPattern("improved / reference, accepted pairs per 1,000 calls: \\d+\\.\\d\\d x")
                .contains("accepted pairs with a defect (the simulation's record of the faults it put in)")
                .contains("not in the record: 0")
                .containsPattern("the judge's catch rate observed \\(by the record\\) \\d\\.\\d\\d of \\d+ giveaways "
                        + "\\(configured 0\\.85 for a giveaway naming the whole right option\\), false alarms observed "
                        + "\\d\\.\\d{3} of \\d+ sound perturbations \\(configured 0\\.040\\)");
    }

    @Test
    void aCheckpointOfAnotherRunIsNamedWithTheSettingThatDiffers() {
        Path suite = tmp.resolve("s");
        assertThat(generate(suite, "--seeds", "4").exit()).isZero();

        Cli.Result r = generate(suite, "--seeds", "4", "--beam-width", "6");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(tmp.resolve("cp.sqlite").toString()).contains("beam-width=12")
                .contains("beam-width=6");
    }

    @Test
    void anUnknownStrategyIsAUsageErrorThatListsTheKnownOnes() {
        Cli.Result r = generate(tmp.resolve("s"), "--strategy", "greedy");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--strategy").contains("greedy").contains("known: improved, reference");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void aCostBudgetWithoutPricesIsAUsageErrorBeforeAnyCall() {
        Cli.Result r = generate(tmp.resolve("s"), "--max-cost", "2");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--max-cost 2.0").contains("clp.price.input-per-mtok").contains("--max-calls");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void aStrategyIsSelectedByItsName() {
        Cli.Result r = generate(tmp.resolve("s"), "--strategy", "reference", "--seeds", "4");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| reference | 4 / 4 |");
        assertThat(r.err()).contains("clp generate: reference strategy");
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path notJson = tmp.resolve("seeds.json");
        Files.writeString(notJson, "[{\"question\": \"x\",\n oops");
        Cli.Result r = Cli.clp("generate", "--source", notJson.toString(), "--language", "sw", "--panel", PANEL, "--out",
                tmp.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(notJson.toString()).contains("line 2");

        Cli.Result noOut = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", PANEL);
        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");

        Cli.Result badModel = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", "nosuch:model", "--out",
                tmp.resolve("o").toString(), "--checkpoint", tmp.resolve("c2").toString());
        assertThat(badModel.exit()).isEqualTo(2);
        assertThat(badModel.err()).contains("clp.model");

        Cli.Result noKey = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", "openai:gpt-4o-mini",
                "--out", tmp.resolve("o").toString(), "--checkpoint", tmp.resolve("c3").toString(),
                "-Dclp.api-key-env=CLP_TEST_NO_SUCH_KEY");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("CLP_TEST_NO_SUCH_KEY");

        Path badSuite = tmp.resolve("bad");
        Files.createDirectories(badSuite);
        Files.writeString(badSuite.resolve("pairs-sw.jsonl"), "{\"id\": \"sw-1\"}\n");
        Cli.Result broken = generate(badSuite, "--seeds", "4");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("pairs-sw.jsonl:1");
        assertThat(badSuite.resolve("pairs-sw.jsonl")).hasContent("{\"id\": \"sw-1\"}");
    }

    @Test
    void theGeneratorTalksToRealEndpointsThroughTheModelLayer() throws Exception {
        var key = new dev.clp.sim.AnswerKey();
        dev.clp.probes.SeedReader.read(Path.of(seeds())).seeds().forEach(s -> key.register("en", s.en(), 0));
        var model = new dev.clp.sim.SimulatedModel(dev.clp.sim.SimProfile.named("llama-3.1-8b"), key);
        try (var server = dev.clp.sim.SimulatorServer.start(model, 0, dev.clp.sim.SimulatorServer.Faults.NONE)) {
            Cli.Result r = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", "openai:llama-3.1-8b",
                    "--seeds", "4", "--out", tmp.resolve("http").toString(), "--checkpoint",
                    tmp.resolve("http.sqlite").toString(), "-Dclp.endpoint=" + server.baseUrl(), "-Dclp.cache=off");

            assertThat(r.exit()).as(r.err()).isZero();
            java.util.regex.Matcher calls = java.util.regex.Pattern.compile("\\| improved \\| \\d / 4 \\| ([\\d,]+) \\|")
                    .matcher(r.out());
            assertThat(calls.find()).as(r.out()).isTrue();
            assertThat(server.requests()).as("every model call the generator counted went over HTTP, once")
                    .isEqualTo(Long.parseLong(calls.group(1).replace(",", "")));

            Cli.Result capped = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", "openai:llama-3.1-8b",
                    "--seeds", "4", "--out", tmp.resolve("capped").toString(), "--checkpoint",
                    tmp.resolve("capped.sqlite").toString(), "-Dclp.endpoint=" + server.baseUrl(), "-Dclp.cache=off",
                    "--max-cost", "0.01", "-Dclp.price.input-per-mtok=1000", "-Dclp.price.output-per-mtok=1000");
            assertThat(capped.exit()).as(capped.err()).isZero();
            assertThat(capped.err()).containsPattern("at most ~[\\d,]+ model calls \\(search bound\\), at most ~\\$[\\d.]+ at "
                    + "400 tokens in and 60 out per call");
            assertThat(capped.out()).contains("stopped early: budget spent: --max-cost 0.01 reached");
        }
    }

    @Test
    void aRejectedKeyStopsTheRunNamingTheEndpointAndTheVariable() throws Exception {
        try (var server = new okhttp3.mockwebserver.MockWebServer()) {
            server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    return new okhttp3.mockwebserver.MockResponse().setResponseCode(401).setHeader("content-type",
                            "application/json").setBody("{\"error\":{\"message\":\"Incorrect API key provided\","
                            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
                }
            });
            server.start();
            Cli.Result r = Cli.clp("generate", "--source", seeds(), "--language", "sw", "--panel", "openai:gpt-4o-mini",
                    "--out", tmp.resolve("o").toString(), "--checkpoint", tmp.resolve("401.sqlite").toString(),
                    "-Dclp.endpoint=" + server.url("/v1"), "-Dclp.cache=off");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("401").contains("OPENAI_API_KEY")
                    .contains(server.url("/v1").toString().replaceAll("/$", ""))
                    .contains("the checkpoint keeps every answer received");
            assertThat(server.getRequestCount()).as("a 401 is not retried: one request per seed in the first batch")
                    .isLessThanOrEqualTo(4);
            assertThat(tmp.resolve("o/pairs-sw.jsonl")).doesNotExist();
        }
    }

    @Test
    void badRecordsInTheSourceAreSkippedByPosition() throws Exception {
        Path src = tmp.resolve("mixed.json");
        Files.writeString(src, "[{\"question\":\"Q1?\",\"choices\":[\"a\",\"b\"],\"answer\":\"c\"},"
                + "{\"question\":\"\",\"choices\":[\"a\",\"b\"],\"answer\":\"a\"},"
                + "{\"question\":\"Q3?\",\"choices\":[\"a\"],\"answer\":\"a\"}]");
        Cli.Result r = Cli.clp("generate", "--source", src.toString(), "--language", "sw", "--panel", PANEL, "--out",
                tmp.resolve("o").toString(), "--checkpoint", tmp.resolve("c4").toString(), "-Dclp.cache=off");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("record 0: 'answer' is not one of its choices")
                .contains("record 1: 'question' is missing or empty")
                .contains("record 2: 'choices' must be an array of at least two options");
        assertThat(r.out()).contains("| 0 / 0 |");
    }
}
