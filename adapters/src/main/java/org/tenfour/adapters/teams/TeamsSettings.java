package org.tenfour.adapters.teams;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's Azure registration and the Microsoft endpoints it trusts. Single-tenant: the token is
 * requested from the tenant's own authority.
 *
 * @param appId the Microsoft App ID of the Azure Bot (a GUID)
 * @param appPassword its client secret; never printed
 * @param tenantId the Microsoft Entra tenant the bot is registered in
 * @param openIdMetadataUrl where the Bot Connector's signing keys are announced
 * @param tokenUrl the OAuth token endpoint for client credentials
 * @param entraOpenIdMetadataUrl where the bot's own Entra tenant announces its signing keys (for
 *     tokens that tenant issued)
 */
public record TeamsSettings(
        String appId,
        String appPassword,
        String tenantId,
        String openIdMetadataUrl,
        String tokenUrl,
        String entraOpenIdMetadataUrl) {

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

    public TeamsSettings {
        requireText(appId, "appId");
        requireText(appPassword, "appPassword");
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
    }

    /** Settings with the Entra tenant's public-cloud OpenID configuration. */
    public TeamsSettings(
            String appId,
            String appPassword,
            String tenantId,
            String openIdMetadataUrl,
            String tokenUrl) {
        this(appId, appPassword, tenantId, openIdMetadataUrl, tokenUrl, null);
    }

    /** Settings with the public-cloud endpoints. */
    public TeamsSettings(String appId, String appPassword, String tenantId) {
        this(appId, appPassword, tenantId, null, null, null);
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
        for (String required : new String[] {ENV_APP_PASSWORD, ENV_TENANT_ID}) {
            if (env.get(required) == null || env.get(required).isBlank()) {
                throw new IllegalArgumentException(
                        required + " must be set when " + ENV_APP_ID + " is set");
            }
        }
        try {
            return Optional.of(
                    new TeamsSettings(
                            appId,
                            env.get(ENV_APP_PASSWORD),
                            env.get(ENV_TENANT_ID),
                            env.get(ENV_OPENID_METADATA_URL),
                            env.get(ENV_TOKEN_URL),
                            env.get(ENV_ENTRA_OPENID_METADATA_URL)));
        } catch (IllegalArgumentException e) {
            String variable =
                    e.getMessage().startsWith("openIdMetadataUrl")
                            ? ENV_OPENID_METADATA_URL
                            : e.getMessage().startsWith("entraOpenIdMetadataUrl")
                                    ? ENV_ENTRA_OPENID_METADATA_URL
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
                || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException(name + " must be an https URL: " + url);
        }
    }
}
