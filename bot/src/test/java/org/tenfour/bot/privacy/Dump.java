package org.tenfour.bot.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What a database administrator sees with {@code psql}: every table but Quartz's and Flyway's. */
final class Dump {
    private Dump() {}

    /** One column of one table. */
    record Column(String table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** The product's tables (Quartz's {@code qrtz_*} and Flyway's history left out). */
    static List<String> tables(Jdbi jdbi) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        select table_name from information_schema.tables
                                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                                          and table_name not like 'qrtz%' and table_name <> 'flyway_schema_history'
                                        order by table_name""")
                                .mapTo(String.class)
                                .list());
    }

    /** Every row of every product table, as JSON text, by table. */
    static Map<String, List<String>> everyTable(Jdbi jdbi) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String table : tables(jdbi)) {
            all.put(
                    table,
                    jdbi.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select row_to_json(x)::text from "
                                                            + table
                                                            + " x")
                                            .mapTo(String.class)
                                            .list()));
        }
        return all;
    }

    /** Every timestamp column of the product's tables. */
    static List<Column> timestampColumns(Jdbi jdbi) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        select table_name, column_name from information_schema.columns
                                        where table_schema = current_schema() and data_type like 'timestamp%'
                                          and table_name not like 'qrtz%' and table_name <> 'flyway_schema_history'
                                        order by table_name, column_name""")
                                .map((rs, ctx) -> new Column(rs.getString(1), rs.getString(2)))
                                .list());
    }
}
