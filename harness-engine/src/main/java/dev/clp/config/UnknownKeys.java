package dev.clp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Finds {@code clp.*} keys and {@code CLP_*} environment variables that are no key of clp-harness, so that a typo
 * ({@code -Dclp.modle=…}) does not leave the run on a default without a word. Known are the keys of
 * {@link ClpConstants#ALL_KEYS}, the open families of {@link ClpConstants#KEY_PREFIXES} and, in the environment,
 * {@link ClpConstants#OTHER_ENVIRONMENT}. Each message names the closest known key when one is close.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class UnknownKeys {

    private UnknownKeys() {
    }

    /**
     * One message per unknown key, parameters first, each sorted.
     *
     * @param parameterKeys the configuration parameters' keys ({@code -D}, {@code junit-platform.properties}, the
     *     launcher request); keys outside {@code clp.} are not looked at
     * @param environment the process environment; only {@code CLP_*} variables are looked at
     */
    public static List<String> find(Set<String> parameterKeys, Map<String, String> environment) {
        List<String> messages = new ArrayList<>();
        for (String key : new TreeSet<>(parameterKeys)) {
            if (key.startsWith("clp.") && !knownKey(key)) {
                messages.add("unknown key " + key + closest(key).map(k -> " — did you mean " + k + "?")
                        .orElse(" (no key of clp-harness is close; the keys are in the README's configuration table)"));
            }
        }
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith("CLP_") && !knownVariable(name)) {
                String asKey = name.toLowerCase(Locale.ROOT).replace('_', '.');
                messages.add("unknown environment variable " + name + closestVariable(name)
                        .map(k -> " — did you mean " + ClpConstants.environmentName(k) + " (" + k + ")?")
                        .orElse(" (no key of clp-harness is close to " + asKey
                                + "; the keys are in the README's configuration table)"));
            }
        }
        return messages;
    }

    private static boolean knownKey(String key) {
        return ClpConstants.ALL_KEYS.contains(key) || ClpConstants.KEY_PREFIXES.stream()
                .anyMatch(p -> key.startsWith(p) && key.length() > p.length());
    }

    private static boolean knownVariable(String name) {
        if (ClpConstants.OTHER_ENVIRONMENT.contains(name)) {
            return true;
        }
        return ClpConstants.ALL_KEYS.stream().anyMatch(k -> ClpConstants.environmentName(k).equals(name))
                || ClpConstants.KEY_PREFIXES.stream().map(ClpConstants::environmentName)
                        .anyMatch(p -> name.startsWith(p) && name.length() > p.length());
    }

    /** The known key closest to {@code key}, when it is close enough to be the one meant. */
    static Optional<String> closest(String key) {
        return nearest(key, ClpConstants.ALL_KEYS);
    }

    private static Optional<String> closestVariable(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : ClpConstants.ALL_KEYS) {
            int d = distance(name, ClpConstants.environmentName(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && close(name, bestDistance) ? Optional.of(best) : Optional.empty();
    }

    /** The candidate nearest to {@code value} by edit distance, when it is close enough to be the one meant. */
    public static Optional<String> nearest(String value, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(value, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && close(value, bestDistance) ? Optional.of(best) : Optional.empty();
    }

    /** Close enough to be a typo: at most 3 edits, and fewer than a third of the characters. */
    private static boolean close(String value, int distance) {
        return distance <= 3 && distance * 3 < Math.max(value.length(), 3);
    }

    /**
     * Edit distance (optimal string alignment: insertions, deletions, substitutions and transpositions of adjacent
     * characters each count 1), so {@code modle} is one edit from {@code model}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
