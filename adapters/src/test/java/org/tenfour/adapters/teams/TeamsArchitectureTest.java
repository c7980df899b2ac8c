package org.tenfour.adapters.teams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Teams package keeps to the module rules: no database, no product, only its entry points
 * public.
 */
class TeamsArchitectureTest {
    private static final JavaClasses TEAMS =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.tenfour.adapters.teams");

    @Test
    void the_teams_adapter_depends_neither_on_storage_nor_on_the_product() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.tenfour.storage..", "org.tenfour.bot..")
                .check(TEAMS);
    }

    @Test
    void only_the_entry_points_and_the_port_are_public() {
        classes()
                .that()
                .areTopLevelClasses()
                .and()
                .haveModifier(JavaModifier.PUBLIC)
                .should()
                .haveSimpleNameStartingWith("Teams")
                .orShould()
                .haveSimpleName("ConversationReferences")
                .orShould()
                .haveSimpleName("ActivityLedger") // the second port: activity ids already handled
                .orShould()
                .haveSimpleName("AppInstaller") // offered to the product: proactive installs
                .check(TEAMS);
        classes()
                .that()
                .haveSimpleNameStartingWith("Teams")
                .and()
                .areTopLevelClasses()
                .and()
                .haveModifier(JavaModifier.PUBLIC)
                .should()
                .haveSimpleName("TeamsAdapter")
                .orShould()
                .haveSimpleName("TeamsSettings")
                .orShould()
                .haveSimpleName("TeamsAppPackage")
                .check(TEAMS);
    }
}
