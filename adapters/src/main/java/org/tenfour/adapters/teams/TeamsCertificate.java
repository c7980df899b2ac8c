package org.tenfour.adapters.teams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * The bot's certificate credential, which Microsoft recommends over a client secret: a PKCS#12 file
 * holding the private key and the certificate uploaded to the app registration. Its password is
 * never printed.
 *
 * @param file the {@code .p12} / {@code .pfx} file
 * @param password its password, or empty
 */
public record TeamsCertificate(Path file, String password) {
    public TeamsCertificate {
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
                    "certificate file cannot be read (wrong password, or not PKCS#12): " + file, e);
        }
    }

    @Override
    public String toString() {
        return "TeamsCertificate[file=" + file + ", password=***]";
    }
}
