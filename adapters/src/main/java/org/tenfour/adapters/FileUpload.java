package org.tenfour.adapters;

import java.util.Base64;
import java.util.Objects;

/**
 * A file to post (a report's chart or CSV): Slack uploads it, Teams shows an image inline or
 * attaches the file.
 *
 * @param filename e.g. {@code report-2026-11.png}
 * @param mimeType e.g. {@code image/png}, {@code text/csv}
 * @param base64 the content, base64-encoded (it travels through the outbox as JSON)
 * @param title a short title shown with the file
 */
public record FileUpload(String filename, String mimeType, String base64, String title) {
    public FileUpload {
        Address.requireText(filename, "filename");
        Address.requireText(mimeType, "mimeType");
        Objects.requireNonNull(base64, "null base64");
        Address.requireText(title, "title");
    }

    /** A file from bytes. */
    public static FileUpload of(String filename, String mimeType, byte[] content, String title) {
        return new FileUpload(
                filename, mimeType, Base64.getEncoder().encodeToString(content), title);
    }

    /** The content. */
    public byte[] bytes() {
        return Base64.getDecoder().decode(base64);
    }
}
