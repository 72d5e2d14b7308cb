package dev.dbref.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
    /**
     * Production classes and the planted violations ({@code Planted*}) in this module's test
     * sources, and no other test class: tests use JDBC and jOOQ freely, and would break rules for
     * the planted classes, so that a rule could pass its planted check without catching them.
     */
    private static JavaClasses withViolations;

    @BeforeAll
    static void importClasses() {
        // Other modules arrive as jars (or target/classes in the reactor): both are imported, except
        // the testkit, which is test code in a module of its own (it may use JDBC as any test does).
        ImportOption notTestkit = location -> !location.contains("testkit");
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(notTestkit)
                .importPackages("dev.dbref");
        withViolations = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains("/Planted"))
                .withImportOption(notTestkit)
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

    static final ArchRule only_bootstrap_knows_where_metrics_go = noClasses().that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer.prometheusmetrics..", "io.prometheus..")
            .allowEmptyShould(false)
            .because("adapters report into what they are given; the composition root picks the backend");

    /**
     * What the persistence adapter offers the composition root: what a {@code module-info.java}
     * would export. Everything else in its packages is public only so that its own parts can use
     * each other; another module that reaches for it breaks this rule.
     */
    private static final Class<?>[] PERSISTENCE_SURFACE = {
            dev.dbref.persistence.Database.class,
            dev.dbref.persistence.connection.DatabaseUrl.class, dev.dbref.persistence.connection.Dialect.class,
            dev.dbref.persistence.connection.PoolSettings.class, dev.dbref.persistence.connection.PoolStats.class,
            dev.dbref.persistence.connection.ServerCheck.class, dev.dbref.persistence.connection.ServerInfo.class,
            dev.dbref.persistence.connection.ConnectionBudget.class, dev.dbref.persistence.connection.ApplicationName.class,
            dev.dbref.persistence.connection.DatabaseUnreachableException.class,
            dev.dbref.persistence.connection.Transport.class, dev.dbref.persistence.connection.Secret.class,
            dev.dbref.persistence.connection.DatabaseRole.class, dev.dbref.persistence.migration.RuntimeRole.class,
            dev.dbref.persistence.migration.MigrationSettings.class, dev.dbref.persistence.migration.MigrationReport.class,
            dev.dbref.persistence.routing.ReplicaSettings.class, dev.dbref.persistence.routing.RequestScope.class,
            dev.dbref.persistence.routing.CommitPosition.class, dev.dbref.persistence.unitofwork.Access.class,
            dev.dbref.persistence.diagnostics.Diagnostics.class, dev.dbref.persistence.diagnostics.SqlEcho.class,
            dev.dbref.persistence.diagnostics.StatementListener.class,
            dev.dbref.persistence.diagnostics.StatementTotals.class};

    /** What the web adapter offers the composition root, likewise. */
    private static final Class<?>[] WEB_SURFACE = {
            dev.dbref.web.Api.class, dev.dbref.web.observe.DatabaseProbe.class, dev.dbref.web.observe.MetricsText.class,
            dev.dbref.web.request.BodyDeadline.class, dev.dbref.web.request.Consistency.class,
            dev.dbref.web.request.Draining.class, dev.dbref.web.request.RequestContext.class,
            dev.dbref.web.request.RequestLine.class, dev.dbref.web.request.RequestMetrics.class,
            dev.dbref.web.auth.Authenticator.class, dev.dbref.web.auth.JwtAuthenticator.class,
            dev.dbref.web.auth.JwtSettings.class, dev.dbref.web.auth.JwksLocation.class,
            dev.dbref.web.auth.Admission.class, dev.dbref.web.auth.RateLimit.class, dev.dbref.web.auth.ClientAddress.class};

    static final ArchRule other_modules_use_only_the_persistence_surface = noClasses().that()
            .resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(PERSISTENCE)
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(PERSISTENCE_SURFACE))))
            .allowEmptyShould(false)
            .because("the unit of work, the routing, the repositories and the pool are the adapter's own business");

    static final ArchRule other_modules_use_only_the_web_surface = noClasses().that()
            .resideOutsideOfPackage(WEB)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(WEB)
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(WEB_SURFACE))))
            .allowEmptyShould(false)
            .because("routes, JSON mapping and problem details are the adapter's own business");

    static final ArchRule no_cycles_between_persistence_packages = slices().matching("dev.dbref.persistence.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("connection < repository < unitofwork < routing < diagnostics; Database wires them");

    static final ArchRule no_cycles_between_web_packages = slices().matching("dev.dbref.web.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("request < http < problem, paging < products, users, observe, docs; Api wires them");

    /** Every rule of this class: the static {@link ArchRule} fields, each listed once, above. */
    static Stream<Arguments> rules() throws IllegalAccessException {
        List<Arguments> rules = new ArrayList<>();
        for (Field field : ArchitectureTest.class.getDeclaredFields()) {
            if (field.getType() == ArchRule.class && Modifier.isStatic(field.getModifiers())) {
                rules.add(Arguments.of(field.getName(), field.get(null)));
            }
        }
        return rules.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(production);
    }

    /**
     * Each rule, run against classes that break it on purpose (the {@code Planted*} test classes
     * in this module's test sources), must fail: a rule that cannot fail proves nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fails_on_a_planted_violation(String name, ArchRule rule) {
        EvaluationResult result = rule.evaluate(withViolations);
        assertTrue(result.hasViolation(), "rule passed despite a planted violation: " + rule.getDescription());
        assertTrue(result.getFailureReport().getDetails().stream().anyMatch(line -> line.contains(".Planted")),
                "the rule failed, but not on a planted class: " + result.getFailureReport().getDetails());
    }

    @Test
    void there_are_rules() throws IllegalAccessException {
        assertTrue(rules().count() >= 9);
    }

    @Test
    void the_rules_see_every_layer() {
        for (String layer : new String[] {"dev.dbref.domain.model", "dev.dbref.domain.port", "dev.dbref.domain.usecase",
                "dev.dbref.persistence", "dev.dbref.persistence.connection", "dev.dbref.persistence.repository",
                "dev.dbref.persistence.unitofwork", "dev.dbref.persistence.migration", "dev.dbref.persistence.routing",
                "dev.dbref.persistence.diagnostics", "dev.dbref.web", "dev.dbref.web.request", "dev.dbref.web.http",
                "dev.dbref.web.problem", "dev.dbref.web.paging", "dev.dbref.web.products", "dev.dbref.web.users",
                "dev.dbref.web.observe", "dev.dbref.web.docs", "dev.dbref.bootstrap", "dev.dbref.db.jooq"}) {
            assertFalse(production.stream().noneMatch(c -> c.getPackageName().equals(layer)), "no classes in " + layer);
        }
    }
}
