package dev.clp.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What an import did: every record read is either imported or quarantined with one reason.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class ImportReport {

    /** Counts for one language. */
    public static final class Counts {
        int read;
        int imported;
        final Map<String, Integer> repaired = new TreeMap<>();
        final Map<String, Integer> quarantined = new TreeMap<>();

        public int read() {
            return read;
        }

        public int imported() {
            return imported;
        }

        public int quarantinedTotal() {
            return quarantined.values().stream().mapToInt(Integer::intValue).sum();
        }

        public Map<String, Integer> repaired() {
            return Map.copyOf(repaired);
        }

        public Map<String, Integer> quarantined() {
            return Map.copyOf(quarantined);
        }
    }

    private final Map<String, Counts> byLanguage = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean written;

    Counts counts(String lang) {
        return byLanguage.computeIfAbsent(lang, k -> new Counts());
    }

    void error(String message) {
        errors.add(message);
    }

    void markWritten() {
        written = true;
    }

    /** Whether the suite was written: not when no input could be read at all. */
    public boolean suiteWritten() {
        return written;
    }

    /** Counts per language tag. */
    public Map<String, Counts> byLanguage() {
        return Map.copyOf(byLanguage);
    }

    /** Files that could not be read at all or only in part; each names the file. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public Counts total() {
        Counts t = new Counts();
        for (Counts c : byLanguage.values()) {
            t.read += c.read;
            t.imported += c.imported;
            c.repaired.forEach((k, v) -> t.repaired.merge(k, v, Integer::sum));
            c.quarantined.forEach((k, v) -> t.quarantined.merge(k, v, Integer::sum));
        }
        return t;
    }

    /** A human summary: one line per language and the totals by repair kind and quarantine reason. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s %6s %9s %9s %12s%n", "lang", "read", "imported", "repaired", "quarantined"));
        for (Map.Entry<String, Counts> e : byLanguage.entrySet()) {
            Counts c = e.getValue();
            sb.append(String.format("%-5s %6d %9d %9d %12d%n", e.getKey(), c.read, c.imported,
                    c.repaired.values().stream().mapToInt(Integer::intValue).sum(), c.quarantinedTotal()));
        }
        Counts t = total();
        sb.append(String.format("%-5s %6d %9d %9d %12d%n", "all", t.read, t.imported,
                t.repaired.values().stream().mapToInt(Integer::intValue).sum(), t.quarantinedTotal()));
        sb.append("read ").append(t.read).append(" = imported ").append(t.imported).append(" + quarantined ")
                .append(t.quarantinedTotal()).append('\n');
        if (!t.repaired.isEmpty()) {
            sb.append("repaired by kind:\n");
            t.repaired.forEach((k, v) -> sb.append(String.format("  %5d  %s%n", v, k)));
        }
        if (!t.quarantined.isEmpty()) {
            sb.append("quarantined by reason:\n");
            t.quarantined.forEach((k, v) -> sb.append(String.format("  %5d  %s%n", v, k)));
        }
        for (String err : errors) {
            sb.append("error: ").append(err).append('\n');
        }
        return sb.toString();
    }
}
