package dev.clp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.clp.model.ModelClients;
import dev.clp.model.spi.ModelProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator stays out of the real path and providers are reached only through the SPI. Each rule is also
 * evaluated against a class in {@code dev.clp.archfixtures} that breaks it, so that a rule that can no longer fail is
 * noticed.
 */
class ProvidersArchitectureTest {

    /** The packages of the providers a run reaches through {@code ModelProvider}. */
    static final String[] PROVIDERS = {"dev.clp.model.openai..", "dev.clp.model.anthropic.."};

    static final ArchRule NOTHING_OUTSIDE_THE_SIMULATOR_DEPENDS_ON_IT = noClasses()
            .that().resideOutsideOfPackage("dev.clp.sim..")
            .should().dependOnClassesThat().resideInAPackage("dev.clp.sim..")
            .because("the simulator is one provider among others: engine, scoring and model do not know it exists");

    static final ArchRule PROVIDERS_ARE_REACHED_ONLY_THROUGH_THE_SPI = noClasses()
            .that().resideOutsideOfPackages(PROVIDERS)
            .should().dependOnClassesThat().resideInAnyPackage(PROVIDERS)
            .because("ModelClients finds providers through ServiceLoader; the engine does not build clients itself");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clp");

    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages("dev.clp.archfixtures");

    /**
     * "sim" as a word ({@code sim:default}) or "simulat…" ({@code simulated}, {@code simulator}), in code, strings or
     * comments: the HTTP providers' dependencies on the simulator are {@link #NOTHING_OUTSIDE_THE_SIMULATOR_DEPENDS_ON_IT}'s
     * business, this catches a header name or a prefix check written as a string.
     */
    private static final Pattern MENTION = Pattern.compile("(?i)\\bsim\\b|simulat");

    /** Where a source tree mentions the simulator, as {@code file:line: text}. */
    static List<String> mentionsOfTheSimulator(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MENTION.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Nested
    class Holds {
        @Test
        void nothingOutsideTheSimulatorDependsOnIt() {
            NOTHING_OUTSIDE_THE_SIMULATOR_DEPENDS_ON_IT.check(MAIN);
        }

        @Test
        void theEngineReachesProvidersOnlyThroughTheSpi() {
            PROVIDERS_ARE_REACHED_ONLY_THROUGH_THE_SPI.check(MAIN);
        }

        @Test
        void noFileOfTheHttpProvidersMentionsTheSimulator() {
            Path model = Path.of("src/main/java/dev/clp/model");
            List<String> mentions = new ArrayList<>();
            for (String pkg : new String[] {"openai", "anthropic", "http"}) {
                assertThat(model.resolve(pkg)).isDirectory();
                mentions.addAll(mentionsOfTheSimulator(model.resolve(pkg)));
            }
            assertThat(mentions).isEmpty();
        }

        @Test
        void everyProviderClassIsListedForTheServiceLoader() {
            List<String> implementations = MAIN.stream().filter(c -> c.isAssignableTo(ModelProvider.class))
                    .filter(c -> !c.isInterface()).map(JavaClass::getName).sorted().toList();
            List<String> loaded = ModelClients.providers().values().stream().map(p -> p.getClass().getName())
                    .filter(n -> !n.startsWith("dev.clp.plugin.")).sorted().toList();
            assertThat(implementations).hasSize(4).isEqualTo(loaded);
            classes().that().implement(ModelProvider.class).should().bePublic().check(MAIN);
        }
    }

    @Nested
    class FailsWhenBroken {
        @Test
        void aClassOutsideTheSimulatorThatUsesAProfile() {
            assertThat(NOTHING_OUTSIDE_THE_SIMULATOR_DEPENDS_ON_IT.evaluate(BROKEN).getFailureReport().getDetails())
                    .anyMatch(d -> d.contains("EngineThatKnowsTheSimulator") && d.contains("dev.clp.sim.SimProfile"));
        }

        @Test
        void aClassThatBuildsAnHttpClientItself() {
            assertThat(PROVIDERS_ARE_REACHED_ONLY_THROUGH_THE_SPI.evaluate(BROKEN).getFailureReport().getDetails())
                    .anyMatch(d -> d.contains("EngineThatBuildsItsOwnClient") && d.contains("OpenAiChatClient"));
        }

        @Test
        void aProviderSourceThatMentionsTheSimulator(@TempDir Path tmp) throws IOException {
            Path pkg = Files.createDirectories(tmp.resolve("openai"));
            Files.writeString(pkg.resolve("Client.java"), """
                    package x;
                    final class Client {
                        static final String HEADER = "x-clp-simulated";
                        // a similar, simple, maximal comment is fine
                        boolean simulated;
                        String model = "sim:default";
                    }
                    """);
            assertThat(mentionsOfTheSimulator(tmp)).containsExactly(
                    "openai/Client.java:3: static final String HEADER = \"x-clp-simulated\";",
                    "openai/Client.java:5: boolean simulated;",
                    "openai/Client.java:6: String model = \"sim:default\";");
        }
    }
}
