package org.tenfour.adapters.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The sandbox page's static files, read once from the classpath. */
final class Pages {
    private static final Map<String, String> TYPES =
            Map.of(
                    "sandbox.html", "text/html; charset=utf-8",
                    "sandbox.js", "text/javascript; charset=utf-8",
                    "sandbox.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    Pages() {
        this.files =
                Map.of(
                        "sandbox.html",
                        read("sandbox.html"),
                        "sandbox.js",
                        read("sandbox.js"),
                        "sandbox.css",
                        read("sandbox.css"));
    }

    void serve(Context ctx, String name) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TYPES.get(name)).result(files.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sandbox resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
