package dev.clp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How answers are stated, per language, read from {@code answer-languages.json} beside this class: answer words,
 * option nouns, what calls a letter right or wrong, negations, conclusion and self-correction markers, hedges,
 * connectors, native option labels, glued prefixes and noun-class prefixes. A new language is a new entry there.
 * Words are folded ({@link #fold}) and lower-cased once here, so they compare with a folded answer.
 */
final class AnswerLanguages {

    /** One kind of marker, every language's words merged (answers come in other languages than the prompt's). */
    enum Kind {
        ANSWER("answer"), OPTION("option"), CORRECT("correct"), WRONG("wrong"), NOT("not"), CONCLUDE("conclude"),
        RETRACT("retract"), HEDGE("hedge"), OR("or"), NONE("none"), REFUSE("refuse"),
        /** A hedge written after the letter it hedges (Korean "A일 수도", Japanese "Aかもしれない"). */
        HEDGE_AFTER("hedgeAfter"),
        /** A condition opening the sentence of an answer ("if", "אם", "如果"): the answer holds only under it. */
        CONDITION("condition"),
        /**
         * A marker of an unreal condition or its consequence ("would have been", "якби", "ቢሆን ኖሮ", "ibizoba"): a
         * letter named under it is not chosen.
         */
        COUNTERFACTUAL("counterfactual"),
        /** A word that names a thing by a letter beside it (vitamin C, antigen A, A抗原): that letter is no label. */
        NAME("names"),
        /** A free-standing article before an ordinal answered alone or a letter ("la troisième", "the last one", "non la B"). */
        ARTICLE_BEFORE("articleBefore"),
        /** A word standing for the option after an ordinal answered alone ("the last one", তৃতীয়টি, "die dritte Antwort"). */
        ORDINAL_ONE("ordinalOne"),
        /** Words of {@code correct} that are only a copula (입니다, です, ነው): "the third is" does not call it right. */
        COPULA("copula"),
        /**
         * An indefinite article or a word for "another" before an ordinal ("a second option", "eine zweite
         * Möglichkeit", "un'altra"): the ordinal counts, it names no option.
         */
        INDEFINITE("indefinite"),
        /**
         * A word for "other" before or after an option noun ("the other options", "ほかの選択肢", "machaguo mengine"):
         * what follows names the options not chosen, so it states no answer.
         */
        OTHERS("others"),
        /**
         * A word joining two letters as the ends of a range ("A to D", "von A bis D", "من A إلى D", "AからD"): the
         * range names a set of options, neither end is stated.
         */
        RANGE("range"),
        /**
         * A hedge that reports an earlier thought ("at first", "avevo pensato", "一开始", "最初は", "kọ́kọ́"): a letter
         * under it is offered as what the answer first thought, and a later letter in another sentence overrides it,
         * hedged or not. Its words are hedges too.
         */
        INITIAL("initially"),
        /**
         * A word for "rather" before a letter that a word for "than" and another letter follow ("Más bien A que C",
         * "Eher D als B"): the first letter is preferred, the second set aside.
         */
        RATHER("rather"),
        /** The word for "than" between the two letters of {@link #RATHER}. */
        THAN("than"),
        /**
         * A phrase that holds a conclusion word without concluding ("之所以 … 是因为", the reason why … is): the
         * option after it is explained, not chosen.
         */
        NOT_CONCLUSION("notConclusion"),
        /**
         * Saying one is not sure ("no estoy seguro", "sina uhakika", "확실하지 않습니다"): in a sentence of its own after the
         * last stated answer, with none after it, the answer is taken back; in the answer's own sentence it is a hedge.
         */
        UNSURE("unsure"),
        /** Words that make {@link #UNSURE} a hedge ("not entirely sure", "পুরোপুরি নিশ্চিত নই", "sina uhakika kamili"). */
        NOT_FULLY("notFully"),
        /**
         * Words opening a clause that a phrase of {@link #UNSURE} is about ("not sure why …", "nicht sicher, ob …",
         * "sina uhakika kama …"): then it is not about the answer.
         */
        ABOUT_CLAUSE("aboutClause"),
        /**
         * Words of contrast or concession ("but", "however", "while", "aber", "但是", "하지만", "lakini"): an option's
         * text after one, beside another option's text before it, leaves which of the two is given to the question.
         */
        CONTRAST("contrast"),
        /**
         * Words that end a statement as a question seeking agreement ("C, right?", "C, oder?", "是 C，对吧？", "Cですよね？",
         * "Ni C, sivyo?"): the letter before them is stated, not asked.
         */
        TAG("tagQuestion"),
        /** Words that answer a question yes ("Is it C? Yes.", "是 C 吗？对。", "¿Es la C? Exacto."): the letter asked is stated. */
        AFFIRM("affirm"),
        /** Words that answer a question no ("Melbourne? No, …", "是墨尔本吗？不是", "멜버른인가? 아니요"): what was asked is set aside. */
        DENY("deny"),
        /**
         * Words that give what other people think or pick ("many think", "viele glauben", "很多人以为", "多くの人が",
         * "watu wengi"): an option named in their clause is their belief, not the reply's answer.
         */
        OTHERS_THINK("othersThink");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The native option labels of one language: each list is one series, in order A, B, C ... */
    record Labels(List<List<String>> series) {
    }

    private static final Map<Kind, List<String>> WORDS = new HashMap<>();
    private static final Map<String, Labels> LABELS = new HashMap<>();
    private static final List<List<String>> GLOBAL_LABELS = new ArrayList<>();
    /** The language whose native labels are written in a script (Cyrillic: uk), from the labels' data. */
    private static final Map<Character.UnicodeScript, String> SCRIPT_LABELS = new HashMap<>();
    private static final List<String> GLUE = new ArrayList<>();
    private static final List<String> LIST_MARKS = new ArrayList<>();
    private static final Map<String, List<String>> NOUN_PREFIXES = new HashMap<>();
    private static final Map<String, Set<String>> LETTER_WORDS = new HashMap<>();
    private static final Map<String, List<String>> LETTER_PHRASES = new HashMap<>();
    private static final Map<Character, Character> LOOKALIKES = new HashMap<>();
    private static final Map<String, Numbers> NUMBERS = new HashMap<>();
    private static final Map<String, List<String>> PARTICLES = new HashMap<>();
    private static final Map<String, List<String>> LABEL_JOIN = new HashMap<>();
    private static final Map<String, List<String>> ARTICLES = new HashMap<>();
    /** What {@link #ordinal} gives for a word for "last" ("last", 最后一个, "la mwisho"): the last option. */
    static final int LAST = -1;

    /** Every language's ordinal words (first … fourth), folded, lower case, to the option index they name. */
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    /** The same for languages that write the ordinal after the option noun ("chaguo la tatu", "האפשרות השלישית"). */
    private static final Map<String, Integer> ORDINALS_AFTER = new HashMap<>();

    static {
        JsonNode root;
        try (InputStream in = AnswerLanguages.class.getResourceAsStream("answer-languages.json")) {
            if (in == null) {
                throw new IllegalStateException("answer-languages.json is missing beside " + AnswerLanguages.class.getName());
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("answer-languages.json: " + e.getMessage(), e);
        }
        Map<Kind, Set<String>> words = new HashMap<>();
        for (Kind k : Kind.values()) {
            words.put(k, new LinkedHashSet<>());
        }
        for (Map.Entry<String, JsonNode> lang : root.properties()) {
            if (lang.getKey().startsWith("_")) {
                continue;
            }
            JsonNode node = lang.getValue();
            for (Kind k : Kind.values()) {
                node.path(k.key).forEach(w -> words.get(k).add(fold(w.asText()).toLowerCase(Locale.ROOT)));
            }
            List<List<String>> series = new ArrayList<>();
            node.path("labels").forEach(s -> {
                List<String> one = new ArrayList<>();
                s.forEach(l -> one.add(l.asText()));
                series.add(List.copyOf(one));
            });
            if (lang.getKey().equals("*")) {
                GLOBAL_LABELS.addAll(series);
            } else if (!series.isEmpty()) {
                LABELS.put(lang.getKey(), new Labels(List.copyOf(series)));
                for (List<String> one : series) {
                    for (String label : one) {
                        Character.UnicodeScript script = Character.UnicodeScript.of(label.codePointAt(0));
                        if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON) {
                            SCRIPT_LABELS.putIfAbsent(script, lang.getKey());
                        }
                    }
                }
            }
            node.path("glue").forEach(g -> GLUE.add(g.asText()));
            node.path("listMarks").forEach(g -> LIST_MARKS.add(g.asText()));
            for (Map.Entry<String, JsonNode> l : node.path("lookalikes").properties()) {
                LOOKALIKES.put(l.getKey().charAt(0), l.getValue().asText().charAt(0));
            }
            Set<String> letterWords = new LinkedHashSet<>();
            node.path("letterWords").forEach(w -> letterWords.add(w.asText()));
            LETTER_WORDS.put(lang.getKey(), Set.copyOf(letterWords));
            List<String> letterPhrases = longestFirst(node.path("letterPhrases"));
            if (!letterPhrases.isEmpty()) {
                LETTER_PHRASES.put(lang.getKey(), letterPhrases);
            }
            List<String> particles = new ArrayList<>();
            node.path("particles").forEach(p -> particles.add(p.asText()));
            if (!particles.isEmpty()) {
                particles.sort(Comparator.comparingInt(String::length).reversed());
                PARTICLES.put(lang.getKey(), List.copyOf(particles));
            }
            ARTICLES.put(lang.getKey(), longestFirst(node.path("articles")));
            LABEL_JOIN.put(lang.getKey(), longestFirst(node.path("labelJoin")));
            for (boolean after : new boolean[] {false, true}) {
                JsonNode ordinals = node.path(after ? "ordinalsAfter" : "ordinals");
                Map<String, Integer> into = after ? ORDINALS_AFTER : ORDINALS;
                // the forms for "last" ({@code last} / {@code lastAfter}) come after the numbered ones, as LAST
                for (int i = 0; i <= ordinals.size(); i++) {
                    final int index = i < ordinals.size() ? i : LAST;
                    JsonNode forms = i < ordinals.size() ? ordinals.get(i) : node.path(after ? "lastAfter" : "last");
                    forms.forEach(w -> {
                        String form = fold(w.asText()).toLowerCase(Locale.ROOT);
                        Integer before = into.putIfAbsent(form, index);
                        if (before != null && before != index) {
                            throw new IllegalStateException("answer-languages.json: the ordinal '" + w.asText()
                                    + "' (" + lang.getKey() + ") names option " + optionName(index) + " here and option "
                                    + optionName(before) + " in another language");
                        }
                    });
                }
            }
            Numbers numbers = Numbers.read(lang.getKey(), node);
            if (numbers != null) {
                NUMBERS.put(lang.getKey(), numbers);
            }
            List<String> prefixes = new ArrayList<>();
            node.path("nounPrefixes").forEach(p -> prefixes.add(p.asText()));
            if (!prefixes.isEmpty()) {
                prefixes.sort(Comparator.comparingInt(String::length).reversed());
                NOUN_PREFIXES.put(lang.getKey(), List.copyOf(prefixes));
            }
        }
        words.get(Kind.HEDGE).addAll(words.get(Kind.INITIAL));
        for (Kind k : Kind.values()) {
            List<String> list = new ArrayList<>(words.get(k));
            list.removeIf(String::isBlank);
            // longest first: "is not" is read before "is", "si sahihi" before "sahihi"
            list.sort(Comparator.comparingInt(String::length).reversed());
            WORDS.put(k, List.copyOf(list));
        }
    }

    private static final Map<Kind, Lexicon> LEXICONS = new HashMap<>();
    private static final Lexicon ORDINAL_LEXICON;
    private static final Lexicon ORDINAL_AFTER_LEXICON;

    static {
        for (Kind k : Kind.values()) {
            LEXICONS.put(k, new Lexicon(WORDS.get(k)));
        }
        ORDINAL_LEXICON = new Lexicon(longestFirst(ORDINALS.keySet()));
        ORDINAL_AFTER_LEXICON = new Lexicon(longestFirst(ORDINALS_AFTER.keySet()));
    }

    private AnswerLanguages() {
    }

    private static List<String> longestFirst(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(p -> out.add(fold(p.asText()).toLowerCase(Locale.ROOT)));
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }

    /**
     * The definite article written glued to a noun ({@code articles}: Hebrew ה, Arabic ال), longest first: an answer
     * adds it to or drops it from an option's text ("הצ'יטה" for "צ'יטה", "الفول" for "فول", "حمص" for "الحمص").
     * Prepositions glued the same way (ב, ל, بال) are not added: "לטלגרף" names a thing in an explanation.
     */
    static List<String> articles(String lang) {
        return ARTICLES.getOrDefault(lang, List.of());
    }

    /** The words of one kind indexed by their first character, longest first: a few comparisons per position. */
    static final class Lexicon {
        private final char[] firsts;
        private final String[][] buckets;

        Lexicon(List<String> words) {
            java.util.TreeMap<Character, List<String>> lists = new java.util.TreeMap<>();
            for (String w : words) {
                lists.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
            }
            firsts = new char[lists.size()];
            buckets = new String[lists.size()][];
            int i = 0;
            for (Map.Entry<Character, List<String>> e : lists.entrySet()) {
                firsts[i] = e.getKey();
                buckets[i++] = e.getValue().toArray(String[]::new);
            }
        }

        /** The longest word starting at {@code at} in {@code s}, or null. */
        String at(String s, int at) {
            return at(s, at, w -> true);
        }

        /** The longest word starting at {@code at} in {@code s} that {@code ok} accepts, or null. */
        String at(String s, int at, java.util.function.Predicate<String> ok) {
            int b = java.util.Arrays.binarySearch(firsts, s.charAt(at));
            if (b >= 0) {
                for (String w : buckets[b]) {
                    if (s.startsWith(w, at) && ok.test(w)) {
                        return w;
                    }
                }
            }
            return null;
        }

        /** The longest word {@code s} ends with, starting on a word boundary, or null. */
        String endOf(String s) {
            for (int at = Math.max(0, s.length() - 24); at < s.length(); at++) {
                String w = at(s, at);
                if (w != null && at + w.length() == s.length()
                        && (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) || !Character.isLetterOrDigit(w.charAt(0))
                                || Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.HAN)) {
                    return w;
                }
            }
            return null;
        }
    }

    /** Words of several kinds in one lexicon, each word tagged with the first of the kinds that has it. */
    static final class Tagged {
        final Lexicon lexicon;
        private final Map<String, Kind> kinds = new HashMap<>();

        Tagged(List<Kind> order) {
            List<String> all = new ArrayList<>();
            for (Kind k : order) {
                for (String w : WORDS.get(k)) {
                    if (kinds.putIfAbsent(w, k) == null) {
                        all.add(w);
                    }
                }
            }
            all.sort(Comparator.comparingInt(String::length).reversed());
            lexicon = new Lexicon(all);
        }

        Kind kind(String word) {
            return kinds.get(word);
        }
    }

    /** Every language's words of one kind, as a lexicon. */
    static Lexicon lexicon(Kind kind) {
        return LEXICONS.get(kind);
    }

    private static List<String> longestFirst(Set<String> words) {
        List<String> out = new ArrayList<>(words);
        out.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /**
     * Every language's ordinal words for the first options, one list of forms per option in order, as a lexicon:
     * written before the option noun ({@code ordinals}: "third", "第三个", "세 번째", "तीसरा") or after it
     * ({@code ordinalsAfter}: "la tatu", "השלישית", "الثالث"); {@link #ordinal} gives the index a form names.
     */
    static Lexicon ordinals(boolean afterNoun) {
        return afterNoun ? ORDINAL_AFTER_LEXICON : ORDINAL_LEXICON;
    }

    private static String optionName(int index) {
        return index == LAST ? "'last'" : String.valueOf(index + 1);
    }

    /** The option index (0 for the first) an ordinal form from {@link #ordinals} names, or {@link #LAST}. */
    static int ordinal(String form, boolean afterNoun) {
        return (afterNoun ? ORDINALS_AFTER : ORDINALS).get(form);
    }

    /** Every language's words of one kind, folded, lower case, longest first. */
    static List<String> words(Kind kind) {
        return WORDS.get(kind);
    }

    /**
     * The language whose labels a reply uses: the prompt's, unless most of the reply's letters are of a script in
     * which another language writes its labels ("Правильна відповідь — Б." to a Hebrew prompt reads Ukrainian
     * labels). Han counts as Japanese when the reply has kana.
     */
    static String labelLanguage(String lang, String reply) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        boolean kana = false;
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
                counts.merge(script, 1, Integer::sum);
            }
        }
        if (kana) {
            int han = counts.getOrDefault(Character.UnicodeScript.HAN, 0);
            counts.remove(Character.UnicodeScript.HAN);
            counts.merge(Character.UnicodeScript.KATAKANA, han + counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0),
                    Integer::sum);
            counts.remove(Character.UnicodeScript.HIRAGANA);
        }
        Character.UnicodeScript top = null;
        int best = 0;
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                top = e.getKey();
            }
        }
        String other = top == null ? null : SCRIPT_LABELS.get(top);
        if (other == null || other.equals(lang) || best < 4) {
            return lang;
        }
        for (List<String> one : LABELS.getOrDefault(lang, new Labels(List.of())).series()) {
            for (String label : one) {
                if (Character.UnicodeScript.of(label.codePointAt(0)) == top) {
                    return lang; // the prompt's language writes labels in that script too (ja and zh: Han)
                }
            }
        }
        return other;
    }

    /** The native label series of a language (none for most), then the ones every language shares (①, ❶ ...). */
    static List<List<String>> labels(String lang) {
        Labels own = LABELS.get(lang);
        List<List<String>> all = new ArrayList<>(own == null ? List.of() : own.series());
        all.addAll(GLOBAL_LABELS);
        return all;
    }

    /** Letters of other scripts that look like Latin option letters (Cyrillic С for C), where no label means them. */
    static Map<Character, Character> lookalikes() {
        return LOOKALIKES;
    }

    /**
     * How one language writes small numbers in words, so that an option "3" is found in "three hearts", "三颗",
     * "mitatu" or "ezintathu": number words ({@code numbers}: value → forms), prefixes they take
     * ({@code numberPrefixes}: Swahili and Zulu agreement), numeral characters composed by units
     * ({@code numerals}, {@code numberUnits}: 三百六十六, ፫፻፷፮), the counters a numeral must be followed by
     * ({@code numberCounters}: 三颗, 세 개), what must not come before it ({@code numberNotAfter}: 第三 is "third")
     * and the numerals or words that alone are an article, not a count ({@code numberNotAlone}: 一个 is "a", 한 and
     * "one" count only inside 스물한 and "twenty-one"); tens and a unit compose into one word as {@code numberJoin}
     * says ("" for 스물한, "-" for "twenty-one").
     */
    record Numbers(Map<String, Integer> words, List<String> prefixes, Map<Character, Integer> numerals,
            Map<Character, Integer> units, List<String> counters, List<String> notAfter, List<String> notAlone) {

        static Numbers read(String lang, JsonNode node) {
            Map<String, Integer> words = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : node.path("numbers").properties()) {
                int value = Integer.parseInt(e.getKey());
                e.getValue().forEach(w -> words.put(fold(w.asText()).toLowerCase(Locale.ROOT), value));
            }
            Map<Character, Integer> numerals = characters(lang, node.path("numerals"));
            Map<Character, Integer> units = characters(lang, node.path("numberUnits"));
            if (words.isEmpty() && numerals.isEmpty()) {
                return null;
            }
            List<String> prefixes = new ArrayList<>();
            node.path("numberPrefixes").forEach(p -> prefixes.add(fold(p.asText()).toLowerCase(Locale.ROOT)));
            prefixes.sort(Comparator.comparingInt(String::length).reversed());
            List<String> counters = new ArrayList<>();
            node.path("numberCounters").forEach(c -> counters.add(c.asText()));
            counters.sort(Comparator.comparingInt(String::length).reversed());
            List<String> notAfter = new ArrayList<>();
            node.path("numberNotAfter").forEach(c -> notAfter.add(c.asText()));
            List<String> notAlone = new ArrayList<>();
            node.path("numberNotAlone").forEach(c -> notAlone.add(c.asText()));
            // tens and a unit written as one word ("스물한", 21; "twenty-one"), joined as the data says
            List<String> joins = new ArrayList<>();
            node.path("numberJoin").forEach(j -> joins.add(j.asText()));
            if (!joins.isEmpty()) {
                Map<String, Integer> composed = new HashMap<>();
                for (Map.Entry<String, Integer> tens : words.entrySet()) {
                    if (tens.getValue() < 10 || tens.getValue() % 10 != 0) {
                        continue;
                    }
                    for (Map.Entry<String, Integer> unit : words.entrySet()) {
                        if (unit.getValue() >= 1 && unit.getValue() <= 9) {
                            for (String join : joins) {
                                composed.putIfAbsent(tens.getKey() + join + unit.getKey(), tens.getValue() + unit.getValue());
                            }
                        }
                    }
                }
                composed.forEach(words::putIfAbsent);
            }
            return new Numbers(Map.copyOf(words), List.copyOf(prefixes), Map.copyOf(numerals), Map.copyOf(units),
                    List.copyOf(counters), List.copyOf(notAfter), List.copyOf(notAlone));
        }

        private static Map<Character, Integer> characters(String lang, JsonNode node) {
            Map<Character, Integer> out = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().length() != 1 || !e.getValue().canConvertToInt()) {
                    throw new IllegalStateException("answer-languages.json, language '" + lang + "': numeral '"
                            + e.getKey() + "' must be one character with an integer value");
                }
                out.put(e.getKey().charAt(0), e.getValue().asInt());
            }
            return out;
        }
    }

    /**
     * The particles and endings written glued after a noun ({@code particles}: Korean 은, 이, 입니다): a
     * one-syllable option (불, 은) is found only before one of them, not inside a longer word (금속).
     */
    static List<String> particles(String lang) {
        return PARTICLES.getOrDefault(lang, List.of());
    }

    /**
     * The words written glued between an answer word and a native label where words are not spaced ({@code labelJoin}:
     * 是 in 答案是乙, 은 in 정답은 라입니다), longest first.
     */
    static List<String> labelJoin(String lang) {
        return LABEL_JOIN.getOrDefault(lang, List.of());
    }

    /** How a language writes numbers in words, or null when the data gives none. */
    static Numbers numbers(String lang) {
        return NUMBERS.get(lang);
    }

    /** Option letters that are also words in the language or in every language ("*"): the article A, Ukrainian В. */
    static boolean isLetterWord(String lang, String letter) {
        return LETTER_WORDS.getOrDefault("*", Set.of()).contains(letter)
                || LETTER_WORDS.getOrDefault(lang, Set.of()).contains(letter);
    }

    /**
     * Phrases that open with a letter that is a word in the language (Yoruba "a ní láti", we have to), folded and
     * lower case, longest first: the letter there is the word, never a label.
     */
    static List<String> letterPhrases(String lang) {
        return LETTER_PHRASES.getOrDefault(lang, List.of());
    }

    /** Prefixes written glued to a letter ("nguB"): split off before letters are read. */
    /** What may follow a number that labels a re-listed option instead of punctuation (Korean "1번 수성"). */
    static List<String> listMarks() {
        return List.copyOf(LIST_MARKS);
    }

    static List<String> glue() {
        return GLUE;
    }

    /** Lower-case noun-class prefixes option text may carry in a language ("uJupiter"), longest first. */
    static List<String> nounPrefixes(String lang) {
        return NOUN_PREFIXES.getOrDefault(lang, List.of());
    }

    /**
     * Folds what writers drop: combining marks on Latin, Greek, Cyrillic, Arabic and Hebrew letters (Yoruba tone
     * marks, French accents, Arabic vowel signs) and digits of any script (٣٦٦, ৩৬৬ → 366). Marks of Indic and
     * other scripts, where they are letters, stay. Case is kept.
     */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        char base = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK && foldsMarks(base)) {
                continue;
            }
            if (c == '\u0901' || c == '\u0981') {
                // Devanagari and Bengali chandrabindu written as anusvara ("गेहूं" for "गेहूँ"): the same word
                c = (char) (c + 1);
            }
            if (type == Character.DECIMAL_DIGIT_NUMBER && (c < '0' || c > '9')) {
                int v = Character.digit(c, 10);
                if (v >= 0) {
                    sb.append((char) ('0' + v));
                    base = c;
                    continue;
                }
            }
            sb.append(c);
            if (type != Character.NON_SPACING_MARK) {
                base = c;
            }
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    private static boolean foldsMarks(char base) {
        if (base == 0) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(base);
        return s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.GREEK
                || s == Character.UnicodeScript.CYRILLIC || s == Character.UnicodeScript.ARABIC
                || s == Character.UnicodeScript.HEBREW;
    }
}
