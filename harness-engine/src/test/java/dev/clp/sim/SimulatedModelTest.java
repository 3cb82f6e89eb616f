package dev.clp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.spi.Questions;
import dev.clp.scoring.AnswerExtractor;
import dev.clp.scoring.Extraction;
import dev.clp.scoring.FallbackExtractor;
import dev.clp.scoring.PromptRenderer;
import dev.clp.suite.Pair;
import dev.clp.testing.SuiteFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedModelTest {

    private static ChatRequest ask(String lang, Pair p, boolean english) {
        return new ChatRequest(List.of(ChatMessage.user(PromptRenderer.render(lang, english ? p.en() : p.target()))),
                0.0, 64, 0);
    }

    @Test
    void isDeterministicAndLabelledSimulated() {
        AnswerKey key = new AnswerKey();
        Pair p = SuiteFixtures.pair("sw", "planet", 2);
        key.register(p);
        SimulatedModel sim = new SimulatedModel(SimProfile.named("gpt-4o-mini"), key);
        assertThat(sim.simulated()).isTrue();
        assertThat(sim.name()).isEqualTo("sim:gpt-4o-mini");
        assertThat(sim.complete(ask("sw", p, false)).text()).isEqualTo(sim.complete(ask("sw", p, false)).text());
    }

    @Test
    void accuracyFollowsTheProfilePerLanguage() {
        AnswerKey key = new AnswerKey();
        SimProfile profile = SimProfile.named("llama-3.1-8b");
        SimulatedModel sim = new SimulatedModel(profile, key);
        int n = 2000;
        int enRight = 0;
        int swRight = 0;
        List<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pair p = SuiteFixtures.pair("sw", "t" + i, i % 4);
            key.register(p);
            pairs.add(p);
        }
        for (Pair p : pairs) {
            enRight += right(sim, "en", p, true);
            swRight += right(sim, "sw", p, false);
        }
        // the key's outcomes are balanced: the share of right answers is the profile's accuracy to the pair; a plain
        // English question is decided by its hash at the pooled English accuracy (binomial: 4 sd at n = 2,000)
        assertThat(enRight / (double) n).isCloseTo(profile.accuracy("en", null, 0), within(0.01));
        assertThat(swRight / (double) n).isCloseTo(profile.accuracy("sw", "sw", 0), within(1.0 / n));
        assertThat(profile.accuracy("sw", "sw", 0)).isLessThan(profile.accuracy("en", "sw", 0));
        assertThat(profile.accuracy("sw", "sw", 600)).isLessThan(profile.accuracy("sw", "sw", 0));
    }

    private static int right(SimulatedModel sim, String lang, Pair p, boolean english) {
        String text = sim.complete(ask(lang, p, english)).text();
        Extraction e = AnswerExtractor.extract(lang, text, (english ? p.en() : p.target()).choices());
        return e instanceof Extraction.Choice c && c.index() == p.en().answer() ? 1 : 0;
    }

    @Test
    void aSimulatedTaskAnswersItsOwnPromptsAndSaysHowToReadTheTextItWrote() {
        SimulatedTask echo = new SimulatedTask() {
            @Override
            public Optional<ChatResponse> answer(String prompt, ChatRequest request) {
                return prompt.startsWith("ECHO ") ? Optional.of(SimulatedTask.reply(prompt.substring(5)))
                        : Optional.empty();
            }

            @Override
            public Reading read(String prompt) {
                return new Reading(prompt.replace("[x]", ""), prompt.contains("[x]") ? Optional.of("sw")
                        : Optional.empty());
            }
        };
        Pair p = SuiteFixtures.pair("sw", "planet", 2);
        AnswerKey key = AnswerKey.of(new Questions().add(p));
        SimulatedModel sim = new SimulatedModel(SimProfile.named("llama-3.1-8b"), key, List.of(echo));
        SimulatedModel without = new SimulatedModel(SimProfile.named("llama-3.1-8b"), key, List.of());

        assertThat(sim.complete(user("ECHO hello")).text()).isEqualTo("hello");
        assertThat(without.complete(user("ECHO hello")).text()).startsWith("I can only answer multiple-choice");
        assertThat(sim.complete(user(FallbackExtractor.HEADER + "\nThe answer: B")).text())
                .as("the fallback extractor's prompt comes first, whatever the tasks").isEqualTo("NONE");
        String prompt = PromptRenderer.render("sw", p.target());
        String marked = prompt.replaceAll("(?m)^([A-J])\\. ", "$1. [x]");
        assertThat(marked).isNotEqualTo(prompt);
        for (int sample = 0; sample < 8; sample++) {
            assertThat(sim.complete(new ChatRequest(List.of(ChatMessage.user(marked)), 0.7, 64, sample)).text())
                    .isEqualTo(sim.complete(new ChatRequest(List.of(ChatMessage.user(prompt)), 0.7, 64, sample)).text());
        }
    }

    @Test
    void aTaskChoosesTheAnswerToAQuestionAskedOnItsOwnAndNotToASuitePair() {
        java.util.List<SimulatedTask.Asked> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulatedTask reader = new SimulatedTask() {
            @Override
            public Optional<ChatResponse> answer(String prompt, ChatRequest request) {
                return Optional.empty();
            }

            @Override
            public java.util.OptionalInt choose(Asked asked) {
                seen.add(asked);
                return java.util.OptionalInt.of(asked.choices().indexOf("two"));
            }
        };
        Pair p = SuiteFixtures.pair("sw", "planet", 2);
        AnswerKey key = AnswerKey.of(new Questions().add(p));
        dev.clp.suite.Side seed = new dev.clp.suite.Side("Which is the even number?", List.of("one", "two", "three"), 1);
        key.register("en", seed, 0);
        SimulatedModel sim = new SimulatedModel(SimProfile.named("gpt-4o"), key, List.of(reader));
        SimulatedModel without = new SimulatedModel(SimProfile.named("gpt-4o"), key, List.of());

        String pair = PromptRenderer.render("sw", p.target());
        assertThat(sim.complete(user(pair)).text()).as("a suite pair is the key's").isEqualTo(without.complete(user(pair)).text());
        assertThat(seen).isEmpty();
        String added = "Many readers first think of three here.";
        dev.clp.suite.Side distracted = new dev.clp.suite.Side(added + " " + seed.question(), seed.choices(), 1);
        for (int sample = 0; sample < 8; sample++) {
            ChatRequest r = new ChatRequest(List.of(ChatMessage.user(PromptRenderer.render("en", distracted))), 0.7, 64,
                    sample);
            assertThat(AnswerExtractor.extract("en", sim.complete(r).text(), seed.choices()))
                    .isInstanceOfSatisfying(Extraction.Choice.class, c -> assertThat(c.index()).isEqualTo(1));
        }
        SimulatedTask.Asked asked = seen.get(0);
        assertThat(asked.model()).isEqualTo("gpt-4o");
        assertThat(asked.lang()).isEqualTo("en");
        assertThat(asked.question()).isEqualTo(seed.question());
        assertThat(asked.added()).isEqualTo(added);
        assertThat(asked.right()).isEqualTo(1);
        assertThat(asked.accuracy()).isEqualTo(SimProfile.named("gpt-4o").accuracy("en", null, added.length() + 1));
        assertThat(asked.plainAccuracy()).isEqualTo(SimProfile.named("gpt-4o").accuracy("en", null, 0));
        assertThat(seen).extracting(SimulatedTask.Asked::sample).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    private static ChatRequest user(String text) {
        return new ChatRequest(List.of(ChatMessage.user(text)), 0.0, 64, 0);
    }

    @Test
    void anUnknownProfileNamesTheKnownOnes() {
        assertThatThrownBy(() -> SimProfile.named("gpt-9"))
                .hasMessageContaining("no simulator profile 'gpt-9'")
                .hasMessageContaining("gpt-4o-mini");
    }

    @Test
    void profilesAreFoundAsThePaperSpellsThem() {
        assertThat(SimProfile.named("llama-3.1-8B")).isEqualTo(SimProfile.named("llama-3.1-8b"));
        assertThat(SimProfile.named("GPT-4o").name()).isEqualTo("gpt-4o");
    }
}
