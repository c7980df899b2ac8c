package org.tenfour.bot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.slack.SlackPayloadLimits;
import org.tenfour.adapters.teams.TeamsPayloadLimits;

/**
 * Every message, form and reply the product produces in a test, rendered as Slack and Teams would
 * get it and checked against both platforms' limits (Block Kit and modal limits; Teams' 28 KB and
 * the Adaptive Cards schema): a payload a platform would refuse fails the test that produced it.
 * The test fixtures ({@link TestProgram}, {@link RecordingPlatform}, the connect world) call it on
 * everything that passes through them.
 */
public final class PayloadChecks {
    /** Each distinct payload is checked once per run (check-ins repeat by the thousand). */
    private static final Set<Object> CHECKED = ConcurrentHashMap.newKeySet();

    private PayloadChecks() {}

    /** {@code reply}, after checking what it shows. */
    public static <R extends Reply> R checked(R reply) {
        if (reply instanceof Reply.Private p) {
            check(p.message());
        } else if (reply instanceof Reply.ShowForm f) {
            check(f.form(), Map.of());
        } else if (reply instanceof Reply.FormErrors e) {
            check(e.form(), e.errors());
        } else if (reply instanceof Reply.FormAccepted a && a.confirmation() != null) {
            check(a.confirmation());
        }
        return reply;
    }

    /** Fails when Slack or Teams would refuse {@code message}. */
    public static void check(Message message) {
        if (!CHECKED.add(message)) {
            return;
        }
        List<String> violations = new ArrayList<>(SlackPayloadLimits.of(message));
        violations.addAll(TeamsPayloadLimits.of(message));
        fail(violations, message.text());
    }

    /** Fails when a Slack modal or a Teams card of {@code form} would be refused. */
    public static void check(Form form, Map<String, String> errors) {
        if (!CHECKED.add(List.of(form, errors))) {
            return;
        }
        List<String> violations = new ArrayList<>(SlackPayloadLimits.of(form));
        violations.addAll(TeamsPayloadLimits.of(form, errors));
        fail(violations, form.formId());
    }

    private static void fail(List<String> violations, String what) {
        if (!violations.isEmpty()) {
            CHECKED.clear();
            throw new AssertionError(
                    "outside the platforms' limits: "
                            + violations
                            + " in: "
                            + (what.length() > 200 ? what.substring(0, 200) + "…" : what));
        }
    }
}
