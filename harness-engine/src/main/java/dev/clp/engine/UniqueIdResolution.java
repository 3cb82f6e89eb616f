package dev.clp.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.clp.config.ClpConfig;
import dev.clp.scoring.GateResult;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver.Context;
import org.junit.platform.engine.support.discovery.SelectorResolver.Match;
import org.junit.platform.engine.support.discovery.SelectorResolver.Resolution;

/**
 * {@code [engine:clp]/[suite:<id>]/[lang:<tag>]/[pair|gate|problem:<value>]}: finds the suite under
 * {@code clp.suites} and makes the selected descriptor through the same factory as every other selector.
 */
final class UniqueIdResolution {

    private final ClpConfig config;
    private final SuiteFiles files;
    private final DescriptorFactory descriptors;
    private final ClpSelectorResolver paths;

    UniqueIdResolution(ClpConfig config, SuiteFiles files, DescriptorFactory descriptors, ClpSelectorResolver paths) {
        this.config = config;
        this.files = files;
        this.descriptors = descriptors;
        this.paths = paths;
    }

    Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        int suiteAt = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (SuiteDescriptor.SEGMENT.equals(segments.get(i).getType())) {
                suiteAt = i;
                break;
            }
        }
        if (suiteAt < 0) {
            return Resolution.unresolved();
        }
        String suiteId = segments.get(suiteAt).getValue();
        Optional<Path> dir = files.findSuiteById(suiteId);
        if (dir.isEmpty()) {
            files.issues().reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING,
                    "no suite with id '" + suiteId + "' under " + config.suiteRoots()
                            + " (clp.suites); cannot resolve " + id));
            return Resolution.unresolved();
        }
        if (segments.size() == suiteAt + 1) {
            return paths.resolveSuite(dir.get(), context);
        }
        UniqueId.Segment langSeg = segments.get(suiteAt + 1);
        if (!LanguageDescriptor.SEGMENT.equals(langSeg.getType())) {
            return Resolution.unresolved();
        }
        Path file = dir.get().resolve(Suite.pairsFileName(langSeg.getValue()));
        if (segments.size() == suiteAt + 2) {
            return paths.resolveFile(file, context);
        }
        UniqueId langUid = id.removeLastSegment();
        UniqueId.Segment leaf = segments.get(suiteAt + 2);
        PairsFile lf = files.parse(file);
        String sid = files.suiteIdOf(dir.get());
        Optional<TestDescriptor> created = switch (leaf.getType()) {
            case PairDescriptor.SEGMENT -> descriptors.findPair(lf, leaf.getValue()).flatMap(pair ->
                    context.addToParent(() -> selectUniqueId(langUid),
                            parent -> {
                                if (parent instanceof LanguageDescriptor ld) {
                                    descriptors.knowFile(ld, lf);
                                }
                                return Optional.of(descriptors.pair(parent.getUniqueId(), pair, sid, lf));
                            }));
            case GateDescriptor.SEGMENT -> descriptors.selectedGate(leaf.getValue(), id).flatMap(kind -> gate(context,
                    langUid, lf, sid, langSeg.getValue(), file, kind));
            case ProblemDescriptor.SEGMENT -> {
                List<SuiteProblem> onLine = lf.problems().stream()
                        .filter(p -> String.valueOf(p.line()).equals(leaf.getValue())).toList();
                yield onLine.isEmpty() ? Optional.empty() : context.addToParent(() -> selectUniqueId(langUid),
                        parent -> Optional.of(descriptors.problem(parent.getUniqueId().append(
                                ProblemDescriptor.SEGMENT, leaf.getValue()), onLine, langSeg.getValue())));
            }
            default -> Optional.empty();
        };
        return created.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    private Optional<TestDescriptor> gate(Context context, UniqueId langUid, PairsFile lf, String sid,
            String lang, Path file, GateResult.Kind kind) {
        return context.addToParent(() -> selectUniqueId(langUid), parent -> {
            if (parent instanceof LanguageDescriptor ld && ld.pairsOfFile().isEmpty()) {
                // selected alone, the gate still decides from every pair of its language
                ld.pairsOfFile(descriptors.pairsOf(ld, lf, sid));
            }
            if (parent instanceof LanguageDescriptor ld) {
                descriptors.knowFile(ld, lf);
            }
            return Optional.of(descriptors.gate(parent.getUniqueId(), sid, lang, file, kind));
        });
    }
}
