package org.tenfour.adapters.web;

import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;

/** What the sandbox API answers, as records Javalin's JSON mapping writes. */
final class Views {
    private Views() {}

    /** What the page starts from: who exists, the time, and the commands to suggest. */
    record DirectoryView(
            List<WebSandbox.Workspace> workspaces,
            List<WebSandbox.Person> people,
            List<WebSandbox.Channel> channels,
            String now,
            List<String> commands) {}

    /** A conversation as one person sees it. */
    record ConversationView(String id, String title, String kind, List<PostedView> messages) {}

    /** The person's conversations. */
    record ConversationsView(String now, List<ConversationView> conversations) {}

    /**
     * One message as the page shows it.
     *
     * @param author {@code BOT}, {@code PERSON} (what they typed) or {@code GUIDE}
     * @param onlyYou whether only this person sees it (a private reply)
     */
    record PostedView(
            String id,
            String at,
            boolean edited,
            String author,
            boolean onlyYou,
            String text,
            List<String> notes,
            List<Button> buttons,
            FileView file) {
        static PostedView of(Inboxes.Posted p) {
            Message m = p.message();
            return new PostedView(
                    p.id(),
                    p.at().toString(),
                    p.edited(),
                    p.author().name(),
                    p.onlyFor() != null,
                    m.text(),
                    m.notes(),
                    m.buttons(),
                    p.file() == null ? null : FileView.of(p.file()));
        }
    }

    /** A posted file's description (its content is fetched from {@code /sandbox/api/file}). */
    record FileView(String filename, String mimeType, String title, boolean image, int size) {
        static FileView of(FileUpload f) {
            return new FileView(
                    f.filename(), f.mimeType(), f.title(), Views.image(f), f.bytes().length);
        }
    }

    /**
     * The product's answer to what the page sent.
     *
     * @param kind {@code private}, {@code form}, {@code errors}, {@code accepted} or {@code none}
     * @param message a private reply, posted in the conversation for this person only
     */
    record ReplyView(String kind, PostedView message, Form form, Map<String, String> errors) {}

    /** The time after a fast-forward. */
    record TimeView(String now) {}

    static boolean image(FileUpload file) {
        return List.of("image/png", "image/jpeg", "image/gif").contains(file.mimeType());
    }
}
