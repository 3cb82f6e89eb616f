package dev.clp.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.suite.Languages;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Perturbation;
import dev.clp.suite.Side;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apiguardian.api.API;

/**
 * Imports the published Cross-Lingual Pitfalls pairs ({@code <Language>.json}: a JSON array of objects with
 * {@code question, choices, answer, transquestion, transchoices, transanswer, oriquestion, transori,
 * prequestion, sufquestion, transpre, transsuf, source, subject, category, rate_ori, rate_trans, value})
 * into a suite directory.
 *
 * <p>String answers become indices. Two defects are repaired because the repair is unambiguous, and each
 * repair is recorded in the pair's provenance: target choices wrapped in quotes, and a target choice list
 * collapsed into one quoted string whose split count matches the English list. Every other defect sends the
 * record to {@code quarantine.jsonl} with one reason. Every record read is imported or quarantined.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class ClpPublishedImporter {

    public static final String QUARANTINE_FILE = "quarantine.jsonl";
    static final String REPAIR_QUOTES = "quoted-choices: surrounding quotes removed";
    static final String REPAIR_COLLAPSED = "collapsed-choices: one string split into the English choices";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();

    /** Where to read from: a file, a directory of {@code <Language>.json} files, or an http(s) URL. */
    public record Input(String location) {
    }

    /** Suite identity for the output, and an optional language override. */
    public record Options(String suiteId, String version, String language) {
    }

    private final Map<String, List<Pair>> pairs = new TreeMap<>();
    private final Map<String, String> seen = new LinkedHashMap<>();
    private final List<String> quarantine = new ArrayList<>();
    private final ImportReport report = new ImportReport();

    /**
     * Imports every input into {@code output}, writing {@code suite.json} (if absent), one pairs file per
     * language and {@code quarantine.jsonl}.
     */
    public static ImportReport run(List<Input> inputs, Path output, Options options) {
        ClpPublishedImporter importer = new ClpPublishedImporter();
        for (Input in : inputs) {
            importer.readInput(in, options);
        }
        if (importer.report.total().read() == 0 && !importer.report.errors().isEmpty()) {
            // no input could be read: a suite without pairs would only hide that
            return importer.report;
        }
        importer.write(output, options);
        importer.report.markWritten();
        return importer.report;
    }

    private void readInput(Input in, Options options) {
        String loc = in.location();
        if (loc.startsWith("http://") || loc.startsWith("https://")) {
            readUrl(loc, options);
            return;
        }
        Path path = Path.of(loc);
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                report.error(path + ": cannot list directory: " + e.getMessage());
                return;
            }
            if (files.isEmpty()) {
                report.error(path + ": no .json files in the directory");
            }
            for (Path f : files) {
                readFile(f, options);
            }
        } else if (Files.isRegularFile(path)) {
            readFile(path, options);
        } else {
            report.error(path + ": no such file or directory");
        }
    }

    private void readFile(Path file, Options options) {
        String name = file.getFileName().toString();
        Optional<String> lang = language(name, options);
        if (lang.isEmpty()) {
            report.error(file + ": cannot tell the language from the file name; name it after the language "
                    + "(Swahili.json) or pass --language <tag>");
            return;
        }
        try (InputStream stream = Files.newInputStream(file)) {
            readStream(file.toString(), name, stream, lang.get());
        } catch (IOException e) {
            report.error(file + ": cannot read: " + e.getMessage());
        }
    }

    private void readUrl(String url, Options options) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            report.error(url + ": not a valid URL");
            return;
        }
        List<String> segments = parsed.pathSegments();
        String name = URLDecoder.decode(segments.get(segments.size() - 1), StandardCharsets.UTF_8);
        Optional<String> lang = language(name, options);
        if (lang.isEmpty()) {
            report.error(url + ": cannot tell the language from '" + name + "'; pass --language <tag>");
            return;
        }
        try (Response response = HTTP.newCall(new Request.Builder().url(parsed).build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                report.error("GET " + url + " -> HTTP " + response.code());
                return;
            }
            readStream(url, name, response.body().byteStream(), lang.get());
        } catch (IOException e) {
            report.error("GET " + url + " failed: " + e.getMessage());
        }
    }

    private static Optional<String> language(String fileName, Options options) {
        if (options.language() != null) {
            return Optional.of(options.language());
        }
        String base = fileName.replaceFirst("(?i)\\.json$", "").replaceFirst("(?i)_results$", "");
        return Languages.tagForName(base);
    }

    private void readStream(String where, String fileName, InputStream stream, String lang) throws IOException {
        ImportReport.Counts counts = report.counts(lang);
        try (JsonParser parser = JSON.createParser(stream)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                report.error(where + ": expected a JSON array of pairs");
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    report.error(where + ": the JSON array is not closed");
                    return;
                }
                JsonNode record = parser.readValueAsTree();
                counts.read++;
                importRecord(fileName, index++, record, lang, counts);
            }
        } catch (JsonParseException e) {
            report.error(where + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON (" + e.getOriginalMessage() + "); records after this point were not read");
        }
    }

    private void importRecord(String file, int index, JsonNode record, String lang, ImportReport.Counts counts) {
        if (!(record instanceof ObjectNode obj)) {
            quarantine(file, index, lang, record, "not a JSON object", counts);
            return;
        }
        for (String field : List.of("question", "answer", "transquestion", "transanswer")) {
            if (!obj.path(field).isTextual()) {
                quarantine(file, index, lang, record, "missing or invalid field " + field, counts);
                return;
            }
        }
        for (String field : List.of("choices", "transchoices")) {
            if (!obj.path(field).isArray()) {
                quarantine(file, index, lang, record, "missing or invalid field " + field, counts);
                return;
            }
        }
        List<String> en = strings(obj.get("choices"));
        List<String> target = strings(obj.get("transchoices"));
        if (en == null || target == null) {
            quarantine(file, index, lang, record, "a choice is not a string", counts);
            return;
        }
        int enAnswer = uniqueIndex(en, obj.get("answer").asText());
        if (enAnswer == -1) {
            quarantine(file, index, lang, record, "English answer not among the English choices", counts);
            return;
        }
        if (enAnswer == -2) {
            quarantine(file, index, lang, record, "English answer appears more than once among the English choices", counts);
            return;
        }
        if (en.size() < 2) {
            quarantine(file, index, lang, record, "fewer than two English choices", counts);
            return;
        }
        List<String> repairs = new ArrayList<>();
        String targetAnswer = obj.get("transanswer").asText();
        if (target.isEmpty()) {
            quarantine(file, index, lang, record, "target choices empty", counts);
            return;
        }
        if (target.size() == 1 && en.size() > 1) {
            List<String> split = splitCollapsed(target.get(0));
            if (split.size() != en.size()) {
                quarantine(file, index, lang, record,
                        "target choices collapsed into one string that does not split into the English count", counts);
                return;
            }
            target = split;
            repairs.add(REPAIR_COLLAPSED);
        }
        if (target.size() != en.size()) {
            quarantine(file, index, lang, record, "target has a different number of choices than English", counts);
            return;
        }
        if (target.stream().allMatch(ClpPublishedImporter::quoted)) {
            List<String> unquoted = target.stream().map(ClpPublishedImporter::unquote).toList();
            String answer = quoted(targetAnswer) ? unquote(targetAnswer) : targetAnswer;
            if (uniqueIndex(unquoted, answer) >= 0) {
                target = unquoted;
                targetAnswer = answer;
                repairs.add(REPAIR_QUOTES);
            }
        }
        int tAnswer = uniqueIndex(target, targetAnswer);
        if (tAnswer == -1) {
            quarantine(file, index, lang, record, "target answer not among the target choices", counts);
            return;
        }
        if (tAnswer == -2) {
            quarantine(file, index, lang, record, "target answer appears more than once among the target choices", counts);
            return;
        }
        if (tAnswer != enAnswer) {
            quarantine(file, index, lang, record,
                    "target answer position differs from the English answer position (options not aligned)", counts);
            return;
        }
        if (target.stream().anyMatch(String::isBlank) || en.stream().anyMatch(String::isBlank)
                || obj.get("question").asText().isBlank() || obj.get("transquestion").asText().isBlank()) {
            quarantine(file, index, lang, record, "an empty question or choice", counts);
            return;
        }
        Side enSide = new Side(obj.get("question").asText(), en, enAnswer);
        Side targetSide = new Side(obj.get("transquestion").asText(), target, tAnswer);
        String id = PairIds.of(lang, enSide);
        String first = seen.putIfAbsent(id, file + "#" + index);
        if (first != null) {
            quarantine(file, index, lang, record, "duplicate of an earlier pair (same English question, choices and answer)", counts);
            return;
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("importedFrom", file + "#" + index);
        putNumber(provenance, "rateEnglish", obj.get("rate_ori"));
        putNumber(provenance, "rateTarget", obj.get("rate_trans"));
        putNumber(provenance, "score", obj.get("value"));
        if (obj.path("category").isTextual()) {
            provenance.put("category", obj.get("category").asText());
        }
        if (!repairs.isEmpty()) {
            provenance.put("repairs", repairs);
        }
        Perturbation perturbation = null;
        if (obj.has("oriquestion") || obj.has("prequestion") || obj.has("sufquestion")) {
            perturbation = new Perturbation(
                    new Perturbation.Part(text(obj, "oriquestion"), text(obj, "prequestion"), text(obj, "sufquestion")),
                    new Perturbation.Part(text(obj, "transori"), text(obj, "transpre"), text(obj, "transsuf")), null);
        }
        String source = obj.path("source").isTextual() ? obj.get("source").asText() : "cross-lingual-pitfalls";
        String subject = obj.path("subject").isTextual() ? obj.get("subject").asText()
                : obj.path("category").isTextual() ? obj.get("category").asText() : null;
        pairs.computeIfAbsent(lang, k -> new ArrayList<>())
                .add(new Pair(id, lang, source, subject, enSide, targetSide, perturbation, provenance));
        counts.imported++;
        repairs.forEach(r -> counts.repaired.merge(r, 1, Integer::sum));
    }

    private void quarantine(String file, int index, String lang, JsonNode record, String reason,
            ImportReport.Counts counts) {
        ObjectNode q = JSON.createObjectNode();
        q.put("file", file);
        q.put("index", index);
        q.put("lang", lang);
        q.put("reason", reason);
        q.set("record", record);
        quarantine.add(q.toString());
        counts.quarantined.merge(reason, 1, Integer::sum);
    }

    private void write(Path output, Options options) {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + output + ": " + e.getMessage(), e);
        }
        if (!Files.exists(output.resolve(Suite.MANIFEST_FILE))) {
            String id = options.suiteId() != null ? options.suiteId()
                    : output.toAbsolutePath().normalize().getFileName().toString();
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("importer", "clp import clp");
            provenance.put("date", LocalDate.now().toString());
            SuiteWriter.writeManifest(output, new SuiteManifest(id, options.version() != null ? options.version() : "1.0.0",
                    "Cross-Lingual Pitfalls pairs (imported)",
                    "Pairs published with Xu et al., Cross-Lingual Pitfalls (ACL 2025, arXiv 2505.18673).", "MIT",
                    List.of(new SuiteManifest.Source("Cross-Lingual-Pitfalls",
                            "https://github.com/xzx34/Cross-Lingual-Pitfalls", "MIT")), provenance));
        }
        pairs.forEach((lang, list) -> SuiteWriter.writePairs(output, lang, list));
        StringBuilder q = new StringBuilder();
        quarantine.forEach(line -> q.append(line).append('\n'));
        SuiteWriter.writeAtomically(output.resolve(QUARANTINE_FILE), q.toString());
    }

    // --- helpers ---

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return null;
            }
            out.add(n.asText());
        }
        return out;
    }

    /** Index of the one element equal to value; -1 when none, -2 when more than one. */
    static int uniqueIndex(List<String> list, String value) {
        int found = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equals(value)) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    static boolean quoted(String s) {
        String t = s.strip();
        if (t.length() < 2) {
            return false;
        }
        char a = t.charAt(0);
        char b = t.charAt(t.length() - 1);
        return (a == '\'' && b == '\'') || (a == '"' && b == '"') || (a == '‘' && b == '’') || (a == '“' && b == '”');
    }

    static String unquote(String s) {
        String t = s.strip();
        return t.substring(1, t.length() - 1);
    }

    /** {@code 'a', 'b', 'c'} split into its items; a single item when it does not have that shape. */
    static List<String> splitCollapsed(String s) {
        if (!quoted(s)) {
            return List.of(s);
        }
        String t = s.strip();
        char q = t.charAt(0);
        char close = t.charAt(t.length() - 1);
        String sep = close + ", " + q;
        String inner = t.substring(1, t.length() - 1);
        return List.of(inner.split(java.util.regex.Pattern.quote(sep), -1));
    }

    private static String text(ObjectNode obj, String field) {
        return obj.path(field).isTextual() ? obj.get(field).asText() : null;
    }

    private static void putNumber(Map<String, Object> m, String key, JsonNode v) {
        if (v != null && v.isNumber()) {
            m.put(key, v.numberValue());
        }
    }
}
