package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {
    private Path dir;

    @BeforeEach
    void createDir() throws Exception {
        dir = Files.createTempDirectory("tenfour-embedded");
    }

    @AfterEach
    void deleteDir() {
        TestFiles.deleteRecursively(dir);
    }

    @Test
    void data_written_before_a_restart_is_there_after_it() {
        DatabaseSettings settings = new DatabaseSettings(null, null, null, dir, 2);
        try (Database db = Database.open(settings)) {
            db.migrate();
            db.jdbi().onDemand(Agencies.class).upsert("slack", "T-PERSIST", "Persisted agency");
            String synchronousCommit =
                    db.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery("show synchronous_commit")
                                                    .mapTo(String.class)
                                                    .one());
            assertThat(synchronousCommit)
                    .as("a commit is on disk before it returns")
                    .isEqualTo("on");
        }
        try (Database db = Database.open(settings)) {
            assertThat(db.migrate()).as("nothing left to migrate on the second start").isZero();
            assertThat(db.jdbi().onDemand(Agencies.class).findByWorkspace("slack", "T-PERSIST"))
                    .map(Agency::name)
                    .contains("Persisted agency");
        }
    }

    @Test
    void a_second_user_of_the_same_data_directory_is_refused_with_a_clear_reason() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("another TenFour process is using the data directory");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void a_run_killed_with_sigkill_does_not_prevent_the_next_start() throws Exception {
        Process child =
                new ProcessBuilder(
                                javaBinary(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                KilledRun.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledRun.READY)) {
                // skip the child's log lines until it has written its row
            }
            assertThat(line).as("child reported its row written").isEqualTo(KilledRun.READY);
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, postgres is orphaned
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve("pg/postmaster.pid"))
                .as("the killed run left its lock behind")
                .exists();

        DatabaseSettings settings = new DatabaseSettings(null, null, null, dir, 2);
        try (Database db = Database.open(settings)) {
            assertThat(db.jdbi().onDemand(Agencies.class).findByWorkspace("slack", "T-KILLED"))
                    .map(Agency::name)
                    .contains("Written before SIGKILL");
        }
    }

    @Test
    void a_stale_pid_file_whose_process_is_gone_is_removed() throws Exception {
        Path pg = Files.createDirectories(dir.resolve("pg"));
        Files.write(pg.resolve("postmaster.pid"), List.of("999999999", pg.toString()));
        EmbeddedDatabase.clearStaleServer(pg);
        assertThat(pg.resolve("postmaster.pid")).doesNotExist();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Run in a child JVM: starts the embedded server, writes a row, then waits to be killed. */
    public static final class KilledRun {
        static final String READY = "ROW-WRITTEN";

        public static void main(String[] args) throws Exception {
            Database db =
                    Database.open(new DatabaseSettings(null, null, null, Path.of(args[0]), 2));
            db.migrate();
            db.jdbi()
                    .onDemand(Agencies.class)
                    .upsert("slack", "T-KILLED", "Written before SIGKILL");
            System.out.println(READY);
            System.out.flush();
            // wait to be killed; bounded so that a test that dies first leaves no process forever
            new CountDownLatch(1).await(2, TimeUnit.MINUTES);
        }
    }
}
