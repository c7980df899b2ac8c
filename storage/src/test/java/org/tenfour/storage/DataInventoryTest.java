package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data inventory lists exactly the columns the migrations create. */
@ExtendWith(PostgresExtension.class)
class DataInventoryTest {

    private static Set<String> schema(TestDatabase db) {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                """
                                                select c.table_name || '.' || c.column_name
                                                from information_schema.columns c
                                                join information_schema.tables t
                                                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                                                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                                                  and c.table_name not like 'qrtz%'
                                                  and c.table_name <> 'flyway_schema_history'""")
                                        .mapTo(String.class)
                                        .set());
    }

    private static Set<String> listed() {
        return DataInventory.read().stream()
                .map(e -> e.table() + "." + e.column())
                .collect(Collectors.toSet());
    }

    @Test
    void every_column_of_every_table_is_in_the_inventory(TestDatabase db) {
        Set<String> missing = schema(db);
        missing.removeAll(listed());
        assertThat(missing.stream().sorted().toList())
                .as("columns missing from " + DataInventory.RESOURCE)
                .isEmpty();
    }

    @Test
    void the_inventory_lists_no_column_that_does_not_exist(TestDatabase db) {
        Set<String> extra = listed();
        extra.removeAll(schema(db));
        assertThat(extra).as("listed but not in the schema").isEmpty();
    }

    @Test
    void each_column_is_listed_once() {
        List<String> all =
                DataInventory.read().stream().map(e -> e.table() + "." + e.column()).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void the_readme_shows_every_identifying_column_of_the_inventory() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String start = "<!-- inventory:start -->";
        String end = "<!-- inventory:end -->";
        List<String> shown =
                readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end))
                        .lines()
                        .filter(l -> l.startsWith("| `"))
                        .toList();
        List<String> expected =
                DataInventory.read().stream()
                        .filter(e -> e.kind() != DataInventory.Kind.NONE)
                        .map(
                                e ->
                                        "| `"
                                                + e.table()
                                                + "."
                                                + e.column()
                                                + "` | "
                                                + e.kind().name().toLowerCase(Locale.ROOT)
                                                + " | "
                                                + e.what()
                                                + " | "
                                                + e.why()
                                                + " | "
                                                + e.until()
                                                + " |")
                        .toList();
        assertThat(shown).isNotEmpty().containsExactlyElementsOf(expected);
    }

    @Test
    void a_quoted_field_may_hold_commas_and_quotes() {
        assertThat(DataInventory.fields("a,\"b, \"\"c\"\"\",d"))
                .containsExactly("a", "b, \"c\"", "d");
    }
}
