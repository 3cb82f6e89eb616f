package dev.clp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClpConfigBuilderTest {

    private static ClpConfig from(Map<String, String> keys, Map<String, String> env) {
        return ClpConfig.from(k -> Optional.ofNullable(keys.get(k)), keys.keySet(), env);
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void aBuilderWithNothingSetIsTheConfigurationOfNoKeys() {
        assertThat(ClpConfig.builder().build()).isEqualTo(from(Map.of(), Map.of()));
        assertThat(ClpConfig.builder().build().model().simulatedByDefault()).isTrue();
    }

    @Test
    void theTypedSettersSetTheirKeys() {
        ClpConfig built = ClpConfig.builder().model("openai:gpt-4o-mini").endpoint("http://127.0.0.1:9/v1")
                .apiKeyEnv("TEAM_KEY").cache("off").cachePath(Path.of("c.sqlite")).concurrency(3).samples(5)
                .temperature(0.5).maxGap(0.2).maxGap("sw", 0.3).languages("sw", "yo")
                .suites(Path.of("a"), Path.of("b")).resultsDir(Path.of("out")).allure(false)
                .baseline(Path.of("base.json")).allowSimulated(true).eagerStart(true).build();

        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("clp.model", "openai:gpt-4o-mini");
        keys.put("clp.endpoint", "http://127.0.0.1:9/v1");
        keys.put("clp.api-key-env", "TEAM_KEY");
        keys.put("clp.cache", "off");
        keys.put("clp.cache.path", "c.sqlite");
        keys.put("clp.concurrency", "3");
        keys.put("clp.samples", "5");
        keys.put("clp.temperature", "0.5");
        keys.put("clp.gate.max-gap", "0.2");
        keys.put("clp.gate.max-gap.sw", "0.3");
        keys.put("clp.languages", "sw,yo");
        keys.put("clp.suites", "a,b");
        keys.put("clp.results.dir", "out");
        keys.put("clp.allure", "off");
        keys.put("clp.baseline", "base.json");
        keys.put("clp.allow-simulated", "true");
        keys.put("clp.eager-start", "true");
        assertThat(built).isEqualTo(from(keys, Map.of()));
        assertThat(built.model().endpoint()).hasValue("http://127.0.0.1:9/v1");
        assertThat(built.gates().maxGap("sw")).isEqualTo(0.3);
        assertThat(built.gates().maxGap("yo")).isEqualTo(0.2);
        assertThat(built.suiteRoots()).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(built.output().allureResultsDir()).isEmpty();
    }

    @Test
    void anyClpKeyCanBeSetByNameIncludingPerLanguageKeys() {
        ClpConfig c = ClpConfig.builder().set("clp.fail-on", "pairs").set("clp.gate.max-gap.yo", "0.25")
                .set("clp.retry.max-attempts", "7").build();

        assertThat(c.gates().failOn()).isEqualTo(ClpConfig.FailOn.PAIRS);
        assertThat(c.gates().maxGap("yo")).isEqualTo(0.25);
        assertThat(c.limits().retryMaxAttempts()).isEqualTo(7);
        assertThat(ClpConfig.builder().set("clp.samples", "4").set("clp.samples", "2").build().decoding().samples())
                .as("the last value set wins").isEqualTo(2);
    }

    @Test
    void aBadValueFailsWithTheSameMessageAsTheKeysWouldGive() {
        assertThat(failure(() -> ClpConfig.builder().concurrency(0).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(failure(() -> from(Map.of("clp.concurrency", "0"), Map.of())).getMessage())
                .hasMessageStartingWith("clp.concurrency: expected a whole number from 1 to 1024, found '0'");
        assertThat(failure(() -> ClpConfig.builder().set("clp.fail-on", "sometimes").build()))
                .hasMessage(failure(() -> from(Map.of("clp.fail-on", "sometimes"), Map.of())).getMessage());
        assertThat(failure(() -> ClpConfig.builder().model("gpt-4o").build()))
                .hasMessageStartingWith("clp.model: expected <provider>:<model>");
        assertThat(failure(() -> ClpConfig.builder().set("clp.baseline.update", "true").build()))
                .hasMessage("clp.baseline.update=true needs clp.baseline=<file> to write the baseline to");
    }

    @Test
    void aKeyOutsideClpOrUnknownIsRefusedWhenSetNamingIt() {
        assertThatThrownBy(() -> ClpConfig.builder().set("junit.jupiter.execution.parallel.enabled", "true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("junit.jupiter.execution.parallel.enabled").hasMessageContaining("clp.*");
        assertThatThrownBy(() -> ClpConfig.builder().set("clp.modle", "sim:perfect"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key clp.modle — did you mean clp.model?");
        assertThatThrownBy(() -> ClpConfig.builder().set("clp.samples", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clp.samples");
    }

    @Test
    void theEnvironmentIsReadOnlyWhenGivenAndKeysWinOverIt() {
        assertThat(ClpConfig.builder().build().model().spec()).hasToString("sim:default");
        Map<String, String> env = Map.of("CLP_MODEL", "sim:perfect", "CLP_SAMPLES", "3");

        ClpConfig c = ClpConfig.builder().environment(env).samples(2).build();

        assertThat(c.model().spec()).hasToString("sim:perfect");
        assertThat(c.decoding().samples()).isEqualTo(2);
        assertThatThrownBy(() -> ClpConfig.builder().environment(Map.of("CI", "true")).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("clp.model is not set and CI=true");
        assertThat(ClpConfig.builder().environment(Map.of("CI", "true")).allowSimulated(true).build().simulated())
                .isTrue();
    }

    @Test
    void theConfigurationHasNoPublicConstructor() {
        assertThat(ClpConfig.class.isRecord()).as("a record's canonical constructor is public API").isFalse();
        assertThat(ClpConfig.class.getConstructors()).isEmpty();
        assertThat(Modifier.isFinal(ClpConfig.class.getModifiers())).isTrue();
        assertThat(Arrays.stream(ClpConfig.class.getDeclaredConstructors()).map(c -> c.getModifiers()))
                .allMatch(Modifier::isPrivate);
    }
}
