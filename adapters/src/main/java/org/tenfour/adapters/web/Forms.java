package org.tenfour.adapters.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Form;

/**
 * The forms open in each person's browser. A submission is accepted only for a form that was opened
 * for that person, and its context comes from here, not from the browser (as a Slack modal's
 * private metadata stays with Slack).
 */
final class Forms {
    private final Map<String, Map<String, Form>> byPerson = new HashMap<>();

    synchronized void open(String userId, Form form) {
        byPerson.computeIfAbsent(userId, k -> new HashMap<>()).put(form.formId(), form);
    }

    synchronized Optional<Form> find(String userId, String formId) {
        return Optional.ofNullable(byPerson.getOrDefault(userId, Map.of()).get(formId));
    }

    synchronized void close(String userId, String formId) {
        Map<String, Form> open = byPerson.get(userId);
        if (open != null) {
            open.remove(formId);
        }
    }
}
