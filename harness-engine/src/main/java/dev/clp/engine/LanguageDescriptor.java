package dev.clp.engine;

import dev.clp.config.ClpConstants;
import dev.clp.suite.Languages;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** {@code [lang:<tag>]}: one pairs file of a suite. Skipped, with the key named, when clp.languages excludes it. */
final class LanguageDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "lang";

    private final String lang;
    private final Path file;

    LanguageDescriptor(UniqueId uniqueId, String lang, Path file) {
        super(uniqueId, lang + " · " + Languages.name(lang), Sources.file(file, 0));
        this.lang = lang;
        this.file = file;
    }

    String lang() {
        return lang;
    }

    /** Every pair of the file, also those a filter removed from the tree: what the language's gates decide from. */
    private List<PairDescriptor> pairsOfFile = List.of();

    List<PairDescriptor> pairsOfFile() {
        return pairsOfFile;
    }

    void pairsOfFile(List<PairDescriptor> pairs) {
        pairsOfFile = List.copyOf(pairs);
    }

    /** Every pair the file holds, also those of other shards: what an in-process stand-in knows (RunPlan). */
    private List<dev.clp.suite.Pair> filePairs = List.of();

    List<dev.clp.suite.Pair> filePairs() {
        return filePairs;
    }

    void filePairs(List<dev.clp.suite.Pair> pairs) {
        filePairs = pairs;
    }

    Path file() {
        return file;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Set.of(Tags.lang(lang));
    }

    @Override
    public SkipResult shouldBeSkipped(ClpExecutionContext context) {
        if (context.config().includesLanguage(lang)) {
            return SkipResult.doNotSkip();
        }
        return SkipResult.skip(ClpConstants.LANGUAGES + "=" + String.join(",", context.config().languages())
                + " does not include " + lang);
    }
}
