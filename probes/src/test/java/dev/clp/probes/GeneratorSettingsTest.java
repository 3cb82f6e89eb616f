package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    private static final List<String> PANEL = List.of("sim:llama-3.1-8b", "sim:gpt-4o");

    private static GeneratorSettings.Builder sw() {
        return GeneratorSettings.builder().lang("sw").panel(PANEL);
    }

    @Test
    void aBuilderGivenOnlyTheLanguageAndPanelHoldsThePublishedDefaults() {
        GeneratorSettings s = sw().build();

        assertThat(s.strategy()).isSameAs(SearchStrategy.IMPROVED);
        assertThat(List.of(s.beamWidth(), s.depth(), s.extendedDepth(), s.maxPerSeed(), s.batchSize(), s.concurrency()))
                .containsExactly(12, 4, 6, 3, 4, 8);
        assertThat(s.acceptTarget()).isEqualTo(0.4);
        assertThat(s.distractionTemperature()).isEqualTo(0.7);
        assertThat(s.score()).isEqualTo(GeneratorSettings.Score.REWARD);
        assertThat(s.gamma()).isEqualTo(2.0);
        assertThat(s.nearDuplicate()).isEqualTo(0.8);
        assertThat(List.of(s.maxSeeds(), s.maxCalls(), s.maxCost())).containsExactly(0, 0L, 0.0);
        assertThat(s.holdout()).isEmpty();
        assertThat(s.date()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void modelsDefaultToTheFirstPanelMemberAndTheJudgeToTheTranslator() {
        assertThat(List.of(sw().build().writer(), sw().build().translator(), sw().build().judge(),
                sw().build().extractor())).containsOnly("sim:llama-3.1-8b");

        GeneratorSettings s = sw().translator("sim:gpt-4o").build();

        assertThat(s.judge()).isEqualTo("sim:gpt-4o");
        assertThat(s.writer()).isEqualTo("sim:llama-3.1-8b");
        assertThat(sw().translator("sim:gpt-4o").judge("sim:perfect").build().judge()).isEqualTo("sim:perfect");
    }

    @Test
    void extractionEarlyStoppingAndChecksDefaultToTheStrategysOwn() {
        GeneratorSettings reference = sw().strategy(SearchStrategy.REFERENCE).build();
        GeneratorSettings improved = sw().strategy(SearchStrategy.IMPROVED).build();

        assertThat(reference.extraction()).isEqualTo(GeneratorSettings.Extraction.MODEL);
        assertThat(reference.earlyStop()).isFalse();
        assertThat(reference.checks()).isFalse();
        assertThat(improved.extraction()).isEqualTo(GeneratorSettings.Extraction.LOCAL);
        assertThat(improved.earlyStop()).isTrue();
        assertThat(improved.checks()).isTrue();
        assertThat(sw().strategy(SearchStrategy.REFERENCE).extraction(GeneratorSettings.Extraction.LOCAL).build()
                .extraction()).isEqualTo(GeneratorSettings.Extraction.LOCAL);
    }

    @Test
    void aCopyThroughToBuilderChangesOnlyWhatIsSet() {
        GeneratorSettings s = sw().strategy(SearchStrategy.REFERENCE).beamWidth(6).date("2026-11-22").build();

        GeneratorSettings copy = s.toBuilder().maxSeeds(5).build();

        assertThat(copy).isEqualTo(sw().strategy(SearchStrategy.REFERENCE).beamWidth(6).date("2026-11-22").maxSeeds(5)
                .build());
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(copy.fingerprint("d")).isEqualTo(s.fingerprint("d")).contains("strategy=REFERENCE");
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> GeneratorSettings.builder().lang("sw").build())
                .hasMessage("--panel: at least one model is needed");
        assertThatThrownBy(() -> sw().beamWidth(0).build()).hasMessage("--beam-width 0: must be at least 1");
        assertThatThrownBy(() -> sw().concurrency(-1).build()).hasMessage("--concurrency -1: must be at least 1");
        assertThatThrownBy(() -> sw().depth(7).build()).hasMessage("--extended-depth 6 is below --depth 7");
        assertThatThrownBy(() -> sw().acceptTarget(1).build()).hasMessage("--accept-target 1.0: must be in [0, 1)");
        assertThatThrownBy(() -> sw().nearDuplicate(0).build()).hasMessage("--near-duplicate 0.0: must be in (0, 1]");
        assertThatThrownBy(() -> sw().lang("en").build())
                .hasMessage("--language en: the target must be another language than English");
    }

    @Test
    void aStrategyIsFoundByItsNameInAnyCaseAndAnUnknownNameListsTheKnownOnes() {
        assertThat(SearchStrategy.named("reference")).isSameAs(SearchStrategy.REFERENCE);
        assertThat(SearchStrategy.named("IMPROVED")).isSameAs(SearchStrategy.IMPROVED);
        assertThat(SearchStrategy.all()).extracting(SearchStrategy::name).containsExactly("reference", "improved");
        assertThatThrownBy(() -> SearchStrategy.named("greedy")).isInstanceOf(GeneratorException.class)
                .hasMessage("unknown strategy 'greedy'; known: improved, reference");
    }
}
