package org.tenfour.bot;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tenfour.adapters.slack.SlackSettings;
import org.tenfour.adapters.teams.TeamsSettings;
import org.tenfour.bot.background.BackgroundPriority;
import org.tenfour.bot.http.ManagementSettings;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.outbox.Concurrency;
import org.tenfour.storage.DatabaseSettings;

/**
 * Every setting, read once from the environment at start. A bad value stops start-up with one line
 * naming the variable and the problem ({@link ConfigException}). {@link #toString()} never shows a
 * secret.
 *
 * @param port HTTP port ({@value #PORT})
 * @param bind the interface the public listener binds ({@value #BIND}); {@code 0.0.0.0} is every
 *     interface
 * @param management where {@code /metrics} listens ({@value #MANAGEMENT_ADDRESS}, {@value
 *     #MANAGEMENT_TOKEN})
 * @param database where the database is ({@value #DATABASE_URL} or the embedded one)
 * @param dataDir where the embedded PostgreSQL keeps its data ({@value #DATA_DIR})
 * @param defaultZone time zone for agencies that have not set one ({@value #TIME_ZONE})
 * @param publicUrl the bot's public base URL, or null ({@value #PUBLIC_URL})
 * @param secretKey 32-byte key encrypting secrets at rest, or null ({@value #SECRET_KEY})
 * @param instanceId this replica's name in logs, Quartz and outbox leases ({@value #INSTANCE_ID})
 * @param commandRate commands one person may send a minute ({@value #COMMAND_RATE}; 0 is no limit)
 * @param sending platform calls the outbox sender may have in flight, in all ({@value
 *     #SEND_CONCURRENCY}) and per workspace ({@value #SEND_PER_WORKSPACE})
 * @param sandbox whether the browser sandbox with demo data runs at {@code /sandbox} ({@value
 *     #SANDBOX}): on by default when neither Slack nor Teams is configured, otherwise only when set
 *     to {@code on}
 * @param backgroundNice how much lower background threads run than requests ({@value
 *     #BACKGROUND_NICE}, 0–19, Linux niceness; 0: the same)
 */
@SuppressWarnings("ArrayRecordComponent") // read once at start, never compared
public record Settings(
        int port,
        String bind,
        ManagementSettings management,
        DatabaseSettings database,
        Path dataDir,
        ZoneId defaultZone,
        URI publicUrl,
        byte[] secretKey,
        String instanceId,
        Optional<SlackSettings> slack,
        Optional<TeamsSettings> teams,
        int commandRate,
        Concurrency sending,
        boolean sandbox,
        int backgroundNice) {

    public static final String PORT = "PORT";
    public static final String BIND = "TENFOUR_BIND";
    public static final String MANAGEMENT_ADDRESS = "TENFOUR_MANAGEMENT_ADDRESS";
    public static final String MANAGEMENT_TOKEN = "TENFOUR_MANAGEMENT_TOKEN";

    /** The management address when none is set (with {@code PORT=0}: any free loopback port). */
    public static final String DEFAULT_MANAGEMENT_ADDRESS = "127.0.0.1:9090";

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";
    public static final String DATABASE_BACKGROUND_POOL_SIZE = "DATABASE_BACKGROUND_POOL_SIZE";
    public static final String DATA_DIR = "TENFOUR_DATA_DIR";
    public static final String TIME_ZONE = "TENFOUR_TIME_ZONE";
    public static final String PUBLIC_URL = "TENFOUR_PUBLIC_URL";
    public static final String SECRET_KEY = "TENFOUR_SECRET_KEY";
    public static final String INSTANCE_ID = "TENFOUR_INSTANCE_ID";
    public static final String SANDBOX = "TENFOUR_SANDBOX";
    public static final String COMMAND_RATE = "TENFOUR_COMMAND_RATE";
    public static final String SEND_CONCURRENCY = "TENFOUR_SEND_CONCURRENCY";
    public static final String SEND_PER_WORKSPACE = "TENFOUR_SEND_PER_WORKSPACE";
    public static final String BACKGROUND_NICE = "TENFOUR_BACKGROUND_NICE";

    public Settings {
        Objects.requireNonNull(bind, "null bind");
        Objects.requireNonNull(management, "null management");
        Objects.requireNonNull(database, "null database");
        Objects.requireNonNull(dataDir, "null dataDir");
        Objects.requireNonNull(defaultZone, "null defaultZone");
        Objects.requireNonNull(instanceId, "null instanceId");
        Objects.requireNonNull(sending, "null sending");
        if (port < 0 || port > 65535) {
            throw new ConfigException(PORT, "must be between 0 and 65535, was " + port);
        }
        secretKey = secretKey == null ? null : secretKey.clone();
        slack = Objects.requireNonNullElse(slack, Optional.empty());
        teams = Objects.requireNonNullElse(teams, Optional.empty());
        if (slack.isPresent() && slack.get().oauth() && secretKey == null) {
            throw new ConfigException(
                    SECRET_KEY,
                    "must be set when Slack installs through OAuth "
                            + "(bot tokens are stored encrypted with it; generate one with: openssl rand -base64 32)");
        }
    }

    /** Reads the settings from environment variables. */
    public static Settings fromEnv(Map<String, String> env) {
        int port = intValue(env, PORT, 8080, 0, 65535);
        String bind = bind(env);
        ManagementSettings management = management(env, port);
        Path dataDir = path(env, DATA_DIR, "./data");
        String url = blankToNull(env.get(DATABASE_URL));
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(
                    DATABASE_URL,
                    "must be a JDBC URL like jdbc:postgresql://host:5432/tenfour, was '"
                            + url
                            + "'");
        }
        int poolSize = intValue(env, DATABASE_POOL_SIZE, 10, 1, 200);
        // planning and the sender get connections of their own: requests never wait behind them
        int backgroundPoolSize = intValue(env, DATABASE_BACKGROUND_POOL_SIZE, 4, 1, 100);
        DatabaseSettings database =
                new DatabaseSettings(
                        url,
                        blankToNull(env.get(DATABASE_USER)),
                        blankToNull(env.get(DATABASE_PASSWORD)),
                        dataDir,
                        poolSize,
                        backgroundPoolSize);
        var slack = platform("SLACK_*", () -> SlackSettings.fromEnvironment(env));
        var teams = platform("TEAMS_*", () -> TeamsSettings.fromEnvironment(env));
        return new Settings(
                port,
                bind,
                management,
                database,
                dataDir,
                zone(env, TIME_ZONE, "UTC"),
                url(env, PUBLIC_URL),
                key(env, SECRET_KEY),
                instanceId(env),
                slack,
                teams,
                intValue(env, COMMAND_RATE, CommandRate.DEFAULT_PER_MINUTE, 0, 100_000),
                sending(env),
                sandbox(env, slack.isEmpty() && teams.isEmpty()),
                intValue(env, BACKGROUND_NICE, BackgroundPriority.DEFAULT_NICE, 0, 19));
    }

    /** Calls in flight: sized to the machine unless set; per workspace never above the total. */
    private static Concurrency sending(Map<String, String> env) {
        Concurrency machine = Concurrency.forMachine();
        int overall = intValue(env, SEND_CONCURRENCY, machine.overall(), 1, 1_000);
        int perWorkspace =
                intValue(
                        env,
                        SEND_PER_WORKSPACE,
                        Math.min(machine.perWorkspace(), overall),
                        1,
                        1_000);
        if (perWorkspace > overall) {
            throw new ConfigException(
                    SEND_PER_WORKSPACE,
                    "must not be above "
                            + SEND_CONCURRENCY
                            + " ("
                            + overall
                            + "), was "
                            + perWorkspace);
        }
        return new Concurrency(overall, perWorkspace);
    }

    private static String bind(Map<String, String> env) {
        String raw = blankToNull(env.get(BIND));
        if (raw == null) {
            return "0.0.0.0";
        }
        String host = raw.strip();
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new ConfigException(
                    BIND,
                    "must be an interface address such as 127.0.0.1 or 0.0.0.0, was '" + raw + "'");
        }
        return host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }

    /**
     * {@code host:port}, loopback by default; with {@code PORT=0} (tests, several instances on one
     * machine) the default management port is any free one too.
     */
    private static ManagementSettings management(Map<String, String> env, int port) {
        String raw = blankToNull(env.get(MANAGEMENT_ADDRESS));
        String address = raw != null ? raw : port == 0 ? "127.0.0.1:0" : DEFAULT_MANAGEMENT_ADDRESS;
        try {
            return ManagementSettings.parse(address, env.get(MANAGEMENT_TOKEN));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    e.getMessage().contains("token") ? MANAGEMENT_TOKEN : MANAGEMENT_ADDRESS,
                    e.getMessage());
        }
    }

    /** {@code on} or {@code off}; unset means on exactly when no chat platform is configured. */
    private static boolean sandbox(Map<String, String> env, boolean noPlatform) {
        String raw = blankToNull(env.get(SANDBOX));
        if (raw == null) {
            return noPlatform;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigException(SANDBOX, "must be on or off, was '" + raw + "'");
        };
    }

    private static <T> Optional<T> platform(String variables, Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(variables, String.valueOf(e.getMessage()));
        }
    }

    private static int intValue(
            Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(
                        name, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "not a whole number: '" + raw + "'");
        }
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        try {
            return Path.of(raw == null ? fallback : raw);
        } catch (InvalidPathException e) {
            throw new ConfigException(name, "not a valid path: '" + raw + "'");
        }
    }

    private static ZoneId zone(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        try {
            return ZoneId.of(raw == null ? fallback : raw.trim());
        } catch (DateTimeException e) {
            throw new ConfigException(
                    name,
                    "unknown time zone '" + raw + "' (use an IANA id such as America/Chicago)");
        }
    }

    private static URI url(Map<String, String> env, String name) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return null;
        }
        try {
            URI uri = new URI(raw.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new ConfigException(
                        name, "must be an http(s) URL with a host, was '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name, "not a valid URL: '" + raw + "'");
        }
    }

    private static byte[] key(Map<String, String> env, String name) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    name, "not valid base64 (generate one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new ConfigException(
                    name,
                    "must decode to 32 bytes, decodes to "
                            + key.length
                            + " (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static String instanceId(Map<String, String> env) {
        String raw = blankToNull(env.get(INSTANCE_ID));
        if (raw != null) {
            return raw.trim();
        }
        String host = blankToNull(env.get("HOSTNAME"));
        return (host == null ? "tenfour" : host) + "-" + ProcessHandle.current().pid();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public byte[] secretKey() {
        return secretKey == null ? null : secretKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Settings[port="
                + port
                + ", bind="
                + bind
                + ", management="
                + management
                + ", database="
                + database
                + ", defaultZone="
                + defaultZone
                + ", publicUrl="
                + publicUrl
                + ", secretKey="
                + (secretKey == null ? "unset" : "set")
                + ", instanceId="
                + instanceId
                + ", slack="
                + slack.map(Object::toString).orElse("off")
                + ", teams="
                + teams.map(Object::toString).orElse("off")
                + ", commandRate="
                + commandRate
                + ", sending="
                + sending
                + ", sandbox="
                + (sandbox ? "on" : "off")
                + "]";
    }
}
