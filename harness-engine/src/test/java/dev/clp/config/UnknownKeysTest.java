package dev.clp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    @Test
    void theKnownKeysAreTheKeyConstantsAndTheOpenFamiliesThePrefixConstants() {
        assertThat(ClpConstants.ALL_KEYS).contains(ClpConstants.MODEL, ClpConstants.SEED, ClpConstants.EAGER_START,
                ClpConstants.CONSOLE_SUMMARY, ClpConstants.AZURE_API_VERSION).doesNotHaveDuplicates()
                .noneMatch(k -> k.endsWith(".")).doesNotContain(ClpConstants.ENGINE_ID,
                        ClpConstants.ALLURE_RESULTS_DIR_DEFAULT);
        assertThat(ClpConstants.KEY_PREFIXES).containsExactlyInAnyOrder(ClpConstants.GATE_MAX_GAP_PREFIX,
                ClpConstants.TEST_PROPERTY_PREFIX);
    }

    @Test
    void aTranspositionIsOneEdit() {
        assertThat(UnknownKeys.distance("clp.modle", "clp.model")).isEqualTo(1);
        assertThat(UnknownKeys.distance("clp.concurency", "clp.concurrency")).isEqualTo(1);
        assertThat(UnknownKeys.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void aKeyFarFromEveryKnownKeyIsNamedWithoutAGuess() {
        assertThat(UnknownKeys.find(Set.of("clp.something-else-entirely"), Map.of())).singleElement().asString()
                .startsWith("unknown key clp.something-else-entirely (no key of clp-harness is close");
    }

    @Test
    void aFamilyPrefixWithoutItsMemberIsNotAKey() {
        assertThat(UnknownKeys.find(Set.of("clp.gate.max-gap.", "clp.gate.max-gap.sw", "other.key"), Map.of()))
                .singleElement().asString().startsWith("unknown key clp.gate.max-gap. — did you mean clp.gate.max-gap?");
    }

    @Test
    void variablesOutsideClpAreNotLookedAt() {
        assertThat(UnknownKeys.find(Set.of(), Map.of("PATH", "/bin", "CLPX", "1", "CLP_MODEL", "sim:perfect",
                "CLP_GATE_MAX_GAP_SW", "0.2"))).isEmpty();
    }
}
