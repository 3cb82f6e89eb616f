package dev.clp.engine;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestTag;

/**
 * Data tags as JUnit tags: {@code lang:<tag>}, {@code source:<name>}, {@code subject:<name>}, {@code gate}. One
 * {@link TestTag} per name: JUnit's test plan keeps every pair's tags for the whole run, and a suite has a handful of
 * distinct tags over all its pairs (issue 17.3).
 */
final class Tags {

    /** The tags made so far, by value as given (a few per language, source and subject; never pair text). */
    private static final Map<String, TestTag> MADE = new ConcurrentHashMap<>();

    private Tags() {
    }

    static TestTag lang(String lang) {
        return MADE.computeIfAbsent("lang\u0000" + lang, k -> TestTag.create("lang:" + lang));
    }

    static TestTag source(String source) {
        return MADE.computeIfAbsent("source\u0000" + source, k -> TestTag.create("source:" + clean(source)));
    }

    static TestTag subject(String subject) {
        return MADE.computeIfAbsent("subject\u0000" + subject, k -> TestTag.create("subject:" + clean(subject)));
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
