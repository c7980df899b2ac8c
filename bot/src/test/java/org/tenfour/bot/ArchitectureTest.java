package org.tenfour.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The module rule: bot depends on adapters and storage; neither of those on bot, nor on each other.
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
    void the_rule_sees_all_three_modules() {
        Assertions.assertThat(
                        CLASSES.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("storage", "adapters", "bot");
    }
}
