package org.tenfour.bot;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The module rule: bot depends on adapters and storage; neither of those on bot, nor on each other.
 * Inside bot, the feature packages depend on each other without a cycle, and no statement is
 * written: SQL stays in storage.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.tenfour");

    @Test
    void storage_does_not_reach_into_bot_or_adapters() {
        noClasses()
                .that()
                .resideInAPackage("org.tenfour.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.tenfour.bot..", "org.tenfour.adapters..")
                .check(CLASSES);
    }

    @Test
    void adapters_do_not_reach_into_bot_or_storage() {
        noClasses()
                .that()
                .resideInAPackage("org.tenfour.adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.tenfour.bot..", "org.tenfour.storage..")
                .check(CLASSES);
    }

    @Test
    void the_bots_feature_packages_form_no_cycle() {
        slices().matching("org.tenfour.bot.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** SQL lives in storage's SqlObject interfaces: bot reaches the database through them only. */
    @Test
    void the_bot_runs_no_statement_of_its_own() {
        noClasses()
                .that()
                .resideInAPackage("org.tenfour.bot..")
                .should()
                .callMethodWhere(
                        target(owner(assignableTo(Handle.class)))
                                .and(
                                        target(
                                                nameMatching(
                                                        "createQuery|createUpdate|createCall|createScript|execute|prepareBatch|createBatch|select"))))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi.v3.core.statement..")
                .check(CLASSES);
    }

    /**
     * The domain sees storage's {@code Store} and {@code Tx} (repositories and units of work),
     * never JDBI itself: no handle to run a statement on, no JDBI type in a port.
     */
    @Test
    void the_bot_does_not_see_jdbi() {
        noClasses()
                .that()
                .resideInAPackage("org.tenfour.bot..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .check(CLASSES);
    }

    @Test
    void the_rule_sees_all_three_modules() {
        Assertions.assertThat(
                        CLASSES.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("storage", "adapters", "bot");
    }
}
