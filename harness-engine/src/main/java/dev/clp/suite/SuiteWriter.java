package dev.clp.suite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Writes suite files deterministically: pairs sorted by id, fields in a fixed order, map keys sorted,
 * UTF-8 without escapes, one pair per line, {@code \n} line ends. Files are replaced atomically, so a
 * reader never sees a half-written suite file.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SuiteWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SuiteWriter() {
    }

    /** Writes {@code pairs-<lang>.jsonl} in the suite directory, replacing any existing file. */
    public static Path writePairs(Path suiteDir, String lang, Collection<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparing(Pair::id));
        StringBuilder out = new StringBuilder();
        for (Pair pair : sorted) {
            if (!pair.lang().equals(lang)) {
                throw new IllegalArgumentException("pair " + pair.id() + " is " + pair.lang() + ", not " + lang);
            }
            out.append(toJsonLine(pair)).append('\n');
        }
        Path file = suiteDir.resolve(Suite.pairsFileName(lang));
        writeAtomically(file, out.toString());
        return file;
    }

    /** One pair as its canonical JSON line (without the line end). */
    public static String toJsonLine(Pair pair) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("id", pair.id());
            g.writeStringField("lang", pair.lang());
            g.writeStringField("source", pair.source());
            if (pair.subject() != null) {
                g.writeStringField("subject", pair.subject());
            }
            writeSide(g, "en", pair.en());
            writeSide(g, "target", pair.target());
            Perturbation p = pair.perturbation();
            if (p != null) {
                g.writeObjectFieldStart("perturbation");
                writePart(g, "en", p.en());
                writePart(g, "target", p.target());
                if (p.steps() != null) {
                    g.writeNumberField("steps", p.steps());
                }
                g.writeEndObject();
            }
            if (!pair.provenance().isEmpty()) {
                g.writeFieldName("provenance");
                JSON.writeValue(g, new TreeMap<>(pair.provenance()));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void writeSide(JsonGenerator g, String name, Side side) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("question", side.question());
        g.writeArrayFieldStart("choices");
        for (String c : side.choices()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeNumberField("answer", side.answer());
        g.writeEndObject();
    }

    private static void writePart(JsonGenerator g, String name, Perturbation.Part part) throws IOException {
        if (part == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        if (part.original() != null) {
            g.writeStringField("original", part.original());
        }
        if (part.prefix() != null) {
            g.writeStringField("prefix", part.prefix());
        }
        if (part.suffix() != null) {
            g.writeStringField("suffix", part.suffix());
        }
        g.writeEndObject();
    }

    /** Writes {@code suite.json}. */
    public static Path writeManifest(Path suiteDir, SuiteManifest m) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("format", SuiteManifest.FORMAT);
        json.put("id", m.id());
        json.put("version", m.version());
        json.put("title", m.title());
        if (m.description() != null) {
            json.put("description", m.description());
        }
        if (m.licence() != null) {
            json.put("licence", m.licence());
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SuiteManifest.Source s : m.sources()) {
            Map<String, Object> src = new java.util.LinkedHashMap<>();
            src.put("name", s.name());
            if (s.url() != null) {
                src.put("url", s.url());
            }
            if (s.licence() != null) {
                src.put("licence", s.licence());
            }
            sources.add(src);
        }
        json.put("sources", sources);
        json.put("provenance", new TreeMap<>(m.provenance()));
        try {
            Path file = suiteDir.resolve(Suite.MANIFEST_FILE);
            writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes text to a temporary sibling and moves it over the target: readers see the old file or the new one. When
     * the write fails (a full disk, a read-only directory) the temporary file is removed, and the old file stays.
     *
     * @throws UncheckedIOException naming the file and the reason
     */
    public static void writeAtomically(Path file, String content) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
            }
            // temporary files are private (rw-------); the result is an ordinary file: keep the old file's
            // permissions, or rw-r--r--
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.isRegularFile(file) ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot write " + file + ": " + reason(e), e);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException d) {
                    failure.addSuppressed(d);
                }
            }
            throw failure;
        }
    }

    /** What went wrong, without repeating the path: the system's reason ("No space left on device") or the exception. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e instanceof java.nio.file.FileSystemException ? e.getClass().getSimpleName() + " " + e.getMessage()
                : e.getMessage();
    }
}
