package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.ref.SoftReference;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

/** A pair's unique id as text (for Allure) is JUnit's text, and the id does not keep it for the rest of the run. */
class UniqueIdsTest {

    private static final UniqueId PAIR = UniqueId.forEngine("clp").append("suite", "s/1").append("lang", "zh-Hant")
            .append("pair", "a:b[c]%d");

    @Test
    void theTextIsJUnitsOwn() {
        UniqueId same = UniqueId.parse(PAIR.toString());
        assertThat(UniqueIds.text(PAIR)).isEqualTo(same.toString());
        assertThat(UniqueId.parse(UniqueIds.text(PAIR))).isEqualTo(PAIR);
    }

    @Test
    void theIdDoesNotKeepTheText() throws ReflectiveOperationException {
        UniqueId id = UniqueId.forEngine("clp").append("suite", "s").append("lang", "sw").append("pair", "p1");
        UniqueIds.text(id);
        // JUnit 1.14 and 6 keep UniqueId#toString's result in a field of that name; without it there is nothing to keep
        Field kept = UniqueId.class.getDeclaredField("toString");
        kept.setAccessible(true);
        Object ref = kept.get(id);
        assertThat(ref == null || ((SoftReference<?>) ref).get() == null).isTrue();
    }
}
