package dev.clp.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.clp.config.ClpConfig;
import dev.clp.model.ModelClients;
import dev.clp.model.SafeText;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The configuration values that shape a run's results, as {@code run.json} records them: with the endpoint, every
 * request setting that can change an answer (and is part of the cache key).
 *
 * @param languages {@code all} or the comma-separated {@code clp.languages}
 * @param failOn {@code clp.fail-on} in lower case
 * @param answerFormat {@code text} or {@code json}
 * @param endpoint the endpoint without credentials (left out for the built-in ones)
 * @param seed {@code clp.seed}, or null
 * @param apiVersion the provider's API version where it has one (left out otherwise)
 * @param minAnswered {@code clp.gate.min-answered} (null in records written before it was recorded)
 * @param minBaselineCoverage {@code clp.gate.min-baseline-coverage} (null in older records)
 * @param allowUnderpowered {@code clp.gate.allow-underpowered} (null in older records)
 * @param inconclusive {@code clp.gate.inconclusive}, {@code warn} or {@code fail} (null in older records)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunSettings(int samples, double temperature, double maxGap, Map<String, Double> maxGapByLanguage,
        double tolerance, double alpha, String failOn, int concurrency, String languages, String answerFormat,
        boolean logprobs, @JsonInclude(JsonInclude.Include.NON_NULL) String endpoint, int maxTokens, Long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String apiVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double minAnswered,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double minBaselineCoverage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allowUnderpowered,
        @JsonInclude(JsonInclude.Include.NON_NULL) String inconclusive) {

    public RunSettings {
        maxGapByLanguage = maxGapByLanguage == null ? Map.of() : maxGapByLanguage;
    }

    /** The settings of a run with this configuration. */
    public static RunSettings of(ClpConfig config) {
        ClpConfig.Decoding asked = config.decoding();
        ClpConfig.Gates gates = config.gates();
        String apiVersion = ModelClients.apiVersion(config, config.model().spec().provider());
        return new RunSettings(asked.samples(), asked.temperature(), gates.maxGap(), gates.maxGapByLanguage(),
                gates.tolerance(), gates.alpha(), gates.failOn().name().toLowerCase(Locale.ROOT),
                config.limits().concurrency(),
                config.languages().isEmpty() ? "all" : String.join(",", config.languages()),
                asked.structuredAnswers() ? "json" : "text", asked.logprobs(),
                config.model().endpoint().map(SafeText::url).orElse(null), asked.maxTokens(),
                asked.seed().orElse(null), apiVersion.isEmpty() ? null : apiVersion, gates.minAnswered(),
                gates.minBaselineCoverage(), gates.allowUnderpowered(), gates.inconclusiveFails() ? "fail" : "warn");
    }
}
