package dev.clp.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The pairs of {@code run.json} written as the run goes, so that a run holds no pair's answers: each pair's entry is
 * one JSON line of {@value #FILE} in the results directory, written and flushed as soon as its outcome is known (a
 * killed run leaves every pair answered until then), read back when its test is reported ({@link #read}), and
 * {@link #write} streams the entries into {@code run.json} at the end in the order the pairs were reported
 * ({@link #record}), the same bytes as {@link RunDocument#write} would give for the same record. In memory: 12 bytes
 * per entry. A run interrupted before the end
 * (SIGTERM, Ctrl-C) writes what it has as a {@code run.json} marked {@code partial} ({@link #onInterrupt}).
 *
 * <p>Writing never throws while the run goes on: the first failure is kept, later entries are not written, and
 * {@link #write} then fails naming the file and the reason, as a {@code run.json} that could not be written does.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunJournal implements AutoCloseable {

    /** The journal's name in the results directory; it exists only while a run goes on, or after one was killed. */
    public static final String FILE = "run.pairs.jsonl";

    private static final ObjectWriter LINE = RecordFiles.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private OutputStream out;
    private IOException failure;
    /** Where each entry starts in the file, by entry number; {@code position} is where the next one goes. */
    private long[] offsets = new long[1024];
    private int entries;
    private long position;
    /** The entries in the order their pairs were recorded (reported), which is run.json's. */
    private int[] order = new int[1024];
    private int recorded;
    private java.io.RandomAccessFile reader;
    private boolean done;
    private Thread hook;

    private RunJournal(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Starts the journal of a run in {@code resultsDir}, replacing one an earlier run left.
     *
     * @throws UncheckedIOException naming the file when it cannot be created
     */
    public static RunJournal open(Path resultsDir) {
        Path file = resultsDir.resolve(FILE);
        try {
            Files.createDirectories(resultsDir);
            return new RunJournal(file, new java.io.BufferedOutputStream(Files.newOutputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + SuiteWriter.reason(e), e);
        }
    }

    /**
     * The entries in the journal an earlier run left in {@code resultsDir} (a run killed before it could write
     * {@code run.json}), or -1 when there is none.
     */
    public static int leftover(Path resultsDir) {
        Path file = resultsDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // unreadable: there was one, of unknown length
        }
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /**
     * Writes one pair's entry of {@code run.json} (flushed: a killed run leaves it) as soon as its outcome is known.
     *
     * @return the entry's number, for {@link #record} and {@link #read}; -1 when the journal could not be written
     */
    public synchronized int append(RunDocument.PairResult pair) {
        if (out == null || failure != null) {
            return -1;
        }
        try {
            byte[] line = LINE.writeValueAsBytes(pair);
            out.write(line);
            out.write('\n');
            out.flush();
            if (entries == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, entries * 2);
            }
            offsets[entries] = position;
            position += line.length + 1;
            return entries++;
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    /** Puts an entry next in run.json's order (its pair was reported); an entry never recorded is left out. */
    public synchronized void record(int entry) {
        if (entry < 0) {
            return;
        }
        if (recorded == order.length) {
            order = java.util.Arrays.copyOf(order, recorded * 2);
        }
        order[recorded++] = entry;
    }

    /** An entry read back from the file. */
    public synchronized RunDocument.PairResult read(int entry) {
        try {
            return RecordFiles.JSON.readValue(line(entry), RunDocument.PairResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entry " + entry + " of " + file + ": " + SuiteWriter.reason(e), e);
        }
    }

    /**
     * The message of an entry, read back from the file without the rest of the entry (the raw answers, most of its
     * bytes, are skipped, not decoded): what a reported pair's test says. A warm rerun reads it for 3 of 4 pairs.
     */
    public synchronized String message(int entry) {
        try (JsonParser p = RecordFiles.JSON.createParser(line(entry))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("message".equals(name)) {
                    return value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entry " + entry + " of " + file + ": " + SuiteWriter.reason(e), e);
        }
    }

    /** The bytes of an entry's line, without its newline. */
    private byte[] line(int entry) throws IOException {
        if (entry < 0 || entry >= entries) {
            throw new IllegalArgumentException("no entry " + entry + " in " + file);
        }
        if (out != null) {
            out.flush();
        }
        if (reader == null) {
            reader = new java.io.RandomAccessFile(file.toFile(), "r");
        }
        long end = entry + 1 < entries ? offsets[entry + 1] : position;
        byte[] line = new byte[(int) (end - offsets[entry] - 1)];
        reader.seek(offsets[entry]);
        reader.readFully(line);
        return line;
    }

    /**
     * Copies an entry into run.json token by token, indented as the generator indents: the bytes writing its tree
     * would give (numbers keep their type: Jackson writes back an int as an int, a double as a double), without
     * building the tree of each of a run's pairs.
     */
    private void copy(int entry, JsonGenerator gen) throws IOException {
        try (JsonParser p = RecordFiles.JSON.createParser(line(entry))) {
            p.nextToken();
            gen.copyCurrentStructure(p);
        }
    }

    /** The entries written so far. */
    public synchronized int entries() {
        return entries;
    }

    /**
     * Writes {@code run.json} atomically: {@code head}'s fields in their order, its {@code pairs} (empty) replaced by
     * the recorded entries in the order they were recorded.
     *
     * @throws UncheckedIOException naming {@code runJson} when an entry or the file could not be written
     */
    public synchronized Path write(RunDocument head, Path runJson) {
        return write(head, runJson, false);
    }

    /** @param all also the entries never recorded, after the recorded ones (a partial record keeps every answer) */
    private Path write(RunDocument head, Path runJson, boolean all) {
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + runJson + ": " + file + ": "
                    + SuiteWriter.reason(failure), failure);
        }
        Path tmp = null;
        try {
            Path dir = runJson.toAbsolutePath().getParent();
            tmp = Files.createTempFile(dir, "." + runJson.getFileName(), ".tmp");
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp));
                    JsonGenerator gen = RecordFiles.JSON.writer().createGenerator(os)) {
                gen.writeStartObject();
                JsonNode tree = RecordFiles.JSON.valueToTree(head);
                for (Map.Entry<String, JsonNode> field : tree.properties()) {
                    gen.writeFieldName(field.getKey());
                    if ("pairs".equals(field.getKey())) {
                        pairs(gen, all);
                    } else {
                        RecordFiles.JSON.writeTree(gen, field.getValue());
                    }
                }
                gen.writeEndObject();
                gen.flush();
                os.write('\n');
            }
            // temporary files are private (rw-------); run.json is an ordinary file, as RecordFiles writes it
            if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, runJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, runJson, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return runJson;
        } catch (IOException e) {
            UncheckedIOException failed = new UncheckedIOException("cannot write " + runJson + ": "
                    + SuiteWriter.reason(e), e);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException d) {
                    failed.addSuppressed(d);
                }
            }
            throw failed;
        }
    }

    private void pairs(JsonGenerator gen, boolean all) throws IOException {
        gen.writeStartArray();
        java.util.BitSet written = new java.util.BitSet(entries);
        for (int i = 0; i < recorded; i++) {
            copy(order[i], gen);
            written.set(order[i]);
        }
        for (int e = all ? written.nextClearBit(0) : entries; e < entries; e = written.nextClearBit(e + 1)) {
            copy(e, gen);
        }
        gen.writeEndArray();
    }

    /**
     * When the JVM stops before {@link #close} (SIGTERM, Ctrl-C, {@code System.exit}), writes {@code run.json} beside
     * the journal from
     * {@code partialHead} (its {@code partial} set, no language) and the entries recorded until then.
     */
    public synchronized void onInterrupt(Supplier<RunDocument> partialHead) {
        Path runJson = file.resolveSibling(RunDocument.FILE);
        hook = new Thread(() -> {
            synchronized (this) {
                if (done) {
                    return;
                }
                try {
                    write(partialHead.get(), runJson, true);
                } catch (RuntimeException e) {
                    // the JVM is stopping: nothing is left to tell; the journal stays beside it with every entry
                    return;
                }
                done = true;
                closeQuietly();
                deleteJournal();
            }
        }, "clp-run-journal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends the journal after {@link #write} (or when the run wrote no record): the file is removed. */
    @Override
    public synchronized void close() {
        done = true;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already stopping: the hook sees done and writes nothing
            }
            hook = null;
        }
        closeQuietly();
        deleteJournal();
    }

    private void closeQuietly() {
        try {
            if (reader != null) {
                reader.close();
                reader = null;
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        out = null;
    }

    private void deleteJournal() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a journal that cannot be removed is replaced by the next run's; run.json has every entry
            if (failure == null) {
                failure = e;
            }
        }
    }
}
