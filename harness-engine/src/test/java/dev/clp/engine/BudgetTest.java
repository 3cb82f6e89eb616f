package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Budgets stop a run cleanly, keep every result so far, and the ledger prices what was used. */
class BudgetTest {

    @TempDir
    Path tmp;

    @Test
    void aCallBudgetStopsTheRunCleanlyAndTheLedgerCountsPerLanguage() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 30, "sw", "yo");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                            "{\"choices\":[{\"message\":{\"content\":\"A\"}}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":2}}");
                }
            });
            server.start();
            EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                    .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                    .configurationParameter("clp.model", "openai:m")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.cache", "off")
                    .configurationParameter("clp.concurrency", "2")
                    .configurationParameter("clp.budget.max-calls", "40")
                    .configurationParameter("clp.price.input-per-mtok", "2.5")
                    .configurationParameter("clp.price.output-per-mtok", "10")
                    .selectors(selectDirectory(suite.toFile()))
                    .execute();

            assertThat(server.getRequestCount()).isBetween(40, 42);
            results.testEvents().assertThatEvents().haveAtLeastOne(event(test("pair"),
                    abortedWithReason(message(m -> m.contains("not run: budget spent: clp.budget.max-calls=40 reached")))));
            // the budget cuts no answer into an error: no pair fails
            results.testEvents().assertThatEvents().doNotHave(event(test("pair"), finishedWithFailure()));
            // a budget-cut language now fails its coverage gate, saying the budget ran out (issue 13)
            results.testEvents().assertThatEvents().haveExactly(2, event(test("gate:coverage"), finishedWithFailure(
                    message(m -> m.contains("not run") && m.contains("the budget (clp.budget.*) ran out")))));
            JsonNode run = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile());
            JsonNode usage = run.get("usage");
            assertThat(usage.get("budgetStopped").asText()).isEqualTo("clp.budget.max-calls=40 reached");
            assertThat(run.get("pairs")).hasSize(60);
            long notRun = 0;
            for (JsonNode l : run.get("languages")) {
                notRun += l.get("notRun").asLong();
            }
            assertThat(notRun).isPositive();
            long ledgerCalls = usage.get("byLanguage").get("en").get("calls").asLong()
                    + usage.get("byLanguage").path("sw").path("calls").asLong()
                    + usage.get("byLanguage").path("yo").path("calls").asLong();
            assertThat(ledgerCalls).isEqualTo(server.getRequestCount());
            assertThat(usage.get("cost").asDouble()).isCloseTo(ledgerCalls * (100 * 2.5 + 2 * 10) / 1e6,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
