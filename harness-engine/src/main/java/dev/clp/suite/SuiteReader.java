package dev.clp.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads suite files. Pairs are streamed line by line: a malformed line is reported as a
 * {@link SuiteProblem} naming file, line and field, and the remaining lines still load.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SuiteReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> PAIR_FIELDS =
            Set.of("id", "lang", "source", "subject", "en", "target", "perturbation", "provenance");
    private static final Set<String> SIDE_FIELDS = Set.of("question", "choices", "answer");
    private static final Set<String> PART_FIELDS = Set.of("original", "prefix", "suffix");
    /** Options are labelled A to Z: a 27th choice would have no letter to answer with. */
    public static final int MAX_CHOICES = 26;

    private SuiteReader() {
    }

    /**
     * Result of reading a whole pairs file.
     *
     * @param pairs the pairs that loaded, in file order
     * @param lines the 1-based line of each pair, parallel to {@code pairs}
     * @param problems every problem found
     */
    public record LanguageFile(Path file, String lang, List<Pair> pairs, List<Integer> lines,
            List<SuiteProblem> problems) {
    }

    /** Receives each pair with the line it came from. */
    @FunctionalInterface
    public interface PairSink {
        void accept(Pair pair, int line);
    }

    /**
     * Receives each pair with where its line sits in the file, so that it can be read again later without keeping its
     * text ({@link #pairAt}).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface PositionedSink {
        /**
         * @param offset the byte offset of the line's first byte in the file
         * @param length the line's length in bytes, without its '\\n'
         */
        void accept(Pair pair, int line, long offset, int length);
    }

    /** Reads a whole pairs file into memory; problems are collected, never thrown. */
    public static LanguageFile read(Path file) {
        return read(file, (pair, line) -> { });
    }

    /**
     * Reads a whole pairs file into memory, handing each pair that loads to {@code onPair} as soon as it is read (the
     * same pairs, in the same order, as the returned file's); problems are collected, never thrown.
     */
    public static LanguageFile read(Path file, PairSink onPair) {
        List<Pair> pairs = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<SuiteProblem> problems = new ArrayList<>();
        String lang = readPairs(file, (pair, line) -> {
            pairs.add(pair);
            lines.add(line);
            onPair.accept(pair, line);
        }, problems::add);
        return new LanguageFile(file, lang, List.copyOf(pairs), List.copyOf(lines), List.copyOf(problems));
    }

    /** Streams the pairs of a file, without line numbers. */
    public static String readPairs(Path file, Consumer<Pair> onPair, Consumer<SuiteProblem> onProblem) {
        return readPairs(file, (pair, line) -> onPair.accept(pair), onProblem);
    }

    /**
     * Streams the pairs of a {@code pairs-<lang>.jsonl} file.
     *
     * @return the file's language tag
     */
    public static String readPairs(Path file, PairSink onPair, Consumer<SuiteProblem> onProblem) {
        return readPairLines(file, (pair, line, offset, length) -> onPair.accept(pair, line), onProblem);
    }

    /**
     * Streams the pairs of a {@code pairs-<lang>.jsonl} file with the byte offset and length of each pair's line.
     *
     * @return the file's language tag
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static String readPairLines(Path file, PositionedSink onPair, Consumer<SuiteProblem> onProblem) {
        String lang = Suite.languageOf(file).orElse(null);
        if (lang == null) {
            onProblem.accept(new SuiteProblem(file, 0, "-",
                    "not a pairs file: the name must be pairs-<lang>.jsonl with a BCP 47 tag"));
            return null;
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // never opened: opening a FIFO blocks until something writes to it
            onProblem.accept(new SuiteProblem(file, 0, "-", Files.isDirectory(file) ? "a directory, not a pairs file"
                    : "not a regular file (a FIFO, device or socket); not read"));
            return lang;
        }
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 0;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter lines = new LineSplitter(in);
            byte[] raw;
            while ((raw = lines.next()) != null) {
                lineNo++;
                long at = offset;
                offset += raw.length + 1;
                if (isBlank(raw)) {
                    continue;
                }
                List<SuiteProblem> lineProblems = new ArrayList<>();
                Pair pair = parsePair(file, lineNo, raw, lang, lineProblems);
                if (pair != null) {
                    Integer first = seen.putIfAbsent(pair.id(), lineNo);
                    if (first != null) {
                        lineProblems.add(new SuiteProblem(file, lineNo, "id",
                                "duplicate id '" + pair.id() + "', first used on line " + first));
                        pair = null;
                    }
                }
                lineProblems.forEach(onProblem);
                if (pair != null) {
                    onPair.accept(pair, lineNo, at, raw.length);
                }
            }
        } catch (NoSuchFileException e) {
            onProblem.accept(new SuiteProblem(file, 0, "-", "file not found"));
        } catch (IOException e) {
            onProblem.accept(new SuiteProblem(file, lineNo, "-", "cannot read: " + e.getMessage()));
        }
        return lang;
    }

    /**
     * Parses one pair line (as {@link SuiteWriter#toJsonLine} writes it) kept outside a pairs file, e.g. in a
     * generator checkpoint.
     *
     * @param origin named in the message when the line is invalid
     * @throws SuiteException listing every problem of the line
     */
    public static Pair parseLine(Path origin, String line, String lang) {
        List<SuiteProblem> problems = new ArrayList<>();
        Pair pair = parsePair(origin, 1, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), lang, problems);
        if (pair == null || !problems.isEmpty()) {
            throw new SuiteException(problems.stream().map(SuiteProblem::toString)
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        return pair;
    }

    /**
     * Reads one pair again from where {@link #readPairLines} found it: a test runner that keeps only the offsets of
     * a big suite's pairs reads each pair's text when the pair runs.
     *
     * @throws SuiteException naming the file and line when the line cannot be read or is no longer a valid pair
     *     (the file changed after it was read)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Pair pairAt(Path file, long offset, int length, int line, String lang) {
        byte[] raw = new byte[length];
        try {
            if (file.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(raw);
                    while (buf.hasRemaining()) {
                        if (ch.read(buf, offset + buf.position()) < 0) {
                            throw new SuiteException(file + ":" + line + ": the file is shorter than when it was "
                                    + "read (it changed during the run)");
                        }
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(offset);
                    if (in.readNBytes(raw, 0, length) < length) {
                        throw new SuiteException(file + ":" + line + ": the file is shorter than when it was read "
                                + "(it changed during the run)");
                    }
                }
            }
        } catch (IOException e) {
            throw new SuiteException(file + ":" + line + ": cannot read the pair again: " + e.getMessage(), e);
        }
        return parsePairLine(file, line, raw, lang);
    }

    /**
     * Parses one pair line from its raw bytes (UTF-8, as in a pairs file).
     *
     * @throws SuiteException listing every problem of the line, with file and line
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Pair parsePairLine(Path file, int line, byte[] raw, String lang) {
        List<SuiteProblem> problems = new ArrayList<>();
        Pair pair = parsePair(file, line, raw, lang, problems);
        if (pair == null || !problems.isEmpty()) {
            throw new SuiteException(problems.stream().map(SuiteProblem::toString)
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        return pair;
    }

    /** Splits a stream into lines of raw bytes (without the '\\n'), reading 64 KiB at a time. */
    private static final class LineSplitter {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private boolean eof;

        LineSplitter(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end (a last line without '\\n' is returned too). */
        byte[] next() throws IOException {
            ByteArrayOutputStream carry = null;
            while (true) {
                for (int i = pos; i < end; i++) {
                    if (buf[i] == '\n') {
                        byte[] line;
                        if (carry == null) {
                            line = java.util.Arrays.copyOfRange(buf, pos, i);
                        } else {
                            carry.write(buf, pos, i - pos);
                            line = carry.toByteArray();
                        }
                        pos = i + 1;
                        return line;
                    }
                }
                if (pos < end) {
                    if (carry == null) {
                        carry = new ByteArrayOutputStream(Math.max(256, (end - pos) * 2));
                    }
                    carry.write(buf, pos, end - pos);
                }
                pos = 0;
                end = 0;
                if (eof) {
                    return carry == null || carry.size() == 0 ? null : carry.toByteArray();
                }
                int n = in.read(buf);
                if (n < 0) {
                    eof = true;
                } else {
                    end = n;
                }
            }
        }
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses one JSONL line from its raw bytes (Jackson decodes UTF-8 itself and skips a byte-order mark);
     * problems go to the list and null is returned when the pair is unusable.
     */
    static Pair parsePair(Path file, int lineNo, byte[] line, String expectedLang, List<SuiteProblem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            problems.add(new SuiteProblem(file, lineNo, "-", why != null && why.startsWith("Invalid UTF-8")
                    ? "not valid UTF-8" : "not valid JSON: " + why));
            return null;
        } catch (IOException e) {
            problems.add(new SuiteProblem(file, lineNo, "-", "cannot read: " + e.getMessage()));
            return null;
        }
        if (!(node instanceof ObjectNode obj)) {
            problems.add(new SuiteProblem(file, lineNo, "-", "expected a JSON object, found " + node.getNodeType()));
            return null;
        }
        Fields f = new Fields(file, lineNo, problems);
        f.unknown(obj, PAIR_FIELDS, "");
        String id = f.text(obj, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            f.problem("id", "must match " + ID.pattern() + ", found '" + id + "'");
        }
        String lang = f.text(obj, "lang", true);
        if (lang != null && expectedLang != null && !lang.equals(expectedLang)) {
            f.problem("lang", "'" + lang + "' does not match the file's language '" + expectedLang + "'");
        }
        String source = f.text(obj, "source", true);
        String subject = f.text(obj, "subject", false);
        Side en = f.side(obj, "en");
        Side target = f.side(obj, "target");
        Perturbation perturbation = f.perturbation(obj);
        Map<String, Object> provenance = null;
        JsonNode prov = obj.get("provenance");
        if (prov != null && !prov.isNull()) {
            if (prov.isObject()) {
                provenance = plainMap(prov);
            } else {
                f.problem("provenance", "must be an object");
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Pair(id, lang, source, subject, en, target, perturbation, provenance);
    }

    /**
     * An object of the line's tree as the maps, lists and values Jackson's {@code convertValue} to a
     * {@code LinkedHashMap<String, Object>} gives (numbers of the tree's own class: Integer, Long, BigInteger, Double),
     * without its round trip through a token buffer, which cost a tenth of the parse of a pair
     * ({@code SuiteReaderProvenanceTest}).
     */
    private static Map<String, Object> plainMap(JsonNode object) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            out.put(field.getKey(), plain(field.getValue()));
        }
        return out;
    }

    private static Object plain(JsonNode v) {
        switch (v.getNodeType()) {
            case OBJECT:
                return plainMap(v);
            case ARRAY:
                List<Object> list = new ArrayList<>(v.size());
                for (JsonNode e : v) {
                    list.add(plain(e));
                }
                return list;
            case STRING:
                return v.textValue();
            case NUMBER:
                return v.numberValue();
            case BOOLEAN:
                return v.booleanValue();
            case NULL:
            case MISSING:
                return null;
            default:
                // binary and POJO nodes come from no parsed line; kept as Jackson converts them
                return JSON.convertValue(v, Object.class);
        }
    }

    /** Reads {@code suite.json}; throws {@link SuiteException} naming the file and field. */
    public static SuiteManifest readManifest(Path file) {
        JsonNode node;
        try (InputStream in = Files.newInputStream(file)) {
            node = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new SuiteException(file + ": not found (a suite directory needs a suite.json)", e);
        } catch (JsonProcessingException e) {
            throw new SuiteException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SuiteException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parseManifest(file, node);
    }

    private static SuiteManifest parseManifest(Path file, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SuiteException(file + ": expected a JSON object");
        }
        JsonNode format = node.get("format");
        if (format == null || !SuiteManifest.FORMAT.equals(format.asText())) {
            throw new SuiteException(file + ": format: expected \"" + SuiteManifest.FORMAT + "\", found "
                    + (format == null ? "nothing" : format));
        }
        String id = requiredText(file, node, "id");
        if (!ID.matcher(id).matches()) {
            throw new SuiteException(file + ": id: must match " + ID.pattern() + ", found '" + id + "'");
        }
        String version = requiredText(file, node, "version");
        List<SuiteManifest.Source> sources = new ArrayList<>();
        JsonNode src = node.get("sources");
        if (src != null && src.isArray()) {
            for (JsonNode s : src) {
                sources.add(new SuiteManifest.Source(s.path("name").asText(null), s.path("url").asText(null),
                        s.path("licence").asText(null)));
            }
        }
        Map<String, Object> provenance = node.has("provenance")
                ? JSON.convertValue(node.get("provenance"), JSON.getTypeFactory()
                        .constructMapType(java.util.LinkedHashMap.class, String.class, Object.class))
                : Map.of();
        return new SuiteManifest(id, version, node.path("title").asText(id), node.path("description").asText(null),
                node.path("licence").asText(null), sources, provenance);
    }

    private static String requiredText(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new SuiteException(file + ": " + field + ": required, must be a non-empty string");
        }
        return v.asText();
    }

    /** Field checks for one line, collecting problems. */
    private static final class Fields {
        private final Path file;
        private final int line;
        private final List<SuiteProblem> problems;
        private final int before;

        Fields(Path file, int line, List<SuiteProblem> problems) {
            this.file = file;
            this.line = line;
            this.problems = problems;
            this.before = problems.size();
        }

        boolean ok() {
            return problems.size() == before;
        }

        void problem(String field, String message) {
            problems.add(new SuiteProblem(file, line, field, message));
        }

        void unknown(JsonNode obj, Set<String> known, String prefix) {
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    problem(prefix + name, "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        String text(JsonNode obj, String field, boolean required) {
            return text(obj, field, field, required);
        }

        String text(JsonNode obj, String field, String path, boolean required) {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(path, "required");
                }
                return null;
            }
            if (!v.isTextual()) {
                problem(path, "must be a string, found " + v.getNodeType());
                return null;
            }
            if (required && v.asText().isBlank()) {
                problem(path, "must not be empty");
                return null;
            }
            return v.asText();
        }

        Side side(JsonNode obj, String field) {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                problem(field, "required");
                return null;
            }
            if (!v.isObject()) {
                problem(field, "must be an object with question, choices and answer");
                return null;
            }
            int start = problems.size();
            unknown(v, SIDE_FIELDS, field + ".");
            String question = text(v, "question", field + ".question", true);
            List<String> choices = new ArrayList<>();
            JsonNode cs = v.get("choices");
            if (cs == null || !cs.isArray()) {
                problem(field + ".choices", "required, must be an array of strings");
            } else {
                for (int i = 0; i < cs.size(); i++) {
                    JsonNode c = cs.get(i);
                    if (!c.isTextual() || c.asText().isBlank()) {
                        problem(field + ".choices[" + i + "]", "must be a non-empty string");
                    } else {
                        choices.add(c.asText());
                    }
                }
                if (cs.size() < 2) {
                    problem(field + ".choices", "needs at least 2 choices, found " + cs.size());
                } else if (cs.size() > MAX_CHOICES) {
                    problem(field + ".choices", "at most " + MAX_CHOICES + " choices (labelled A to Z), found "
                            + cs.size());
                }
            }
            JsonNode a = v.get("answer");
            int answer = -1;
            if (a == null || !a.isIntegralNumber()) {
                problem(field + ".answer", "required, must be the 0-based index of the right choice"
                        + (a != null && a.isTextual() ? " (found the string \"" + a.asText() + "\")" : ""));
            } else if (!a.canConvertToInt() || a.asInt() < 0 || (cs != null && cs.isArray() && a.asInt() >= cs.size())) {
                // range-checked on the number as written: asInt() would read 4294967297 as 1
                problem(field + ".answer", "index " + a.asText() + " is out of range"
                        + (cs != null && cs.isArray() ? " for " + cs.size() + " choices" : ""));
            } else {
                answer = a.asInt();
            }
            if (problems.size() > start) {
                return null;
            }
            return new Side(question, choices, answer);
        }

        Perturbation perturbation(JsonNode obj) {
            JsonNode p = obj.get("perturbation");
            if (p == null || p.isNull()) {
                return null;
            }
            if (!p.isObject()) {
                problem("perturbation", "must be an object");
                return null;
            }
            unknown(p, Set.of("en", "target", "steps"), "perturbation.");
            JsonNode steps = p.get("steps");
            Integer s = null;
            if (steps != null && !steps.isNull()) {
                if (steps.isIntegralNumber() && steps.canConvertToInt()) {
                    s = steps.asInt();
                } else {
                    problem("perturbation.steps", "must be an integer" + (steps.isIntegralNumber()
                            ? ", found " + steps.asText() + " (out of range)" : ""));
                }
            }
            return new Perturbation(part(p, "en"), part(p, "target"), s);
        }

        private Perturbation.Part part(JsonNode p, String side) {
            JsonNode v = p.get(side);
            if (v == null || v.isNull()) {
                return null;
            }
            String path = "perturbation." + side;
            if (!v.isObject()) {
                problem(path, "must be an object");
                return null;
            }
            unknown(v, PART_FIELDS, path + ".");
            return new Perturbation.Part(text(v, "original", path + ".original", false),
                    text(v, "prefix", path + ".prefix", false), text(v, "suffix", path + ".suffix", false));
        }
    }
}
