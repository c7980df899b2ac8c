package org.tenfour.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the database's {@code tenfour_directory} notifications (sent at commit by triggers on
 * {@code agency}, {@code member} and {@code peer}) on a connection of its own, outside the pool,
 * and tells {@link DirectoryChanges} what each says changed (ids only: never logged). While it is
 * not listening (starting, the database away) {@link #listening()} is false and caches must not be
 * trusted; on every (re)connect everything counts as changed, since changes may have been missed.
 */
public final class DirectoryListener implements AutoCloseable {
    static final String CHANNEL = "tenfour_directory";
    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

    private final String url;
    private final Properties properties = new Properties();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean listening;
    private volatile Connection connection;

    private DirectoryListener(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "tenfour-directory-listener");
        this.thread = new Thread(this::run, "directory-listener");
        thread.setDaemon(true);
    }

    /** Starts listening in the background; {@link #listening()} turns true once subscribed. */
    static DirectoryListener start(String url, String user, String password) {
        DirectoryListener listener = new DirectoryListener(url, user, password);
        listener.thread.start();
        return listener;
    }

    /** Whether every committed change from now on will be heard. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (closing.getCount() > 0) {
            try (Connection c = DriverManager.getConnection(url, properties)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                DirectoryChanges.changed(); // whatever committed before we listened
                listening = true;
                log.debug("listening for directory changes");
                while (closing.getCount() > 0) {
                    PGNotification[] notes = pg.getNotifications(1_000);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            DirectoryChanges.heard(note.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    log.warn(
                            "directory listener lost the database ({}); caches off until it is back",
                            e.getClass().getSimpleName());
                }
            } finally {
                listening = false;
                connection = null;
                DirectoryChanges.changed();
            }
            try {
                closing.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops listening and closes its connection. */
    @Override
    public void close() {
        listening = false;
        closing.countDown();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
