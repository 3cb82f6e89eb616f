package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A candidate that answers every English question right and never answers in Swahili or Yoruba (a polite non-answer
 * instead) must not pass. On the code before the gate rework both gap gates passed with bounds [-1.8, +1.8]: the
 * unreadable target answers were dropped from the statistic.
 */
class MuteTargetTest {

    @TempDir
    Path tmp;

    private static final Pattern TOPIC = Pattern.compile("Which one is topic(\\d+)\\?");

    @Test
    void failsTheGapAndCoverageGatesOfEveryMuteLanguageNamingTheUnreadableAnswers() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 300, "sw", "yo");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    Matcher m = TOPIC.matcher(body);
                    String answer;
                    if (body.contains("[sw]") || body.contains("[yo]")) {
                        answer = "Samahani, siwezi kusema kwa uhakika.";
                    } else if (m.find()) {
                        answer = String.valueOf((char) ('A' + Integer.parseInt(m.group(1)) % 4));
                    } else {
                        answer = "?";
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + answer
                                    + "\"},\"finish_reason\":\"stop\"}]}");
                }
            });
            server.start();
            EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of("CI", "true")))
                    .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                    .configurationParameter("clp.allure", "off")
                    .configurationParameter("clp.model", "openai:mute")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.cache", "off")
                    .selectors(selectDirectory(suite.toFile()))
                    .execute();

            for (String lang : new String[] {"sw", "yo"}) {
                results.testEvents().assertThatEvents().haveExactly(1, event(test("gate:gap"), test("lang:" + lang),
                        finishedWithFailure(message(msg -> msg.contains("target 0.0%") && msg.contains("→ FAIL")))));
                results.testEvents().assertThatEvents().haveExactly(1, event(test("gate:coverage"),
                        test("lang:" + lang), finishedWithFailure(message(msg -> msg.contains("0 of 300 pairs")
                                && msg.contains("300 " + (lang.equals("sw") ? "Swahili" : "Yoruba")
                                        + " answers unreadable")))));
            }
        }
        JsonNode gates = new ObjectMapper().readTree(tmp.resolve("results/gates.json").toFile());
        assertThat(gates.get("failed").asBoolean()).isTrue();
    }
}
