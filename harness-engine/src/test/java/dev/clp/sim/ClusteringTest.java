package dev.clp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.spi.Questions;
import dev.clp.suite.Pair;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator's answers to the pairs of one source question are correlated at the profile's intra-cluster
 * correlation, and its accuracy stays the profile's whatever the correlation.
 */
class ClusteringTest {

    static final int CLUSTERS = 400;
    static final int SIZE = 5;

    @Test
    void theMeasuredIntraClusterCorrelationIsTheConfiguredOneAndTheAccuracyDoesNotMove() {
        List<Pair> pairs = CommittedTableTest.suite("uk", CLUSTERS * SIZE, sizes());
        AnswerKey key = AnswerKey.of(addAll(new Questions(), pairs));
        StringBuilder out = new StringBuilder("intra-cluster correlation, " + CLUSTERS + " source questions x " + SIZE
                + " pairs, sim:gpt-4o-mini target side (Ukrainian):\n");
        for (double icc : new double[] {0.0, SimProfile.DEFAULT_ICC, 0.6}) {
            SimProfile profile = SimProfile.named("gpt-4o-mini").withIcc(icc);
            SimulatedModel sim = new SimulatedModel(profile, key, List.of());
            int[][] right = new int[CLUSTERS][SIZE];
            int total = 0;
            for (int i = 0; i < pairs.size(); i++) {
                int r = (int) Math.round(ProfileTable.accuracy(sim, List.of(pairs.get(i)), false));
                right[i / SIZE][i % SIZE] = r;
                total += r;
            }
            double measured = icc(right);
            double accuracy = total / (double) pairs.size();
            double expected = profile.accuracy("uk", "uk", CommittedTableTest.distraction("uk", false));
            out.append(String.format(Locale.ROOT, "  configured %.2f  measured %.3f  accuracy %.1f%% (expected %.1f%%)%n",
                    icc, measured, accuracy * 100, expected * 100));
            assertThat(measured).as("ICC configured " + icc).isCloseTo(icc, within(0.07));
            assertThat(accuracy).as("accuracy at ICC " + icc).isCloseTo(expected, within(0.005));
        }
        System.out.println(out);
    }

    @Test
    void aRunsMeasuredIntraClusterCorrelationFollowsTheModelNamesIccOption() {
        List<Pair> pairs = CommittedTableTest.suite("uk", CLUSTERS * SIZE, sizes());
        Questions questions = addAll(new Questions(), pairs);
        StringBuilder out = new StringBuilder("intra-cluster correlation set by the model name (clp.model), "
                + CLUSTERS + " source questions x " + SIZE + " pairs, target side (Ukrainian):\n");
        for (double icc : new double[] {0.1, 0.6}) {
            String model = "sim:gpt-4o-mini?icc=" + icc;
            ClpConfig config = ClpConfig.builder().model(model).cache("off").build();
            try (ModelClient client = ModelClients.create(config, Map.of(), questions)) {
                assertThat(client.name()).as("the option is part of the name, so cached answers never mix")
                        .isEqualTo(model);
                int[][] right = new int[CLUSTERS][SIZE];
                for (int i = 0; i < pairs.size(); i++) {
                    right[i / SIZE][i % SIZE] = (int) Math.round(ProfileTable.accuracy(client, List.of(pairs.get(i)),
                            false));
                }
                double measured = icc(right);
                out.append(String.format(Locale.ROOT, "  %s  measured %.3f%n", model, measured));
                assertThat(measured).as(model).isCloseTo(icc, within(0.07));
            }
        }
        System.out.println(out);
    }

    @Test
    void aBadIccOptionIsRefusedNamingTheKeyAndTheValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelClients.create(ClpConfig.builder()
                .model("sim:gpt-4o?icc=1.5").cache("off").build(), Map.of(), new Questions()))
                .hasMessageContaining(ClpConstants.MODEL).hasMessageContaining("sim:gpt-4o?icc=1.5")
                .hasMessageContaining("between 0 and 1, not 1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelClients.create(ClpConfig.builder()
                .model("sim:gpt-4o?icc=high").cache("off").build(), Map.of(), new Questions()))
                .hasMessageContaining(ClpConstants.MODEL).hasMessageContaining("'high' is not a number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelClients.create(ClpConfig.builder()
                .model("sim:gpt-4o?temperature=1").cache("off").build(), Map.of(), new Questions()))
                .hasMessageContaining(ClpConstants.MODEL).hasMessageContaining("unknown option 'temperature'")
                .hasMessageContaining("icc");
    }

    @Test
    void anIntraClusterCorrelationOutsideZeroToOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimProfile.named("gpt-4o").withIcc(1.5))
                .hasMessageContaining("between 0 and 1, not 1.5");
    }

    private static int[] sizes() {
        int[] s = new int[CLUSTERS];
        java.util.Arrays.fill(s, SIZE);
        return s;
    }

    private static Questions addAll(Questions q, List<Pair> pairs) {
        pairs.forEach(q::add);
        return q;
    }

    /** The one-way ANOVA estimator of the ICC of equal-sized clusters of 0/1 outcomes. */
    static double icc(int[][] y) {
        int k = y.length;
        int m = y[0].length;
        double grand = 0;
        double[] means = new double[k];
        for (int c = 0; c < k; c++) {
            for (int v : y[c]) {
                means[c] += v / (double) m;
            }
            grand += means[c] / k;
        }
        double between = 0;
        double within = 0;
        for (int c = 0; c < k; c++) {
            between += m * (means[c] - grand) * (means[c] - grand);
            for (int v : y[c]) {
                within += (v - means[c]) * (v - means[c]);
            }
        }
        double msb = between / (k - 1);
        double msw = within / (k * (m - 1.0));
        return (msb - msw) / (msb + (m - 1) * msw);
    }
}
