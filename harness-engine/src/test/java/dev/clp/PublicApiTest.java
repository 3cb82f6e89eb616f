package dev.clp;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.clp.testing.ApiRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The marked API of harness-engine (issue 16): each rule holds here and fails on a class that breaks it. */
class PublicApiTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clp");

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("dev.clp.archfixture");

    @Nested
    class Holds {

        @Test
        void everyPublicTopLevelTypeOfHarnessEngineCarriesApiWithASince() {
            ApiRules.everyPublicTopLevelTypeCarriesApi().check(MAIN);
        }

        @Test
        void theSuiteModelAndScoringArePlainJava() {
            ApiRules.isPlainJava("dev.clp.suite..", "dev.clp.scoring..").check(MAIN);
        }
    }

    @Nested
    class Catches {

        @Test
        void aPublicTypeWithoutApiOrWithoutSinceByName() {
            EvaluationResult result = ApiRules.everyPublicTopLevelTypeCarriesApi()
                    .evaluate(FIXTURES.that(resideInAnyPackage("dev.clp.archfixture.unmarked..")));

            assertThat(result.getFailureReport().getDetails()).hasSize(2).anySatisfy(line -> assertThat(line)
                            .startsWith("dev.clp.archfixture.unmarked.Unmarked is public but carries no @API:")
                            .contains("or make it package-private").contains("(Unmarked.java)"))
                    .anySatisfy(line -> assertThat(line).startsWith("dev.clp.archfixture.unmarked.WithoutSince"
                            + " carries @API(status = EXPERIMENTAL) without since: add since = \"0.1\""));
            assertThat(result.getFailureReport().toString()).contains("harness-engine/README.md, \"Public API\"");
        }

        @Test
        void aDependencyOnAnotherModulesInternalTypeNestedTypeOrInternalPackage() {
            EvaluationResult result = ApiRules.usesNoInternalsOfOtherModules("dev.clp.archfixture.consumer..")
                    .evaluate(FIXTURES);

            assertThat(result.hasViolation()).isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails()))
                    .contains("UsesInternals.names()> calls method <dev.clp.archfixture.provider.Hidden.name()>")
                    .contains("calls constructor <dev.clp.archfixture.provider.Hidden$Part.<init>(java.lang.String)>")
                    .contains("<dev.clp.archfixture.provider.internal.Helper.name()>")
                    .doesNotContain("UsesApi").doesNotContain("Open").doesNotContain("OwnInternal");
        }

        @Test
        void aJunitPlatformTypeInPlainJavaCode() {
            EvaluationResult result = ApiRules.isPlainJava("dev.clp.archfixture.plain..").evaluate(FIXTURES);

            assertThat(result.getFailureReport().getDetails()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .contains("dev.clp.archfixture.plain.UsesPlatform").contains("org.junit.platform.engine.UniqueId"));
        }
    }
}
