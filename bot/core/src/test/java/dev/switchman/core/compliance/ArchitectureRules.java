package dev.switchman.core.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The house rules as ArchUnit rules, reusable from any module (core's test-jar): depend on
 * {@code switchman-core:test-jar} and check your own classes, for example
 * {@code ArchitectureRules.NO_WALL_CLOCK.check(ArchitectureRules.mainClasses("dev.switchman.checks"))}.
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

    /** Time comes from an injected {@code java.time.Clock}: nothing reads the wall clock directly. */
    public static final ArchRule NO_WALL_CLOCK = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time comes from an injected java.time.Clock so the simulator can drive everything on virtual time");

    /** Core knows no chat platform, no Spring, no Drools, no dnsjava. */
    public static final ArchRule CORE_IMPORTS_NO_FRAMEWORKS = noClasses()
            .that().resideInAPackage("dev.switchman.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.slack..", "net.dv8tion..", "org.drools..", "org.kie..", "org.xbill..")
            .because("dependencies point inward: core is the SPI every backend and the rules build on");
}
