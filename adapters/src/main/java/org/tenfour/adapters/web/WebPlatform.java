package org.tenfour.adapters.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;

/** {@link ChatPlatform} for {@link Platform#WEB}: posts into the sandbox's inboxes. */
final class WebPlatform implements ChatPlatform {
    /** Files the fake platform takes (Slack's limit is far higher; a report chart is ~50 kB). */
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    private final SandboxPeople directory;
    private final Inboxes inboxes;
    private final Forms forms;
    private final Live live;
    private final Clock clock;

    WebPlatform(SandboxPeople directory, Inboxes inboxes, Forms forms, Live live, Clock clock) {
        this.directory = directory;
        this.inboxes = inboxes;
        this.forms = forms;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public Delivery send(Address to, Message message) {
        Objects.requireNonNull(message, "null message");
        String conversation = conversation(to);
        Inboxes.Posted posted = inboxes.append(conversation, message, clock.instant());
        return new Delivery(conversation, posted.id());
    }

    /**
     * Posts a file into the conversation, captioned with its title: the page shows images inline
     * and offers other files (CSV) as a download.
     */
    @Override
    public Delivery upload(Address to, FileUpload file) {
        Objects.requireNonNull(file, "null file");
        String conversation = conversation(to);
        byte[] bytes;
        try {
            bytes = file.bytes();
        } catch (IllegalArgumentException e) {
            throw new ChatPlatformException.Rejected(
                    "file " + file.filename() + " is not valid base64");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ChatPlatformException.Rejected(
                    "file " + file.filename() + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        Inboxes.Posted posted =
                inboxes.append(conversation, Message.text(file.title()), file, clock.instant());
        return new Delivery(conversation, posted.id());
    }

    @Override
    public void update(Address to, Delivery sent, Message message) {
        conversation(to);
        if (!inboxes.replace(sent.conversationId(), sent.messageId(), message)) {
            throw new ChatPlatformException.Rejected(
                    "no message " + sent.messageId() + " in " + sent.conversationId());
        }
    }

    @Override
    public void openForm(Address user, String triggerId, Form form) {
        WebSandbox.Person person = person(user);
        forms.open(person.userId(), form);
        live.tell(List.of(person.userId()), "form", Requests.json(form));
    }

    @Override
    public Optional<UserProfile> profile(Address user) {
        return directory
                .conversationOf(user)
                .flatMap(c -> directory.person(user.targetId()))
                .map(p -> new UserProfile(p.displayName(), p.timeZone(), p.admin()));
    }

    @Override
    public List<String> groupMembers(Address group) {
        return directory
                .channel(group.targetId())
                .filter(c -> c.workspaceId().equals(group.workspaceId()))
                .map(WebSandbox.Channel::memberIds)
                .orElseThrow(
                        () ->
                                new ChatPlatformException.Rejected(
                                        "no sandbox channel " + group.targetId()));
    }

    private String conversation(Address to) {
        if (to.platform() != Platform.WEB) {
            throw new ChatPlatformException.Rejected(
                    "not a sandbox address: " + to.platform().id());
        }
        return directory
                .conversationOf(to)
                .orElseThrow(
                        () ->
                                new ChatPlatformException.Unreachable(
                                        "no sandbox "
                                                + to.kind().name().toLowerCase(Locale.ROOT)
                                                + " "
                                                + to.targetId()
                                                + " in "
                                                + to.workspaceId()));
    }

    private WebSandbox.Person person(Address user) {
        if (user.kind() != Address.Kind.USER) {
            throw new ChatPlatformException.Rejected("forms open for people, not channels");
        }
        conversation(user);
        return directory.person(user.targetId()).orElseThrow();
    }
}
