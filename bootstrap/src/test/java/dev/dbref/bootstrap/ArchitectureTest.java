package dev.dbref.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hexagon's rules, checked on the compiled production classes of every module. Maven's
 * module graph already forbids most wrong imports at compile time; these rules also cover what
 * Maven cannot see (transitive libraries, package cycles). Every rule refuses to pass on an
 * empty layer ({@code allowEmptyShould(false)}), and {@link #each_rule_fails_on_a_violation}
 * shows each one can fail.
 */
class ArchitectureTest {
    private static final String DOMAIN = "dev.dbref.domain..";
    private static final String PERSISTENCE = "dev.dbref.persistence..";
    private static final String WEB = "dev.dbref.web..";
    private static final String DB = "dev.dbref.db..";
    private static final String BOOTSTRAP = "dev.dbref.bootstrap..";

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // Other modules arrive as jars (or target/classes in the reactor): both are imported.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dbref");
    }

    static final ArchRule domain_depends_only_on_the_jdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .allowEmptyShould(false)
            .because("the domain is plain Java: no framework, driver or logging library");

    static final ArchRule web_does_not_touch_persistence_db_jooq_or_jdbc = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, DB, "org.jooq..", "java.sql..", "javax.sql..",
                    "com.zaxxer..", "org.flywaydb..")
            .allowEmptyShould(false)
            .because("the web adapter reaches data only through use cases and the unit of work");

    static final ArchRule persistence_does_not_touch_web = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, BOOTSTRAP, "io.helidon..")
            .allowEmptyShould(false)
            .because("adapters do not know each other");

    static final ArchRule generated_jooq_classes_are_used_only_by_persistence = classes().that().resideInAPackage(DB)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(DB, PERSISTENCE)
            .allowEmptyShould(false)
            .because("table classes are the persistence adapter's private vocabulary");

    static final ArchRule helidon_only_in_web_and_bootstrap = noClasses().that()
            .resideOutsideOfPackages(WEB, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("io.helidon..")
            .allowEmptyShould(false)
            .because("HTTP is an adapter concern");

    static final ArchRule jdbc_and_jooq_only_in_persistence_and_db = noClasses().that()
            .resideOutsideOfPackages(PERSISTENCE, DB)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "com.zaxxer..", "org.flywaydb..")
            .allowEmptyShould(false)
            .because("SQL lives behind the ports");

    static final ArchRule no_cycles_between_modules = slices().matching("dev.dbref.(*)..").should().beFreeOfCycles()
            .allowEmptyShould(false);

    static final ArchRule no_cycles_between_domain_packages = slices().matching("dev.dbref.domain.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("use cases depend on ports and the model; ports on the model; the model on nothing");

    @Test
    void domain_depends_only_on_the_jdk() {
        domain_depends_only_on_the_jdk.check(production);
    }

    @Test
    void web_does_not_touch_persistence_db_jooq_or_jdbc() {
        web_does_not_touch_persistence_db_jooq_or_jdbc.check(production);
    }

    @Test
    void persistence_does_not_touch_web() {
        persistence_does_not_touch_web.check(production);
    }

    @Test
    void generated_jooq_classes_are_used_only_by_persistence() {
        generated_jooq_classes_are_used_only_by_persistence.check(production);
    }

    @Test
    void helidon_only_in_web_and_bootstrap() {
        helidon_only_in_web_and_bootstrap.check(production);
    }

    @Test
    void jdbc_and_jooq_only_in_persistence_and_db() {
        jdbc_and_jooq_only_in_persistence_and_db.check(production);
    }

    @Test
    void no_cycles_between_modules() {
        no_cycles_between_modules.check(production);
    }

    @Test
    void no_cycles_between_domain_packages() {
        no_cycles_between_domain_packages.check(production);
    }

    /**
     * Each rule, run against classes that break it on purpose (the {@code Planted*} test classes
     * in this module's test sources, one per rule), must fail;
     * a rule that cannot fail proves nothing.
     */
    @Test
    void each_rule_fails_on_a_violation() {
        JavaClasses withViolations = new ClassFileImporter().importPackages("dev.dbref");
        for (ArchRule rule : new ArchRule[] {domain_depends_only_on_the_jdk, web_does_not_touch_persistence_db_jooq_or_jdbc,
                persistence_does_not_touch_web, generated_jooq_classes_are_used_only_by_persistence,
                helidon_only_in_web_and_bootstrap, jdbc_and_jooq_only_in_persistence_and_db, no_cycles_between_modules,
                no_cycles_between_domain_packages}) {
            EvaluationResult result = rule.evaluate(withViolations);
            assertTrue(result.hasViolation(), "rule passed despite a planted violation: " + rule.getDescription());
        }
    }

    @Test
    void the_rules_see_every_layer() {
        for (String layer : new String[] {"dev.dbref.domain.model", "dev.dbref.domain.port", "dev.dbref.domain.usecase",
                "dev.dbref.persistence", "dev.dbref.web", "dev.dbref.bootstrap", "dev.dbref.db.jooq"}) {
            assertFalse(production.stream().noneMatch(c -> c.getPackageName().equals(layer)), "no classes in " + layer);
        }
    }
}
