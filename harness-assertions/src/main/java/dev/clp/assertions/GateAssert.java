package dev.clp.assertions;

import dev.clp.run.GatesDocument;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one gate's decision. {@link #passed()} and {@link #failed()} ask what the build sees (whether the gate
 * fails it), {@link #hasVerdict(String)} the verdict itself; every failure message carries the gate's own message,
 * which names the language, the figures and the threshold's key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateAssert extends AbstractAssert<GateAssert, GatesDocument.Gate> {

    GateAssert(GatesDocument.Gate actual) {
        super(actual, GateAssert.class);
    }

    /** Passes when the gate does not fail the build. */
    public GateAssert passed() {
        if (actual.fails()) {
            failWithMessage("expected the %s gate of <%s> to pass but it fails the build: %s", actual.kind(),
                    actual.lang(), actual.message());
        }
        return this;
    }

    /** Passes when the gate fails the build (a FAIL, or a result the gate policy does not accept). */
    public GateAssert failed() {
        if (!actual.fails()) {
            failWithMessage("expected the %s gate of <%s> to fail the build but it passes: %s", actual.kind(),
                    actual.lang(), actual.message());
        }
        return this;
    }

    /** Passes when the verdict is {@code verdict}: {@code PASS}, {@code FAIL}, {@code INCONCLUSIVE}, {@code NO_DATA}. */
    public GateAssert hasVerdict(String verdict) {
        if (!verdict.equals(actual.verdict())) {
            failWithMessage("expected the %s gate of <%s> to be %s but it is %s: %s", actual.kind(), actual.lang(),
                    verdict, actual.verdict(), actual.message());
        }
        return this;
    }

    /** Passes when the gate is not underpowered (its suite is large enough to detect the effect it should). */
    public GateAssert isNotUnderpowered() {
        if (actual.underpowered()) {
            failWithMessage("expected the %s gate of <%s> to have the power it needs but it is underpowered: %s",
                    actual.kind(), actual.lang(), actual.message());
        }
        return this;
    }
}
