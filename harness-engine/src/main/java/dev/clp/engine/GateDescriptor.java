package dev.clp.engine;

import dev.clp.allure.AllureResults;
import dev.clp.config.ClpConfig;
import dev.clp.scoring.ShardGates;
import dev.clp.scoring.GateResult;
import dev.clp.scoring.LanguageSummary;
import dev.clp.suite.Languages;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * {@code [gate:coverage]}, {@code [gate:gap]} and {@code [gate:regression]}: a language's gates, run after its pairs.
 * The verdict and its message are decided by {@link dev.clp.scoring.RunGates}; this descriptor only maps a gate that
 * fails the build onto a failed test and publishes the figures as a report entry. A gate reads the outcomes of all
 * the language's pairs, whether or not their tests were selected.
 */
final class GateDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "gate";

    private final String suiteId;
    private final String lang;
    private final GateResult.Kind kind;

    GateDescriptor(UniqueId uniqueId, String suiteId, String lang, Path file, GateResult.Kind kind) {
        // with the suite, as a pair's name (PairsFile.Entry.displayName says why)
        super(uniqueId, "[" + suiteId + "] " + kind.id() + " gate · " + Languages.name(lang), Sources.file(file, 0));
        this.suiteId = suiteId;
        this.lang = lang;
        this.kind = kind;
    }

    /** The gate kind a unique-id segment value names, if any. */
    static Optional<GateResult.Kind> kind(String segmentValue) {
        return Arrays.stream(GateResult.Kind.values()).filter(k -> k.id().equals(segmentValue)).findFirst();
    }

    String lang() {
        return lang;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Set.of(Tags.lang(lang), Tags.GATE);
    }

    /**
     * In a shard ({@code clp.shard}), every gate is skipped as deferred to {@code clp merge}, except a coverage gate
     * whose shard could not read its answers: that one runs and fails.
     */
    @Override
    public SkipResult shouldBeSkipped(ClpExecutionContext context) {
        Optional<ClpConfig.Shard> shard = context.config().shard();
        if (shard.isEmpty() || kind == GateResult.Kind.COVERAGE && unreadable(context, shard.get()).isPresent()) {
            return SkipResult.doNotSkip();
        }
        String reason = ShardGates.deferred(lang, kind, shard.get().toString());
        AllureResults allure = context.run().allure();
        if (allure != null) {
            long now = System.currentTimeMillis();
            allure.gate(suiteId, getUniqueId().toString(), getDisplayName(), lang, AllureResults.Status.SKIPPED, reason,
                    reason, now, now);
        }
        return SkipResult.skip(reason);
    }

    private Optional<String> unreadable(ClpExecutionContext context, ClpConfig.Shard shard) {
        LanguageSummary s = context.run().gates().summary(suiteId, lang);
        return s == null ? Optional.empty() : ShardGates.unreadable(s, shard.toString());
    }

    @Override
    public ClpExecutionContext execute(ClpExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        long start = System.currentTimeMillis();
        Optional<String> shardFailure = context.config().shard().flatMap(shard -> unreadable(context, shard));
        if (shardFailure.isPresent()) {
            AllureResults allure = context.run().allure();
            if (allure != null) {
                allure.gate(suiteId, getUniqueId().toString(), getDisplayName(), lang, AllureResults.Status.FAILED,
                        shardFailure.get(), shardFailure.get(), start, System.currentTimeMillis());
            }
            throw new AssertionFailedError(shardFailure.get());
        }
        LanguageSummary s = context.run().gates().summary(suiteId, lang);
        GateResult result = s == null ? null : s.result(kind);
        if (result == null) {
            throw new AssertionFailedError("[lang=" + lang + "] no " + kind.id() + " gate was decided for suite "
                    + suiteId + " (no pair of the language was run)");
        }
        context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(
                "clp.verdict", result.verdict().name(), "clp.gate", result.message())));
        AllureResults allure = context.run().allure();
        if (allure != null) {
            allure.gate(suiteId, getUniqueId().toString(), getDisplayName(), lang,
                    result.fails() ? AllureResults.Status.FAILED : AllureResults.Status.PASSED,
                    result.fails() ? result.message() : null, result.message(), start, System.currentTimeMillis());
        }
        if (result.fails()) {
            throw new AssertionFailedError(result.message());
        }
        return context;
    }
}
