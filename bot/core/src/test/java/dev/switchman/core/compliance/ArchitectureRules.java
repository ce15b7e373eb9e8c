package dev.switchman.core.compliance;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The house rules as ArchUnit rules, reusable from any module (core's test-jar): depend on
 * {@code switchman-core:test-jar} and extend {@link ModuleCompliance}, or check your own classes, for
 * example {@code ArchitectureRules.NO_WALL_CLOCK.check(ArchitectureRules.mainClasses("dev.switchman.checks"))}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Main (not test) classes of the packages, from the class path. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(packages);
    }

    /** Calls of {@code owner.method(...)}, any overload. */
    static DescribedPredicate<JavaCall<?>> calls(Class<?> owner, String method) {
        return target(owner(type(owner))).and(target(name(method))).as(owner.getSimpleName() + "." + method + "(...)");
    }

    /**
     * Time comes from an injected {@code java.time.Clock} (and waits from an injected
     * {@code Scheduler}): nothing reads the wall clock or sleeps. {@code System.nanoTime()} is banned
     * too; measuring real elapsed time (a probe's latency, a benchmark) is allowed only for the classes
     * a module lists, with the reason, in {@link #noWallClockExcept(Map)}.
     */
    public static final ArchRule NO_WALL_CLOCK = noWallClockExcept(Map.of());

    /** {@link #NO_WALL_CLOCK} for every class but those named (fully qualified name -> why it may). */
    public static ArchRule noWallClockExcept(Map<String, String> allowed) {
        DescribedPredicate<JavaClass> notAllowed = DescribedPredicate.not(new DescribedPredicate<JavaClass>("allowed " + allowed.keySet()) {
            @Override
            public boolean test(JavaClass c) {
                String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
                return allowed.containsKey(top);
            }
        });
        return noClasses().that(notAllowed)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(calls(Thread.class, "sleep"))
                .orShould().callMethodWhere(calls(TimeUnit.class, "sleep"))
                .because("time comes from an injected java.time.Clock and waits from an injected Scheduler, so the simulator "
                        + "can drive everything on virtual time and tests wait on the thing, never on the wall clock");
    }

    /** No package depends, directly or through others, on a package that depends on it. */
    public static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices().matching("dev.switchman.(**)")
            .should().beFreeOfCycles()
            .because("packages by feature with dependencies pointing one way: a cycle means two features are one");

    /** Core knows no chat platform, no Spring, no Drools, no dnsjava. */
    public static final ArchRule CORE_IMPORTS_NO_FRAMEWORKS = noClasses()
            .that().resideInAPackage("dev.switchman.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.slack..", "net.dv8tion..", "org.drools..", "org.kie..", "org.xbill..")
            .because("dependencies point inward: core is the SPI every backend and the rules build on");

    /** Core does no JDBC: the stores that do live in their own modules (switchman-store-jdbc). */
    public static final ArchRule CORE_IMPORTS_NO_JDBC = noClasses()
            .that().resideInAPackage("dev.switchman.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "org.h2..", "org.postgresql..")
            .because("a store is a plug-in found through EventStoreProvider; core stays free of databases");
}
