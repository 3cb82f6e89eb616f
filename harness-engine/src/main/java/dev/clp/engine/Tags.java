package dev.clp.engine;

import java.util.Locale;
import org.junit.platform.engine.TestTag;

/** Data tags as JUnit tags: {@code lang:<tag>}, {@code source:<name>}, {@code subject:<name>}, {@code gate}. */
final class Tags {

    private Tags() {
    }

    static TestTag lang(String lang) {
        return TestTag.create("lang:" + lang);
    }

    static TestTag source(String source) {
        return TestTag.create("source:" + clean(source));
    }

    static TestTag subject(String subject) {
        return TestTag.create("subject:" + clean(subject));
    }

    static final TestTag GATE = TestTag.create("gate");

    /** Tag syntax forbids whitespace, ISO controls and , ( ) &amp; | !; those become underscores. */
    static String clean(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(Character.isWhitespace(c) || Character.isISOControl(c) || ",()&|!".indexOf(c) >= 0 ? '_' : c);
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }
}
