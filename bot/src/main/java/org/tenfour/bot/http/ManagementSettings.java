package org.tenfour.bot.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the operations endpoints ({@code /metrics}) listen, apart from the public listener: on
 * loopback by default, so only the machine itself (a local Prometheus agent, an SSH tunnel) can
 * read them. Anywhere else they need a bearer token.
 *
 * @param host the interface to listen on
 * @param port the port, 0 for any free one
 * @param token the bearer token every request must carry, or null (loopback only)
 */
public record ManagementSettings(String host, int port, String token) {
    /** Shortest token accepted: guessing must be hopeless. */
    public static final int MIN_TOKEN_LENGTH = 24;

    public ManagementSettings {
        Objects.requireNonNull(host, "null host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        token = token == null || token.isBlank() ? null : token.strip();
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    "the token must be at least "
                            + MIN_TOKEN_LENGTH
                            + " characters (generate one with: openssl rand -hex 32)");
        }
        if (token == null && !loopback(host)) {
            throw new IllegalArgumentException(
                    "'"
                            + host
                            + "' is not a loopback address: set a bearer token for the management endpoints "
                            + "(generate one with: openssl rand -hex 32)");
        }
    }

    /**
     * Parses {@code host:port} ({@code [::1]:9090} for IPv6); a bare port means loopback on that
     * port.
     */
    public static ManagementSettings parse(String address, String token) {
        String raw = address.strip();
        String host = "127.0.0.1";
        String port = raw;
        int colon = raw.lastIndexOf(':');
        if (colon >= 0) {
            host = raw.substring(0, colon);
            port = raw.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("no host before ':' in '" + raw + "'");
            }
        }
        try {
            return new ManagementSettings(host, Integer.parseInt(port), token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "must be host:port such as 127.0.0.1:9090, was '" + raw + "'");
        }
    }

    /** Whether only this machine can reach {@code host}. */
    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: do not resolve at start, ask for a token
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Never the token. */
    @Override
    public String toString() {
        return host + ":" + port + (token == null ? "" : " (bearer token)");
    }
}
