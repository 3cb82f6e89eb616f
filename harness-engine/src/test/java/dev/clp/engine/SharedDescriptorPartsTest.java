package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * JUnit keeps a test identifier per pair for the whole run (the launcher's test plan): what is the same for every pair
 * of a language is one object, not one per pair (issue 17.3: memory grows with concurrency, not with pairs). The
 * tags are shared {@link TestTag}s and the sources share the language file's one canonical {@link java.io.File}; the
 * line each source points at, the tag names and the display names stay what they were.
 */
class SharedDescriptorPartsTest {

    @TempDir
    Path tmp;

    private final Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false).addTestEngines(new ClpTestEngine(Map.of())).build());

    private List<TestIdentifier> pairs() {
        Path suite = SuiteFixtures.suite(tmp.resolve("suite"), "shared", 4, "sw");
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(suite.toFile()))
                .configurationParameters(Map.of("clp.model", "openai:m", "clp.endpoint", "http://127.0.0.1:9/v1",
                        "clp.cache", "off", "clp.progress", "off"))
                .build());
        List<TestIdentifier> out = new java.util.ArrayList<>();
        plan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier id) {
                if (id.getUniqueIdObject().getLastSegment().getType().equals(PairDescriptor.SEGMENT)) {
                    out.add(id);
                }
            }
        });
        assertThat(out).hasSize(4);
        return out;
    }

    @Test
    void pairsOfOneLanguageShareTheirTags() {
        List<TestIdentifier> pairs = pairs();
        List<TestTag> first = List.copyOf(pairs.get(0).getTags());
        assertThat(first).extracting(TestTag::getName).containsExactly("lang:sw", "source:fixture",
                "subject:general_knowledge");
        for (TestIdentifier p : pairs) {
            List<TestTag> tags = List.copyOf(p.getTags());
            assertThat(tags).hasSize(first.size());
            for (int i = 0; i < tags.size(); i++) {
                assertThat(tags.get(i)).isSameAs(first.get(i));
            }
        }
    }

    @Test
    void pairsOfOneFileShareItsFileAndKeepTheirLines() {
        List<TestIdentifier> pairs = pairs();
        FileSource first = (FileSource) pairs.get(0).getSource().orElseThrow();
        for (int i = 0; i < pairs.size(); i++) {
            FileSource s = (FileSource) pairs.get(i).getSource().orElseThrow();
            assertThat(s.getFile()).isSameAs(first.getFile());
            assertThat(s.getFile().getName()).isEqualTo("pairs-sw.jsonl");
            assertThat(s.getFile().isAbsolute()).isTrue();
            assertThat(s.getPosition()).contains(FilePosition.from(i + 1));
        }
    }
}
