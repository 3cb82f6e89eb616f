package dev.clp.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The API rules of issue 16, shared by every module's architecture test (this class ships in the harness-engine
 * test-jar): public types choose a status, no module uses another module's internals, the core is plain Java.
 * Each rule is a factory over package patterns, so that the tests can also evaluate it on the deliberately bad
 * classes of {@code dev.clp.archfixture} and show that it fails.
 */
public final class ApiRules {

    /** Where the statuses are explained; every failure message points there. */
    public static final String SEE = "see harness-engine/README.md, \"Public API\"";

    private ApiRules() {
    }

    /**
     * Every public top-level type carries {@code @API} with a status and a {@code since}: a new public type must
     * choose between API (STABLE, MAINTAINED, EXPERIMENTAL) and INTERNAL. The failure names each type that lacks it.
     */
    public static ArchRule everyPublicTopLevelTypeCarriesApi() {
        return classes().that().arePublic().and().areTopLevelClasses()
                .should(carryApiWithStatusAndSince())
                .because("a public type either is API users may rely on or says it is not (INTERNAL); " + SEE);
    }

    /**
     * No class in {@code ownPackages} depends on a type of another module that is marked
     * {@code @API(status = INTERNAL)} (itself or the type it is nested in) or that lies in an {@code ..internal..}
     * package.
     */
    public static ArchRule usesNoInternalsOfOtherModules(String... ownPackages) {
        DescribedPredicate<JavaClass> elsewhere = DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(ownPackages));
        return noClasses().that().resideInAnyPackage(ownPackages)
                .should().dependOnClassesThat(internal().and(elsewhere))
                .because("INTERNAL types of harness-engine may change in any release without notice; mark the type"
                        + " used as API or move the use; " + SEE);
    }

    /** The classes in {@code packages} are plain Java: they depend on no JUnit type. */
    public static ArchRule isPlainJava(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAPackage("org.junit..")
                .because("the suite model and scoring are usable and testable without the JUnit Platform");
    }

    /** Types marked {@code @API(status = INTERNAL)}, directly or through an enclosing type, or in an internal package. */
    static DescribedPredicate<JavaClass> internal() {
        return DescribedPredicate.describe("are marked @API(status = INTERNAL) or reside in a package '..internal..'",
                ApiRules::isInternal);
    }

    static boolean isInternal(JavaClass type) {
        String pkg = "." + type.getPackageName() + ".";
        if (pkg.contains(".internal.")) {
            return true;
        }
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            Optional<API> api = c.tryGetAnnotationOfType(API.class);
            if (api.isPresent()) {
                return api.get().status() == API.Status.INTERNAL;
            }
        }
        return false;
    }

    private static ArchCondition<JavaClass> carryApiWithStatusAndSince() {
        return new ArchCondition<>("carry @API(status = …, since = …)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<API> api = type.tryGetAnnotationOfType(API.class);
                String where = " (" + type.getSource().map(s -> s.getFileName().orElse("?")).orElse("?") + ")";
                if (api.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but carries no @API:"
                            + " add @API(status = STABLE | MAINTAINED | EXPERIMENTAL | INTERNAL, since = \"0.1\")"
                            + " or make it package-private" + where));
                } else if (api.get().since().isBlank()) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " carries @API(status = "
                            + api.get().status() + ") without since: add since = \"0.1\"" + where));
                }
            }
        };
    }
}
