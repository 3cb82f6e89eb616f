package dev.clp.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.scoring.Extraction;
import dev.clp.scoring.PairOutcome;
import dev.clp.scoring.SideResult;
import dev.clp.suite.Languages;
import dev.clp.suite.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Writes Allure 2 result files ({@code clp-<stem>-result.json}, {@code clp-<stem>-<n>-attachment.txt},
 * {@code categories.json}, {@code environment.properties}, {@code executor.json}) for a run: one result per gate and
 * per pair that needs a look; the pairs that need none (consistent, not applicable) are folded into one passed result
 * per suite and language listing their ids and lines ({@code clp.allure.pairs=needs-look}, the default), or each has
 * its own ({@code all}). Results are labelled so that Allure's Behaviors view groups by suite (epic), target language (feature) and source
 * dataset (story), and its Suites view by language. Both prompts, both raw answers and the extracted choices of a pair
 * that needs a look (weak, unreadable, an error) are attached as one plain-text file, so untrusted model output is never
 * interpreted as HTML; the chosen letters are parameters of every pair. Thread-safe; each result is written as soon as its pair is evaluated.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AllureResults {

    /** The environment variables of a CI system that {@code executor.json} is built from. */
    public static final Set<String> EXECUTOR_VARIABLES = Set.of("GITHUB_ACTIONS", "GITHUB_SERVER_URL",
            "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_WORKFLOW", "GITHUB_SHA");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** This engine's result and attachment files start with it, so a run can tell them from other engines' files. */
    static final String FILE_PREFIX = "clp-";

    private final Path dir;
    private final boolean replaceEarlierRuns;
    /** Names of the files this run wrote (queued), so that {@link #finish} can tell an earlier run's files. */
    private final Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long createdMillis = System.currentTimeMillis();
    private final String model;
    private final Map<String, String> parameters;
    private final Set<String> languages = new TreeSet<>();
    /** Whether every pair gets a result of its own ({@code clp.allure.pairs=all}), not only those that need a look. */
    private final boolean everyPair;
    /** {@code clp.allure.max-pairs}: results of their own per suite and language, 0 = no cap. */
    private final int maxPairs;
    /** The pairs that need a look, per suite and language, when {@link #maxPairs} caps them; written by {@link #finish}. */
    private final Map<java.util.List<String>, Capped> capped = new java.util.TreeMap<>(
            java.util.Comparator.comparing((java.util.List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    /** The pairs that need no look, per suite and language, written as one result each by {@link #finish}. */
    private final Map<java.util.List<String>, Fold> folds = new java.util.TreeMap<>(
            java.util.Comparator.comparing((java.util.List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clp-allure-writer");
        t.setDaemon(true);
        return t;
    });
    /** The first write that failed, with the path and the reason; later writes are skipped (the disk is full). */
    private final java.util.concurrent.atomic.AtomicReference<String> writeFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param dir the results directory, created if needed
     * @param model {@code <provider>:<model>}, a label and a parameter
     * @param parameters run parameters shown on every result (K, temperature …), excluded from the history key so
     *     that history follows a pair across models and settings
     */
    public AllureResults(Path dir, String model, Map<String, String> parameters) {
        this(dir, model, parameters, false);
    }

    /**
     * @param clean replace this engine's files of earlier runs in {@code dir} ({@code clp.allure.clean}): each test's
     *     files are overwritten, and at the end the files of tests this run did not have are deleted
     */
    public AllureResults(Path dir, String model, Map<String, String> parameters, boolean clean) {
        this(dir, model, parameters, clean, true);
    }

    /**
     * @param output {@code clp.allure.clean} and {@code clp.allure.pairs}
     */
    public AllureResults(Path dir, String model, Map<String, String> parameters, dev.clp.config.ClpConfig.Output output) {
        this(dir, model, parameters, output.allureClean(), output.allureAllPairs(), output.allureMaxPairs());
    }

    /**
     * @param everyPair every pair gets its own result ({@code clp.allure.pairs=all}); otherwise the pairs that need no
     *     look are folded into one result per suite and language
     */
    public AllureResults(Path dir, String model, Map<String, String> parameters, boolean clean, boolean everyPair) {
        this(dir, model, parameters, clean, everyPair, 0);
    }

    /**
     * @param maxPairs with the pairs that need no look folded: at most this many pairs of a suite and language keep a
     *     result of their own ({@code clp.allure.max-pairs}), the rest are one failed result listing them; 0 = no cap
     */
    public AllureResults(Path dir, String model, Map<String, String> parameters, boolean clean, boolean everyPair,
            int maxPairs) {
        this.everyPair = everyPair;
        this.maxPairs = maxPairs;
        this.dir = dir;
        this.model = model;
        this.parameters = new LinkedHashMap<>(parameters);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create the Allure results directory: " + e.getMessage(), e);
        }
        this.replaceEarlierRuns = clean;
    }

    /**
     * Deletes the {@code clp-*} result, attachment and temporary files in {@code dir} that this run did not write: an
     * earlier run's results of tests that are no longer there.
     */
    private int removeEarlierRuns() {
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, FILE_PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if ((name.endsWith("-result.json") || name.endsWith("-attachment.txt") || name.endsWith(".tmp"))
                        && !written.contains(name)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            fail(dir + ": cannot remove the results of earlier runs (" + dev.clp.suite.SuiteWriter.reason(e)
                    + "); set " + dev.clp.config.ClpConstants.ALLURE_CLEAN + "=false to keep them");
        }
        return removed;
    }

    /** Allure's statuses. */
    public enum Status {
        PASSED, FAILED, BROKEN, SKIPPED;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a pair outcome shows in Allure: weak fails, unparseable and errors are broken, the rest skipped or passed. */
    public static Status status(PairOutcome outcome) {
        if (outcome instanceof PairOutcome.Consistent) {
            return Status.PASSED;
        }
        if (outcome instanceof PairOutcome.Weak) {
            return Status.FAILED;
        }
        if (outcome instanceof PairOutcome.Unparseable || outcome instanceof PairOutcome.Error) {
            return Status.BROKEN;
        }
        return Status.SKIPPED;
    }

    /**
     * One pair's result.
     *
     * @param testId a stable id of the test (the JUnit unique id): the history key
     * @param line the pair's line in its suite file (0 when unknown), listed where the pair is folded
     * @param knownWeak weak in the baseline too: skipped, not failed (only new weak pairs are regressions)
     */
    public void pair(String suite, String testId, String displayName, int line, PairOutcome outcome, boolean knownWeak,
            long startMillis, long stopMillis) {
        Pair pair = outcome.pair();
        if (!everyPair && (!needsALook(outcome) || knownWeak)) {
            // a known weak pair is no news: the baseline had it weak too; only new weak pairs are regressions
            fold(suite, pair, line, knownWeak ? "known weak" : outcome.kind(), startMillis, stopMillis);
            return;
        }
        String uuid = UUID.randomUUID().toString();
        Status status = knownWeak ? Status.SKIPPED : status(outcome);
        String message = status == Status.PASSED ? null
                : knownWeak ? outcome.message().replaceFirst("\\] weak: ", "] known weak (weak in the baseline too): ")
                : outcome.message();
        ObjectNode r = result(uuid, testId, displayName, status, message, startMillis, stopMillis, false);
        String stem = stem(testId, uuid);
        labels(r, suite, pair.lang(), pair.source(), "normal");
        ArrayNode labels = (ArrayNode) r.get("labels");
        label(labels, "tag", "lang:" + pair.lang());
        if (pair.subject() != null && !pair.subject().isBlank()) {
            label(labels, "tag", "subject:" + pair.subject());
        }
        label(labels, "tag", outcome.kind());
        ArrayNode attachments = r.putArray("attachments");
        SideResult en = null;
        SideResult target = null;
        if (outcome instanceof PairOutcome.Graded g) {
            en = g.en();
            target = g.target();
        } else if (outcome instanceof PairOutcome.Unparseable u) {
            en = u.en();
            target = u.target();
        }
        String targetName = Languages.name(pair.lang());
        if (en != null) {
            ArrayNode params = (ArrayNode) r.get("parameters");
            param(params, "English answer", choice(en));
            param(params, targetName + " answer", choice(target));
        }
        // a consistent or not applicable pair: the letters are parameters, the raw answers in run.json, the questions
        // in the suite
        boolean attach = needsALook(outcome);
        String attachmentName = null;
        String attachment = null;
        if (attach && en != null) {
            attachmentName = "Prompts and answers";
            attachment = section("English prompt", en.prompt())
                    + section(targetName + " prompt", target.prompt())
                    + section("English answer" + samples(en), String.join("\n---\n", en.answers()))
                    + section(targetName + " answer" + samples(target), String.join("\n---\n", target.answers()))
                    + section("Extracted choices", choices(en) + choices(target));
        } else if (attach) {
            attachmentName = "Questions";
            attachment = section("English question", pair.en().question())
                    + section(targetName + " question", pair.target().question());
        }
        if (!everyPair && maxPairs > 0) {
            String listing = plain(pair.id()) + "  line " + (line > 0 ? String.valueOf(line) : "?") + "  "
                    + outcome.kind() + (en == null ? "" : "  English " + choice(en) + ", " + targetName + " "
                    + choice(target));
            // kept as text that already names its attachment, as emit would write it (see Capped.Entry)
            String source = attachmentName == null ? null : reference((ArrayNode) r.get("attachments"), stem,
                    attachmentName);
            Capped.Entry entry = new Capped.Entry(rank(outcome, knownWeak), line > 0 ? line : Long.MAX_VALUE, stem,
                    Capped.pack(r.toString()), source, Capped.pack(attachment), listing, outcome.kind(), startMillis,
                    stopMillis);
            synchronized (capped) {
                capped.computeIfAbsent(java.util.List.of(suite, pair.lang()), k -> new Capped(suite, pair.lang(),
                        maxPairs)).offer(entry);
            }
            return;
        }
        emit(stem, r, attachmentName, attachment);
    }

    /** Writes a pair's attachment, then its result. */
    private void emit(String stem, ObjectNode r, String attachmentName, String attachment) {
        if (attachmentName != null) {
            attach((ArrayNode) r.get("attachments"), stem, attachmentName, attachment);
        }
        write(stem + "-result.json", r.toString());
    }

    /** Which pairs keep a result of their own under the cap: new weak first, then unreadable and errors, then known weak. */
    private static int rank(PairOutcome outcome, boolean knownWeak) {
        return outcome instanceof PairOutcome.Weak ? (knownWeak ? 2 : 0) : 1;
    }

    /** An id as one line of plain text: control characters (a hostile suite's) shown as a backslash, u and four hex digits. */
    private static String plain(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isISOControl(c) || c == (char) 0x2028 || c == (char) 0x2029
                    ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /**
     * The kept pairs of a capped suite and language, and one failed result for the pairs beyond the cap: their ids,
     * lines, outcomes and chosen letters, new weak first; the prompts and answers stay in run.json.
     */
    private void writeCapped(Capped c) {
        for (Capped.Entry e : c.kept()) {
            // a result after its attachments, as emit writes them
            if (e.attachmentSource() != null) {
                String attachment = Capped.unpack(e.attachment());
                write(e.attachmentSource(), attachment == null ? "" : attachment);
            }
            write(e.stem() + "-result.json", Capped.unpack(e.result()));
        }
        java.util.List<Capped.Entry> beyond = c.beyond();
        if (beyond.isEmpty()) {
            return;
        }
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        long start = Long.MAX_VALUE;
        long stop = 0;
        StringBuilder listing = new StringBuilder();
        for (Capped.Entry e : beyond) {
            kinds.merge(e.kind(), 1, Integer::sum);
            start = Math.min(start, e.start());
            stop = Math.max(stop, e.stop());
            listing.append(e.listing()).append('\n');
        }
        int n = beyond.size();
        String language = Languages.name(c.lang) + " (" + c.lang + ")";
        StringBuilder counts = new StringBuilder();
        kinds.forEach((k, v) -> counts.append(counts.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        String what = kinds.size() == 1 && kinds.containsKey("weak") ? n + " more weak pairs"
                : n + " more pairs that need a look (" + counts + ")";
        String key = dev.clp.config.ClpConstants.ALLURE_MAX_PAIRS;
        String testId = "[suite:" + c.suite + "]/[lang:" + c.lang + "]/[pairs beyond " + key + "]";
        String uuid = UUID.randomUUID().toString();
        ObjectNode r = result(uuid, testId, "[" + c.suite + "] " + language + ": " + what, Status.FAILED,
                "[lang=" + c.lang + "] " + (kinds.containsKey("weak") ? "weak: " : "") + what + " beyond " + key + "="
                        + maxPairs, start, stop, false);
        r.put("description", "The first " + maxPairs + " pairs of " + c.suite + ", " + language + ", that need a look "
                + "(new weak first, then unreadable answers and errors, by line) have a result of their own; these " + n
                + " are listed in the attachment with their lines, outcomes and chosen letters. Their prompts and "
                + "answers are in run.json and in the page of clp report <results dir>; " + key + "=0 gives each of "
                + "them a result of its own, " + key + "=<n> keeps n.");
        labels(r, c.suite, c.lang, "pairs beyond the cap", "normal");
        ArrayNode labels = (ArrayNode) r.get("labels");
        label(labels, "tag", "lang:" + c.lang);
        label(labels, "tag", "capped");
        ArrayNode params = (ArrayNode) r.get("parameters");
        kinds.forEach((k, v) -> param(params, k + " pairs", String.valueOf(v)));
        String stem = stem(testId, uuid);
        attach(r.putArray("attachments"), stem, "Pairs beyond the cap (id, line, outcome, letters)", n + " pairs of "
                + c.suite + ", " + language + ", beyond " + key + "=" + maxPairs + " (" + counts + "), new weak first, "
                + "then by line:\n\n" + listing);
        write(stem + "-result.json", r.toString());
    }

    /** One gate's result; gates are blockers. */
    public void gate(String suite, String testId, String displayName, String lang, Status status, String message,
            String figures, long startMillis, long stopMillis) {
        String uuid = UUID.randomUUID().toString();
        String prefixed = message == null || message.startsWith("[lang=") ? message : "[lang=" + lang + "] " + message;
        ObjectNode r = result(uuid, testId, displayName, status, prefixed, startMillis, stopMillis, true);
        labels(r, suite, lang, "gates", "blocker");
        label((ArrayNode) r.get("labels"), "tag", "gate");
        String stem = stem(testId, uuid);
        attach(r.putArray("attachments"), stem, "Gate figures", figures);
        write(stem + "-result.json", r.toString());
    }

    /**
     * Writes {@code categories.json} (failures per language, then weak pairs, unparseable answers, transport errors
     * and failing gates apart), {@code environment.properties} and, on CI, {@code executor.json}.
     *
     * @param environment shown on the report's overview (model, endpoint host, suite versions, K, thresholds, commit)
     * @param ciEnvironment the process environment, read for {@link #EXECUTOR_VARIABLES} only
     */
    public void finish(Map<String, String> environment, Map<String, String> ciEnvironment) {
        if (ListenerDuplicates.listenerPresent()) {
            ListenerDuplicates.remove(ListenerDuplicates.listenerDirectory(), dev.clp.config.ClpConstants.ENGINE_ID,
                    createdMillis);
        }
        synchronized (capped) {
            capped.values().forEach(this::writeCapped);
            capped.clear();
        }
        synchronized (folds) {
            folds.values().forEach(this::writeFold);
            folds.clear();
        }
        ArrayNode categories = JSON.createArrayNode();
        synchronized (languages) {
            for (String lang : languages) {
                String q = "\\[lang=" + java.util.regex.Pattern.quote(lang) + "\\]";
                category(categories, Languages.name(lang) + " (" + lang + "): weak pairs", q + " (NEW )?weak[: ].*", "failed");
                category(categories, Languages.name(lang) + " (" + lang + "): failing gates", q + " .* (gap|regression): .*",
                        "failed");
            }
        }
        category(categories, "Unparseable answers", "\\[lang=[^\\]]+\\] unparseable .*", "broken");
        category(categories, "Transport errors", "\\[lang=[^\\]]+\\] error on the .*", "broken");
        category(categories, "Gates without data", "\\[lang=[^\\]]+\\] no graded pair.*", "broken");
        write("categories.json", categories.toPrettyString());
        StringBuilder props = new StringBuilder();
        environment.forEach((k, v) -> props.append(escapeProperty(k, true)).append('=').append(escapeProperty(v, false))
                .append('\n'));
        write("environment.properties", props.toString());
        if ("true".equals(ciEnvironment.get("GITHUB_ACTIONS"))) {
            String server = ciEnvironment.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            String repo = ciEnvironment.getOrDefault("GITHUB_REPOSITORY", "");
            String runId = ciEnvironment.getOrDefault("GITHUB_RUN_ID", "");
            ObjectNode executor = JSON.createObjectNode();
            executor.put("name", "GitHub Actions");
            executor.put("type", "github");
            executor.put("url", server + "/" + repo);
            executor.put("buildOrder", parseLong(ciEnvironment.get("GITHUB_RUN_NUMBER")));
            executor.put("buildName", ciEnvironment.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #"
                    + ciEnvironment.getOrDefault("GITHUB_RUN_NUMBER", "?"));
            executor.put("buildUrl", server + "/" + repo + "/actions/runs/" + runId);
            write("executor.json", executor.toPrettyString());
        }
        drain();
        if (replaceEarlierRuns && writeFailure.get() == null) {
            removeEarlierRuns();
        }
    }

    /** The pairs of one suite and language that need no look, in the order their answers came. */
    private static final class Fold {
        private final String suite;
        private final String lang;
        private int consistent;
        private int notApplicable;
        private int knownWeak;
        private long start = Long.MAX_VALUE;
        private long stop;
        /** {@code <id>  line <n>  <kind>} lines: a few dozen bytes a pair, where a result of its own is kilobytes. */
        private final StringBuilder lines = new StringBuilder();

        private Fold(String suite, String lang) {
            this.suite = suite;
            this.lang = lang;
        }
    }

    private void fold(String suite, Pair pair, int line, String kind, long start, long stop) {
        synchronized (folds) {
            Fold f = folds.computeIfAbsent(java.util.List.of(suite, pair.lang()), k -> new Fold(suite, pair.lang()));
            if ("consistent".equals(kind)) {
                f.consistent++;
            } else if ("known weak".equals(kind)) {
                f.knownWeak++;
            } else {
                f.notApplicable++;
            }
            f.start = Math.min(f.start, start);
            f.stop = Math.max(f.stop, stop);
            f.lines.append(pair.id()).append("  line ").append(line > 0 ? String.valueOf(line) : "?").append("  ")
                    .append(kind).append('\n');
        }
    }

    /**
     * One passed result for the folded pairs of a suite and language: their counts as parameters, their ids, lines and
     * outcomes (sorted by line) as a small attachment. Its history id is the suite's and language's, stable across runs.
     */
    private void writeFold(Fold f) {
        String uuid = UUID.randomUUID().toString();
        String testId = "[suite:" + f.suite + "]/[lang:" + f.lang + "]/[pairs that need no look]";
        String language = Languages.name(f.lang) + " (" + f.lang + ")";
        int n = f.consistent + f.notApplicable + f.knownWeak;
        String counts = f.consistent + " consistent, " + f.notApplicable + " not applicable"
                + (f.knownWeak > 0 ? ", " + f.knownWeak + " known weak" : "");
        ObjectNode r = result(uuid, testId, "[" + f.suite + "] " + language + ": " + n + " pairs that need no look ("
                + counts + ")", Status.PASSED, null, f.start, f.stop, false);
        r.put("description", "Pairs answered right in both languages (consistent), wrong in English too (not "
                + "applicable) or weak in the baseline too (known weak, no regression): none needs a look. Their answers "
                + "are in run.json; " + dev.clp.config.ClpConstants.ALLURE_PAIRS + "=all gives each pair a result of its "
                + "own.");
        labels(r, f.suite, f.lang, "pairs that need no look", "normal");
        ArrayNode labels = (ArrayNode) r.get("labels");
        label(labels, "tag", "lang:" + f.lang);
        label(labels, "tag", "folded");
        ArrayNode params = (ArrayNode) r.get("parameters");
        param(params, "consistent pairs", String.valueOf(f.consistent));
        param(params, "not applicable pairs", String.valueOf(f.notApplicable));
        if (f.knownWeak > 0) {
            param(params, "known weak pairs", String.valueOf(f.knownWeak));
        }
        java.util.List<String> sorted = new java.util.ArrayList<>(java.util.Arrays.asList(f.lines.toString().split("\n")));
        sorted.sort(java.util.Comparator.comparingLong(AllureResults::lineNumber));
        String stem = stem(testId, uuid);
        attach(r.putArray("attachments"), stem, "Pairs (id, line, outcome)", n + " pairs of " + f.suite + ", "
                + language + ", that need no look (" + counts + "):\n\n" + String.join("\n", sorted) + "\n");
        write(stem + "-result.json", r.toString());
    }

    /** The line number of a fold's listing line, {@link Long#MAX_VALUE} when unknown. */
    private static long lineNumber(String listed) {
        int at = listed.indexOf("  line ");
        int end = listed.indexOf("  ", at + 7);
        return parseLong(at < 0 || end < 0 || listed.charAt(at + 7) == '?' ? null : listed.substring(at + 7, end),
                Long.MAX_VALUE);
    }

    private static long parseLong(String s) {
        return parseLong(s, 0);
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * Allure 2 (2.34.1) puts a result's status message into its test-result page as HTML: a model answer quoted in
     * the message would become live markup (a browser test saw {@code <img onerror>} run). The message is escaped;
     * the answers stay verbatim in the {@code text/plain} attachments, which Allure shows as text.
     */
    static String htmlEscape(String s) {
        return dev.clp.scoring.UntrustedText.html(s);
    }

    private static void category(ArrayNode categories, String name, String regex, String status) {
        ObjectNode c = categories.addObject();
        c.put("name", name);
        c.putArray("matchedStatuses").add(status);
        c.put("messageRegex", "(?s)" + regex);
    }

    /**
     * Whether a pair's prompts and answers are attached: a weak pair (known weak too), an unreadable answer, an error,
     * a pair not run. A consistent or not applicable pair has its letters as parameters, its answers in run.json: an
     * attachment for each made a single-file report of the 4,189 published pairs 54 MB (README, "Allure report").
     */
    private static boolean needsALook(PairOutcome outcome) {
        return !(outcome instanceof PairOutcome.Consistent || outcome instanceof PairOutcome.NotApplicable);
    }

    /**
     * @param runParameters whether the run's parameters (model, K, temperature) are shown: on gates; a pair's result
     *     leaves them to the overview ({@code environment.properties}), where every result of the run shares them
     */
    private ObjectNode result(String uuid, String testId, String name, Status status, String message, long start,
            long stop, boolean runParameters) {
        ObjectNode r = JSON.createObjectNode();
        r.put("uuid", uuid);
        r.put("historyId", md5(testId));
        r.put("testCaseId", md5(testId));
        r.put("fullName", testId);
        r.put("name", name);
        r.put("status", status.json());
        if (message != null) {
            r.putObject("statusDetails").put("message", htmlEscape(message));
        }
        r.put("stage", "finished");
        r.put("start", start);
        r.put("stop", Math.max(start, stop));
        ArrayNode params = r.putArray("parameters");
        if (runParameters) {
            param(params, "model", model);
            parameters.forEach((k, v) -> param(params, k, v));
        }
        r.putArray("links");
        r.putArray("steps");
        return r;
    }

    private static void param(ArrayNode params, String name, String value) {
        params.addObject().put("name", name).put("value", value).put("excluded", true);
    }

    private void labels(ObjectNode r, String suite, String lang, String story, String severity) {
        synchronized (languages) {
            languages.add(lang);
        }
        ArrayNode labels = r.putArray("labels");
        label(labels, "epic", suite);
        label(labels, "feature", Languages.name(lang) + " (" + lang + ")");
        label(labels, "story", story == null ? "unknown" : story);
        label(labels, "parentSuite", suite);
        label(labels, "suite", Languages.name(lang) + " (" + lang + ")");
        label(labels, "targetLang", lang);
        label(labels, "model", model);
        label(labels, "severity", severity);
        label(labels, "framework", "clp");
    }

    private static void label(ArrayNode labels, String name, String value) {
        labels.addObject().put("name", name).put("value", value);
    }

    /**
     * The start of a result's file names. Replacing earlier runs ({@code clp.allure.clean}): named after the test, so
     * a rerun overwrites its files in place instead of deleting and creating thousands (creating files soon after
     * deleting as many is slow on ext4: the inode allocator skips recently freed inodes). Keeping them: named after
     * the result's uuid, so runs accumulate.
     */
    private String stem(String testId, String uuid) {
        return FILE_PREFIX + (replaceEarlierRuns ? md5(testId) : uuid);
    }

    private void attach(ArrayNode attachments, String stem, String name, String text) {
        write(reference(attachments, stem, name), text == null ? "" : text);
    }

    /** Names the next attachment of a result in its {@code attachments} and returns its file name (not written). */
    private static String reference(ArrayNode attachments, String stem, String name) {
        String source = stem + "-" + attachments.size() + "-attachment.txt";
        attachments.addObject().put("name", name).put("source", source).put("type", "text/plain");
        return source;
    }

    /**
     * One titled part of a pair's single attachment. One file per pair, not one per prompt and answer: reading a pair
     * means reading all of it, and a run of thousands of pairs writes a third of the files (file creation dominates the
     * cost of Allure results on slow disks).
     */
    private static String section(String title, String text) {
        return title + "\n" + "=".repeat(title.length()) + "\n" + (text == null ? "" : text) + "\n\n";
    }

    private static String samples(SideResult side) {
        return side.answers().size() > 1 ? " (" + side.answers().size() + " samples, separated by ---)" : "";
    }

    /** What the model chose on one side, shown as a parameter: {@code C (expected B)}, {@code unparseable (expected B)}. */
    private static String choice(SideResult side) {
        StringBuilder sb = new StringBuilder();
        for (Extraction e : side.extractions()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(e instanceof Extraction.Choice c
                    ? String.valueOf(dev.clp.scoring.PromptRenderer.letter(c.index())) : "unparseable");
        }
        return sb + " (expected " + side.expectedLetter() + ")";
    }

    private static String choices(SideResult side) {
        StringBuilder sb = new StringBuilder(side.lang()).append(": expected ").append(side.expectedLetter())
                .append(", chose ").append(side.chosenLetter()).append('\n');
        for (int k = 0; k < side.extractions().size(); k++) {
            Extraction e = side.extractions().get(k);
            sb.append("  sample ").append(k).append(": ").append(e instanceof Extraction.Choice c
                    ? (char) ('A' + c.index()) + " (" + c.method() + ")"
                    : "unparseable (" + ((Extraction.Unparseable) e).reason() + ")").append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes a file on the writer thread, off the JUnit thread. Results and attachments are written in place, a result
     * after its attachments (same thread), so a result's attachments exist when it does; the run-wide files
     * ({@code categories.json} …) are renamed into place.
     */
    private void write(String name, String content) {
        if (writeFailure.get() != null) {
            return; // one failure is reported; the files after it are not tried (a full disk stays full)
        }
        written.add(name);
        writer.execute(() -> {
            if (writeFailure.get() != null) {
                return;
            }
            Path file = dir.resolve(name);
            boolean inPlace = name.endsWith("-result.json") || name.endsWith("-attachment.txt");
            Path target = inPlace ? file : dir.resolve(name + ".tmp");
            try {
                if (inPlace) {
                    overwrite(file, content.getBytes(StandardCharsets.UTF_8));
                } else {
                    Files.writeString(target, content, StandardCharsets.UTF_8);
                    Files.move(target, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                String why = file + ": cannot write the Allure result (" + dev.clp.suite.SuiteWriter.reason(e) + ")";
                try {
                    // a file cut short (or left empty) by a full disk would be a broken result in the report
                    Files.deleteIfExists(target);
                } catch (IOException d) {
                    why += "; the partial file " + target + " could not be removed either ("
                            + dev.clp.suite.SuiteWriter.reason(d) + ")";
                }
                fail(why);
            }
        });
    }

    private void fail(String why) {
        writeFailure.compareAndSet(null, why);
    }

    /**
     * The first write that failed, with its path and reason, or empty. Writing never throws: a failed write is
     * reported by the caller once, as its own failure, and no pair or gate errors because of it.
     */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(writeFailure.get());
    }

    /**
     * Writes a file in place: an earlier run's file is overwritten from its start and then cut to the new length, not
     * replaced (renaming over it would free an inode and allocate another for every file of a rerun) and not truncated
     * to zero first (ext4 flushes a file truncated to zero and rewritten when it is closed, its {@code auto_da_alloc}
     * safeguard: 8,000 such rewrites took 0.3-1.9 s on this project's machines, 0.15 s without the truncation).
     */
    private static void overwrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.truncate(bytes.length);
        }
    }

    /** Waits for every queued file; a failure is kept for {@link #failure}. */
    private void drain() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)) {
                fail(dir + ": Allure results still being written after 5 min");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(dir + ": interrupted while the Allure results were written");
        }
    }

    private static String escapeProperty(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '=', ':' -> sb.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> sb.append(key ? "\\ " : " ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
