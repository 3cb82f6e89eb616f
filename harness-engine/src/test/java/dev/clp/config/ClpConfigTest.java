package dev.clp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClpConfigTest {

    private static ClpConfig config(Map<String, String> params, Map<String, String> env) {
        return ClpConfig.from(k -> Optional.ofNullable(params.get(k)), env);
    }

    @Test
    void defaultsRunTheSimulatorAndSaySo() {
        ClpConfig c = config(Map.of(), Map.of());
        assertThat(c.model().spec()).hasToString("sim:default");
        assertThat(c.model().simulatedByDefault()).isTrue();
        assertThat(c.limits().concurrency()).isEqualTo(ClpConstants.CONCURRENCY_DEFAULT);
        assertThat(c.decoding().samples()).isEqualTo(1);
        assertThat(c.gates().maxGap()).isEqualTo(0.10);
        assertThat(c.gates().alpha()).isEqualTo(0.01);
        assertThat(c.gates().failOn()).isEqualTo(ClpConfig.FailOn.GATES);
        assertThat(c.output().resultsDir()).isEqualTo(Path.of("target/clp"));
        assertThat(c.includesLanguage("sw")).isTrue();
    }

    @Test
    void parametersWinOverTheEnvironmentAndTheEnvironmentFillsGaps() {
        ClpConfig c = config(Map.of("clp.model", "openai:gpt-4o-mini"),
                Map.of("CLP_MODEL", "sim:perfect", "CLP_GATE_MAX_GAP", "0.2", "CLP_LANGUAGES", "sw, yo"));
        assertThat(c.model().spec()).hasToString("openai:gpt-4o-mini");
        assertThat(c.gates().maxGap()).isEqualTo(0.2);
        assertThat(c.languages()).containsExactlyInAnyOrder("sw", "yo");
        assertThat(c.includesLanguage("fr")).isFalse();
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsValid() {
        assertThatThrownBy(() -> config(Map.of("clp.concurrency", "eight"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("clp.concurrency: expected a whole number from 1 to 1024, found 'eight'");
        assertThatThrownBy(() -> config(Map.of("clp.gate.alpha", "1.5"), Map.of()))
                .hasMessageStartingWith("clp.gate.alpha: expected a number strictly between 0 and 1, found '1.5'");
        assertThatThrownBy(() -> config(Map.of(), Map.of("CLP_FAIL_ON", "sometimes")))
                .hasMessageContaining("clp.fail-on: expected one of gates, pairs, found 'sometimes'")
                .hasMessageContaining("CLP_FAIL_ON");
        assertThatThrownBy(() -> config(Map.of("clp.model", "gpt-4o"), Map.of()))
                .hasMessageStartingWith("clp.model: expected <provider>:<model>");
        // a well-formed prefix no provider claims fails when the model is built, naming the providers found
        // (ProvidersTest); a malformed one fails here
        assertThatThrownBy(() -> config(Map.of("clp.model", "Bard!:x"), Map.of()))
                .hasMessageStartingWith("clp.model: provider 'Bard!' in 'Bard!:x' is not a provider prefix");
    }

    @Test
    void inCiAnUnsetModelStopsTheRunUnlessSimulationIsAllowed() {
        assertThatThrownBy(() -> config(Map.of(), Map.of("CI", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clp.model is not set and CI=true")
                .hasMessageContaining("clp.allow-simulated=true");
        assertThat(config(Map.of("clp.allow-simulated", "true"), Map.of("CI", "true")).simulated()).isTrue();
        assertThat(config(Map.of("clp.model", "sim:gpt-4o"), Map.of("CI", "true")).model().simulatedByDefault())
                .isFalse();
    }

    @Test
    void everyKeyIsAConstantWithItsEnvironmentName() {
        assertThat(ClpConstants.ALL_KEYS).allMatch(k -> k.startsWith("clp."));
        assertThat(ClpConstants.environmentName("clp.gate.max-gap")).isEqualTo("CLP_GATE_MAX_GAP");
    }

    @Test
    void perLanguageGapsComeFromParameterKeysAndTheEnvironment() {
        Map<String, String> params = Map.of("clp.gate.max-gap.yo", "0.25");
        ClpConfig c = ClpConfig.from(k -> Optional.ofNullable(params.get(k)), params.keySet(),
                Map.of("CLP_GATE_MAX_GAP_ZU", "0.3"));
        assertThat(c.gates().maxGap("yo")).isEqualTo(0.25);
        assertThat(c.gates().maxGap("zu")).isEqualTo(0.3);
        assertThat(c.gates().maxGap("sw")).isEqualTo(0.10);
        assertThatThrownBy(() -> ClpConfig.from(k -> Optional.of("lots").filter(x -> k.equals("clp.gate.max-gap.sw")),
                java.util.Set.of("clp.gate.max-gap.sw"), Map.of()))
                .hasMessageStartingWith("clp.gate.max-gap.sw: expected a number from 0.0 to 1.0, found 'lots'");
    }

    @Test
    void baselineKeys() {
        ClpConfig c = config(Map.of("clp.baseline", "baselines/m.json", "clp.gate.tolerance", "0.02"), Map.of());
        assertThat(c.gates().baseline()).hasValue(Path.of("baselines/m.json"));
        assertThat(c.gates().tolerance()).isEqualTo(0.02);
        assertThat(c.gates().baselineUpdate()).isFalse();
        assertThatThrownBy(() -> config(Map.of("clp.baseline.update", "true"), Map.of()))
                .hasMessage("clp.baseline.update=true needs clp.baseline=<file> to write the baseline to");
    }

    @Test
    void aCostBudgetWithoutPricesIsRefusedBecauseItCouldNeverStopTheRun() {
        assertThatThrownBy(() -> config(Map.of("clp.budget.max-cost", "5"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("clp.budget.max-cost: set to 5.0 USD, but clp.price.input-per-mtok and "
                        + "clp.price.output-per-mtok are not");
        assertThat(config(Map.of("clp.budget.max-cost", "5", "clp.price.output-per-mtok", "0.6"), Map.of())
                .budget().maxCost()).isEqualTo(5.0);
    }
}
