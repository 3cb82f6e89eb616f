package dev.clp.suite;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The languages of the Cross-Lingual Pitfalls paper (16 targets) plus English: BCP 47 tag, English
 * name. The importer maps the published file names ({@code Swahili.json}) to tags.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Languages {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("en", "English");
        NAMES.put("zh", "Chinese");
        NAMES.put("ja", "Japanese");
        NAMES.put("ko", "Korean");
        NAMES.put("fr", "French");
        NAMES.put("es", "Spanish");
        NAMES.put("it", "Italian");
        NAMES.put("uk", "Ukrainian");
        NAMES.put("de", "German");
        NAMES.put("bn", "Bengali");
        NAMES.put("hi", "Hindi");
        NAMES.put("ar", "Arabic");
        NAMES.put("he", "Hebrew");
        NAMES.put("am", "Amharic");
        NAMES.put("yo", "Yoruba");
        NAMES.put("sw", "Swahili");
        NAMES.put("zu", "Zulu");
    }

    private Languages() {
    }

    /** The 16 target languages of the paper, in the paper's order. */
    public static Set<String> paperTargets() {
        Set<String> tags = new java.util.LinkedHashSet<>(NAMES.keySet());
        tags.remove("en");
        return tags;
    }

    /** English name of a tag; the tag itself when unknown. */
    public static String name(String tag) {
        return NAMES.getOrDefault(tag, tag);
    }

    /** The tag for an English language name as used in the published files ("Swahili"), if known. */
    public static Optional<String> tagForName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey)
                .findFirst();
    }

}
