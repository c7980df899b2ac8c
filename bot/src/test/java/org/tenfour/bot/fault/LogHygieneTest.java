package org.tenfour.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * No bound value, name or text reaches a log line, even when the database refuses a statement whose
 * values are a person's name and the server's own message quotes it.
 */
@ExtendWith(PostgresExtension.class)
class LogHygieneTest {
    private static final String NAME = "Zebediah Quackenbush";

    private final TestDatabase db;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    LogHygieneTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    @Test
    void a_database_error_quoting_a_name_is_logged_without_the_name() {
        TestProgram p = new TestProgram(db, Instant.parse("2026-03-02T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UPEER>");
        db.jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                                        create function refuse_bio() returns trigger language plpgsql as $$
                                        begin
                                          raise exception 'bio refused: %', new.bio
                                            using detail = 'bio was ' || new.bio, hint = new.bio;
                                        end $$;
                                        create trigger refuse_bio before update of bio on peer
                                          for each row execute function refuse_bio();"""));

        Reply reply =
                p.submit(
                        "UPEER",
                        "connect.profile",
                        Map.of(
                                "bio", List.of(NAME),
                                "languages", List.of("en"),
                                "weekly_cap", List.of("5")),
                        "");

        assertThat(reply.toString()).contains("something went wrong").doesNotContain(NAME);
        assertThat(lines())
                .as("the failure is logged")
                .anyMatch(l -> l.contains("inbound FormSubmitted failed"))
                .anyMatch(l -> l.contains("PSQLException[P0001]"))
                .noneMatch(l -> l.contains("Quackenbush"));
    }

    @Test
    void a_failed_statement_does_not_render_its_bound_values_into_its_message() {
        Throwable failure =
                catchThrowable(
                        () ->
                                db.jdbi()
                                        .useHandle(
                                                h ->
                                                        h.createUpdate(
                                                                        "update agency set name = :name where 1 / 0 = 1")
                                                                .bind("name", NAME)
                                                                .execute()));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).doesNotContain("Quackenbush");
    }

    @Test
    void the_production_log_configuration_silences_libraries_that_log_payloads_even_at_debug()
            throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("TENFOUR_LOG_LEVEL", "DEBUG");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));

        assertThat(context.getLogger("org.tenfour.bot").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("com.slack.api.bolt.App").getEffectiveLevel())
                .as("Bolt logs unrecognised payloads and message text")
                .isEqualTo(Level.OFF);
        assertThat(context.getLogger("com.slack.api.methods").getEffectiveLevel())
                .isEqualTo(Level.OFF);
        assertThat(context.getLogger("org.postgresql.core").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.jdbi.v3").getEffectiveLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    private List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            StringBuilder line = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(line.toString());
        }
        return out;
    }
}
