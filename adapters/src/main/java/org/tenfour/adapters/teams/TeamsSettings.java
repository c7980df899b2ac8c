package org.tenfour.adapters.teams;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bot's Azure registration and the Microsoft endpoints it trusts. Single-tenant: the token is
 * requested from the tenant's own authority.
 *
 * @param appId the Microsoft App ID of the Azure Bot (a GUID)
 * @param appPassword its client secret, or null with a certificate or managed identity; never
 *     printed
 * @param tenantId the Microsoft Entra tenant the bot is registered in
 * @param openIdMetadataUrl where the Bot Connector's signing keys are announced
 * @param tokenUrl the OAuth token endpoint for client credentials
 * @param entraOpenIdMetadataUrl where the bot's own Entra tenant announces its signing keys (for
 *     tokens that tenant issued)
 * @param certificate the certificate credential instead of the secret, or null
 * @param managedIdentity {@value #SYSTEM_ASSIGNED} or a user-assigned identity's client id: the
 *     Azure resource's managed identity instead of the secret, or null
 * @param proactiveInstall installing TenFour through Microsoft Graph for roster members it cannot
 *     reach yet, or null (off, the default: nothing calls Graph)
 */
public record TeamsSettings(
        String appId,
        String appPassword,
        String tenantId,
        String openIdMetadataUrl,
        String tokenUrl,
        String entraOpenIdMetadataUrl,
        Certificate certificate,
        String managedIdentity,
        ProactiveInstall proactiveInstall) {

    /** The Bot Connector's OpenID metadata (public cloud). */
    public static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /** The token endpoint; {@code {tenantId}} is replaced by the tenant. */
    public static final String DEFAULT_TOKEN_URL =
            "https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token";

    /**
     * The bot's tenant's OpenID configuration (its keys sign tokens issued by {@code
     * login.microsoftonline.com/{tenant}/v2.0} and {@code sts.windows.net/{tenant}/} alike); {@code
     * {tenantId}} is replaced by the tenant.
     */
    public static final String DEFAULT_ENTRA_OPENID_METADATA_URL =
            "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /** Environment variables read by {@link #fromEnvironment}. */
    public static final String ENV_APP_ID = "TEAMS_APP_ID";

    public static final String ENV_APP_PASSWORD = "TEAMS_APP_PASSWORD";
    public static final String ENV_TENANT_ID = "TEAMS_TENANT_ID";
    public static final String ENV_OPENID_METADATA_URL = "TEAMS_OPENID_METADATA_URL";
    public static final String ENV_TOKEN_URL = "TEAMS_TOKEN_URL";
    public static final String ENV_ENTRA_OPENID_METADATA_URL = "TEAMS_ENTRA_OPENID_METADATA_URL";
    public static final String ENV_CERTIFICATE_PATH = "TEAMS_CERTIFICATE_PATH";
    public static final String ENV_CERTIFICATE_PASSWORD = "TEAMS_CERTIFICATE_PASSWORD";

    public static final String ENV_MANAGED_IDENTITY = "TEAMS_MANAGED_IDENTITY";

    /** {@code on} installs TenFour through Graph for members it cannot reach; off by default. */
    public static final String ENV_PROACTIVE_INSTALL = "TEAMS_PROACTIVE_INSTALL";

    /** The app's id in the organisation's Teams app catalogue (not the manifest's id). */
    public static final String ENV_APP_CATALOG_ID = "TEAMS_APP_CATALOG_ID";

    public static final String ENV_GRAPH_URL = "TEAMS_GRAPH_URL";
    public static final String ENV_PROACTIVE_INSTALL_PER_MINUTE =
            "TEAMS_PROACTIVE_INSTALL_PER_MINUTE";
    public static final String ENV_PROACTIVE_INSTALL_INTERVAL =
            "TEAMS_PROACTIVE_INSTALL_INTERVAL_SECONDS";

    /** {@code TEAMS_MANAGED_IDENTITY} for the resource's system-assigned identity. */
    public static final String SYSTEM_ASSIGNED = "system";

    /** How a certificate's token URL must end: MSAL speaks to the authority before it. */
    static final String TOKEN_PATH = "oauth2/v2.0/token";

    public TeamsSettings {
        requireText(appId, "appId");
        if (managedIdentity != null && managedIdentity.isBlank()) {
            managedIdentity = null;
        }
        int credentials =
                (appPassword != null && !appPassword.isBlank() ? 1 : 0)
                        + (certificate != null ? 1 : 0)
                        + (managedIdentity != null ? 1 : 0);
        if (credentials == 0) {
            requireText(appPassword, "appPassword");
        } else if (credentials > 1) {
            throw new IllegalArgumentException(
                    "appPassword, a certificate and a managed identity: choose one credential");
        }
        requireText(tenantId, "tenantId");
        if (openIdMetadataUrl == null || openIdMetadataUrl.isBlank()) {
            openIdMetadataUrl = DEFAULT_OPENID_METADATA_URL;
        }
        if (tokenUrl == null || tokenUrl.isBlank()) {
            tokenUrl = DEFAULT_TOKEN_URL;
        }
        tokenUrl = tokenUrl.replace("{tenantId}", tenantId);
        if (entraOpenIdMetadataUrl == null || entraOpenIdMetadataUrl.isBlank()) {
            entraOpenIdMetadataUrl = DEFAULT_ENTRA_OPENID_METADATA_URL;
        }
        entraOpenIdMetadataUrl = entraOpenIdMetadataUrl.replace("{tenantId}", tenantId);
        requireSafeUrl(openIdMetadataUrl, "openIdMetadataUrl");
        requireSafeUrl(tokenUrl, "tokenUrl");
        requireSafeUrl(entraOpenIdMetadataUrl, "entraOpenIdMetadataUrl");
        if (proactiveInstall != null) {
            requireSafeUrl(proactiveInstall.graphUrl(), "graphUrl");
        }
        if (certificate != null
                && !(tokenUrl.startsWith("https://") && tokenUrl.endsWith("/" + TOKEN_PATH))) {
            throw new IllegalArgumentException(
                    "tokenUrl must be an https URL ending in /"
                            + TOKEN_PATH
                            + " with a certificate");
        }
    }

    /**
     * The authority MSAL asks for a token ({@code https://login.microsoftonline.com/{tenant}/}).
     */
    String authority() {
        return tokenUrl.substring(0, tokenUrl.length() - TOKEN_PATH.length());
    }

    /** Settings without proactive installs. */
    public TeamsSettings(
            String appId,
            String appPassword,
            String tenantId,
            String openIdMetadataUrl,
            String tokenUrl,
            String entraOpenIdMetadataUrl,
            Certificate certificate,
            String managedIdentity) {
        this(
                appId,
                appPassword,
                tenantId,
                openIdMetadataUrl,
                tokenUrl,
                entraOpenIdMetadataUrl,
                certificate,
                managedIdentity,
                null);
    }

    /** The same settings with proactive installs through Graph ({@code null}: off). */
    public TeamsSettings withProactiveInstall(ProactiveInstall install) {
        return new TeamsSettings(
                appId,
                appPassword,
                tenantId,
                openIdMetadataUrl,
                tokenUrl,
                entraOpenIdMetadataUrl,
                certificate,
                managedIdentity,
                install);
    }

    /** Settings with the Entra tenant's public-cloud OpenID configuration. */
    public TeamsSettings(
            String appId,
            String appPassword,
            String tenantId,
            String openIdMetadataUrl,
            String tokenUrl) {
        this(appId, appPassword, tenantId, openIdMetadataUrl, tokenUrl, null, null, null);
    }

    /** Settings with the public-cloud endpoints. */
    public TeamsSettings(String appId, String appPassword, String tenantId) {
        this(appId, appPassword, tenantId, null, null, null, null, null);
    }

    /** The issuers of tokens from the bot's own tenant (Entra v2, and v1 for older tokens). */
    public List<String> tenantIssuers() {
        return List.of(
                "https://login.microsoftonline.com/" + tenantId + "/v2.0",
                "https://sts.windows.net/" + tenantId + "/");
    }

    /**
     * Reads the settings from the environment once, at start: empty when {@code TEAMS_APP_ID} is
     * not set (Teams is off); otherwise every required variable must be set, and the failure names
     * the one that is wrong.
     */
    public static Optional<TeamsSettings> fromEnvironment(Map<String, String> env) {
        String appId = env.get(ENV_APP_ID);
        if (appId == null || appId.isBlank()) {
            return Optional.empty();
        }
        if (env.get(ENV_TENANT_ID) == null || env.get(ENV_TENANT_ID).isBlank()) {
            throw new IllegalArgumentException(
                    ENV_TENANT_ID + " must be set when " + ENV_APP_ID + " is set");
        }
        boolean secret = env.get(ENV_APP_PASSWORD) != null && !env.get(ENV_APP_PASSWORD).isBlank();
        String certificatePath = env.get(ENV_CERTIFICATE_PATH);
        boolean certificate = certificatePath != null && !certificatePath.isBlank();
        String identity = env.get(ENV_MANAGED_IDENTITY);
        boolean managed = identity != null && !identity.isBlank();
        if ((secret ? 1 : 0) + (certificate ? 1 : 0) + (managed ? 1 : 0) != 1) {
            throw new IllegalArgumentException(
                    "exactly one of "
                            + ENV_APP_PASSWORD
                            + ", "
                            + ENV_CERTIFICATE_PATH
                            + " and "
                            + ENV_MANAGED_IDENTITY
                            + " must be set when "
                            + ENV_APP_ID
                            + " is set");
        }
        try {
            return Optional.of(
                    new TeamsSettings(
                            appId,
                            env.get(ENV_APP_PASSWORD),
                            env.get(ENV_TENANT_ID),
                            env.get(ENV_OPENID_METADATA_URL),
                            env.get(ENV_TOKEN_URL),
                            env.get(ENV_ENTRA_OPENID_METADATA_URL),
                            certificate
                                    ? new Certificate(
                                            Path.of(certificatePath),
                                            env.get(ENV_CERTIFICATE_PASSWORD))
                                    : null,
                            managed ? identity.strip() : null,
                            ProactiveInstall.fromEnvironment(env)));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("TEAMS_")) {
                throw e;
            }
            String variable =
                    e.getMessage().startsWith("graphUrl")
                            ? ENV_GRAPH_URL
                            : e.getMessage().startsWith("openIdMetadataUrl")
                                    ? ENV_OPENID_METADATA_URL
                                    : e.getMessage().startsWith("entraOpenIdMetadataUrl")
                                            ? ENV_ENTRA_OPENID_METADATA_URL
                                            : e.getMessage().startsWith("appPassword")
                                                    ? ENV_APP_PASSWORD
                                                    : ENV_TOKEN_URL;
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId="
                + appId
                + ", appPassword=***, tenantId="
                + tenantId
                + ", openIdMetadataUrl="
                + openIdMetadataUrl
                + ", tokenUrl="
                + tokenUrl
                + ", entraOpenIdMetadataUrl="
                + entraOpenIdMetadataUrl
                + ", certificate="
                + certificate
                + ", managedIdentity="
                + managedIdentity
                + ", proactiveInstall="
                + (proactiveInstall == null ? "off" : proactiveInstall)
                + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("blank " + name);
        }
    }

    /** HTTPS, or plain HTTP on the loopback interface only (tests and local fakes). */
    private static void requireSafeUrl(String url, String name) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + url, e);
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (uri.getHost() == null
                || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException(name + " must be an https URL: " + url);
        }
    }

    /**
     * Proactive installs: for roster members TenFour cannot reach yet, install the app in their
     * personal scope through Microsoft Graph and open their 1:1 chat. Needs the application
     * permission {@value #PERMISSION}, which a Microsoft Entra admin grants.
     *
     * @param catalogAppId the app's id in the organisation's Teams app catalogue
     * @param graphUrl Microsoft Graph's base URL, {@code https://graph.microsoft.com/v1.0} unless
     *     overridden (tests: a loopback fake)
     * @param perMinute at most this many people installed a minute
     * @param interval how often TenFour looks for people to install
     */
    public record ProactiveInstall(
            String catalogAppId, String graphUrl, int perMinute, Duration interval) {
        /** The least-privileged Graph application permission that installs the app itself. */
        public static final String PERMISSION = "TeamsAppInstallation.ReadWriteSelfForUser.All";

        public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0";
        public static final int DEFAULT_PER_MINUTE = 20;
        public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
        private static final Pattern CATALOG_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

        public ProactiveInstall {
            if (catalogAppId == null || !CATALOG_ID.matcher(catalogAppId.strip()).matches()) {
                throw new IllegalArgumentException(
                        ENV_APP_CATALOG_ID
                                + " must be the app's catalogue id (a GUID), was '"
                                + catalogAppId
                                + "'");
            }
            catalogAppId = catalogAppId.strip();
            if (graphUrl == null || graphUrl.isBlank()) {
                graphUrl = DEFAULT_GRAPH_URL;
            }
            graphUrl =
                    graphUrl.endsWith("/")
                            ? graphUrl.substring(0, graphUrl.length() - 1)
                            : graphUrl;
            if (perMinute < 1 || perMinute > 600) {
                throw new IllegalArgumentException(
                        ENV_PROACTIVE_INSTALL_PER_MINUTE
                                + " must be between 1 and 600, was "
                                + perMinute);
            }
            Objects.requireNonNull(interval, "null interval");
            if (interval.toSeconds() < 1 || interval.toSeconds() > 3600) {
                throw new IllegalArgumentException(
                        ENV_PROACTIVE_INSTALL_INTERVAL
                                + " must be between 1 and 3600, was "
                                + interval.toSeconds());
            }
            if (perMinute * interval.toSeconds() < 60) {
                // a pass takes whole people: at least one, or the rate would be exceeded
                throw new IllegalArgumentException(
                        ENV_PROACTIVE_INSTALL_PER_MINUTE
                                + " × "
                                + ENV_PROACTIVE_INSTALL_INTERVAL
                                + " must be at least 60 (one person a pass), was "
                                + perMinute * interval.toSeconds());
            }
        }

        /**
         * Installs of the app {@code catalogAppId} at Graph's public address, with the defaults.
         */
        public ProactiveInstall(String catalogAppId) {
            this(catalogAppId, null, DEFAULT_PER_MINUTE, DEFAULT_INTERVAL);
        }

        /**
         * How many people one pass may install: the rate over the interval (passes run one at a
         * time, once an interval, across replicas, so the rate holds for the whole deployment).
         */
        public int perPass() {
            return (int) (perMinute * interval.toSeconds() / 60);
        }

        /**
         * Null unless {@code TEAMS_PROACTIVE_INSTALL} is {@code on}; its failure names the
         * variable.
         */
        static ProactiveInstall fromEnvironment(Map<String, String> env) {
            String on = Objects.requireNonNullElse(env.get(ENV_PROACTIVE_INSTALL), "").strip();
            if (on.isEmpty() || on.equalsIgnoreCase("off")) {
                return null;
            }
            if (!on.equalsIgnoreCase("on")) {
                throw new IllegalArgumentException(
                        ENV_PROACTIVE_INSTALL + " must be on or off, was '" + on + "'");
            }
            return new ProactiveInstall(
                    env.get(ENV_APP_CATALOG_ID),
                    env.get(ENV_GRAPH_URL),
                    number(env, ENV_PROACTIVE_INSTALL_PER_MINUTE, DEFAULT_PER_MINUTE),
                    Duration.ofSeconds(
                            number(
                                    env,
                                    ENV_PROACTIVE_INSTALL_INTERVAL,
                                    (int) DEFAULT_INTERVAL.toSeconds())));
        }

        private static int number(Map<String, String> env, String name, int fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + " must be a whole number, was '" + value + "'", e);
            }
        }
    }

    /**
     * The bot's certificate credential, which Microsoft recommends over a client secret: a PKCS#12
     * file holding the private key and the certificate uploaded to the app registration. Its
     * password is never printed.
     *
     * @param file the {@code .p12} / {@code .pfx} file
     * @param password its password, or empty
     */
    public record Certificate(Path file, String password) {
        public Certificate {
            Objects.requireNonNull(file, "null file");
            password = password == null ? "" : password;
        }

        /** The private key and its certificate. */
        record Loaded(PrivateKey key, X509Certificate certificate) {}

        /** Reads the key and certificate; the failure says what is wrong, never the password. */
        Loaded load() {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("certificate file not readable: " + file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)
                            && store.getKey(alias, password.toCharArray()) instanceof PrivateKey key
                            && store.getCertificate(alias) instanceof X509Certificate cert) {
                        return new Loaded(key, cert);
                    }
                }
                throw new IllegalArgumentException(
                        "certificate file holds no private key with its certificate: " + file);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(
                        "certificate file cannot be read (wrong password, or not PKCS#12): " + file,
                        e);
            }
        }

        @Override
        public String toString() {
            return "Certificate[file=" + file + ", password=***]";
        }
    }
}
