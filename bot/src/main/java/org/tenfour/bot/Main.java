package org.tenfour.bot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.tenfour.adapters.slack.SlackManifest;
import org.tenfour.adapters.teams.TeamsAppPackage;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.storage.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code serve} (the default) runs the bot; {@code migrate} applies the schema
 * migrations and exits.
 */
@Command(
        name = "tenfour",
        mixinStandardHelpOptions = true,
        version = "TenFour 0.1.0",
        description = "Peer-support program bot for first responders.",
        subcommands = {
            Main.Serve.class,
            Main.Migrate.class,
            Main.RotateKey.class,
            Main.SlackManifestCommand.class,
            Main.TeamsPackageCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit status (0 ok, 1 failure, 2 bad configuration or
     * usage).
     */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    if (e instanceof ConfigException) {
                        cmd.getErr().println("tenfour: configuration error: " + e.getMessage());
                        return 2;
                    }
                    cmd.getErr().println("tenfour: " + e.getMessage());
                    return 1;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        return new Serve().call();
    }

    /** Starts the bot and runs until SIGTERM/SIGINT. */
    @Command(name = "serve", description = "Start the bot (default).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            Settings settings = Settings.fromEnv(System.getenv());
            Application app = Application.start(settings, Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        app.close();
                                        stopped.countDown();
                                    },
                                    "tenfour-shutdown"));
            System.out.println("TenFour is running: http://localhost:" + app.port() + "/readyz");
            if (app.sandbox()) {
                System.out.println(
                        "Sandbox (demo data, no Slack or Teams needed): http://localhost:"
                                + app.port()
                                + "/sandbox");
            }
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    /** Prints the Slack app manifest to paste at api.slack.com/apps. */
    @Command(
            name = "slack-manifest",
            description =
                    "Print the Slack app manifest (JSON) for this bot's public URL, or for Socket"
                            + " Mode.")
    static final class SlackManifestCommand implements Callable<Integer> {
        @CommandLine.Option(
                names = "--url",
                description =
                        "The bot's public https:// base URL (with --socket-mode: only for OAuth"
                                + " installs).")
        String url;

        @CommandLine.Option(
                names = "--socket-mode",
                description =
                        "Slack's requests over a WebSocket TenFour opens (SLACK_APP_TOKEN): no"
                                + " request URLs.")
        boolean socketMode;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (url == null && !socketMode) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "tenfour: give --url https://… (Slack posts requests there) or"
                                        + " --socket-mode (no public URL)");
                return 2;
            }
            try {
                spec.commandLine()
                        .getOut()
                        .println(SlackManifest.json(url, Subcommand.vocabulary(), socketMode));
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("tenfour: --url: " + e.getMessage());
                return 2;
            }
        }
    }

    /** Writes the Teams app package a Teams admin uploads. */
    @Command(
            name = "teams-package",
            description = "Write the Teams app package (manifest.json and icons, zipped).")
    static final class TeamsPackageCommand implements Callable<Integer> {
        @CommandLine.Option(
                names = "--app-id",
                required = true,
                description = "The Azure bot's Microsoft App ID.")
        String appId;

        @CommandLine.Option(
                names = "--url",
                required = true,
                description = "The bot's public https:// base URL.")
        String url;

        @CommandLine.Option(
                names = "--out",
                defaultValue = "tenfour-teams.zip",
                description = "Where to write the zip.")
        Path out;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                TeamsAppPackage.write(appId, url, Subcommand.vocabulary(), out);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("tenfour: " + e.getMessage());
                return 2;
            }
            spec.commandLine()
                    .getOut()
                    .println(
                            "wrote "
                                    + out.toAbsolutePath()
                                    + ": upload it in Teams admin center > Manage apps");
            return 0;
        }
    }

    /** Re-encrypts stored secrets under a new master key. */
    @Command(
            name = "rotate-key",
            description =
                    "Re-encrypt stored secrets under a new master key (stop the bot first). With the key file, a new key is"
                            + " generated unless --new-key-file is given; with TENFOUR_SECRET_KEY, --new-key-file is required."
                            + " Peer pseudonyms change: new contacts cannot be linked to earlier ones.")
    static final class RotateKey implements Callable<Integer> {
        @CommandLine.Option(
                names = "--new-key-file",
                description = "A file holding the new key: 32 random bytes, base64.")
        Path newKeyFile;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            KeyRotation.rotate(
                    Settings.fromEnv(System.getenv()), newKeyFile, spec.commandLine().getOut());
            return 0;
        }
    }

    /** Applies pending migrations and exits. */
    @Command(name = "migrate", description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() {
            Settings settings = Settings.fromEnv(System.getenv());
            try (Database database = Database.open(settings.database())) {
                int applied = database.migrate();
                System.out.println("migrations applied: " + applied);
            }
            return 0;
        }
    }
}
