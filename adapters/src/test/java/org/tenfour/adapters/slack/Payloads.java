package org.tenfour.adapters.slack;

/** Slack payloads in the shapes Slack sends them. */
public final class Payloads {
    private Payloads() {}

    public static String blockAction(String team, String actionId, String value) {
        return """
                {"type":"block_actions","user":{"id":"U0PAT","username":"pat","name":"pat","team_id":"%1$s"},
                 "api_app_id":"A0APP","token":"gIkuvaNzQIHg97ATvDxqgjtO",
                 "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"D0DM","is_ephemeral":false},
                 "trigger_id":"1234567890.0987654321.abcdef","team":{"id":"%1$s","domain":"fd7"},"enterprise":null,
                 "is_enterprise_install":false,"channel":{"id":"D0DM","name":"directmessage"},
                 "message":{"type":"message","user":"UBOT","ts":"1700000000.000100","bot_id":"B0BOT",
                            "text":"How are you doing?","blocks":[]},
                 "state":{"values":{}},"response_url":"https://hooks.slack.com/actions/%1$s/1/abc",
                 "actions":[{"action_id":"%2$s","block_id":"b0","text":{"type":"plain_text","text":"Talk","emoji":true},
                             "value":"%3$s","style":"primary","type":"button","action_ts":"1700000001.000200"}]}"""
                .formatted(team, actionId, value);
    }

    public static String viewSubmission(String team) {
        return """
                {"type":"view_submission","team":{"id":"%1$s","domain":"fd7"},
                 "user":{"id":"U0PEER","username":"sam","name":"sam","team_id":"%1$s"},
                 "api_app_id":"A0APP","token":"gIkuvaNzQIHg97ATvDxqgjtO","trigger_id":"111.222.333",
                 "view":{"id":"V0LOG","team_id":"%1$s","type":"modal","blocks":[],"private_metadata":"request-42",
                   "callback_id":"log","hash":"156772938.1827394","title":{"type":"plain_text","text":"Log a contact"},
                   "clear_on_close":false,"notify_on_close":false,"close":null,
                   "submit":{"type":"plain_text","text":"Save"},"previous_view_id":null,"root_view_id":"V0LOG",
                   "app_id":"A0APP","external_id":"","app_installed_team_id":"%1$s","bot_id":"B0BOT",
                   "state":{"values":{
                     "contact_type":{"contact_type":{"type":"radio_buttons",
                        "selected_option":{"text":{"type":"plain_text","text":"Phone"},"value":"phone"}}},
                     "agency":{"agency":{"type":"static_select",
                        "selected_option":{"text":{"type":"plain_text","text":"FD7"},"value":"fd7"}}},
                     "topics":{"topics":{"type":"checkboxes","selected_options":[
                        {"text":{"type":"plain_text","text":"Sleep"},"value":"sleep"},
                        {"text":{"type":"plain_text","text":"Stress"},"value":"stress"}]}},
                     "languages":{"languages":{"type":"multi_static_select","selected_options":[
                        {"text":{"type":"plain_text","text":"Spanish"},"value":"es"}]}},
                     "safety":{"safety":{"type":"checkboxes","selected_options":[]}},
                     "follow_up":{"follow_up":{"type":"datepicker","selected_date":"2030-02-01"}},
                     "minutes":{"minutes":{"type":"plain_text_input","value":"  30  "}}}}},
                 "response_urls":[],"is_enterprise_install":false,"enterprise":null}"""
                .formatted(team);
    }

    public static String event(String team, String eventId, String eventJson) {
        return """
                {"token":"gIkuvaNzQIHg97ATvDxqgjtO","team_id":"%1$s","api_app_id":"A0APP","event":%3$s,
                 "type":"event_callback","event_id":"%2$s","event_time":1700000000,
                 "authorizations":[{"enterprise_id":null,"team_id":"%1$s","user_id":"UBOT","is_bot":true,
                                    "is_enterprise_install":false}],
                 "is_ext_shared_channel":false,"event_context":"4-eyJldCI6ImFwcF9ob21lX29wZW5lZCJ9"}"""
                .formatted(team, eventId, eventJson);
    }

    public static String homeOpened(String user) {
        return """
                {"type":"app_home_opened","user":"%s","channel":"D0DM","tab":"home","event_ts":"1700000000.000300"}"""
                .formatted(user);
    }

    public static String memberJoined(String user, String channel) {
        return """
                {"type":"member_joined_channel","user":"%s","channel":"%s","channel_type":"C","team":"T111",
                 "inviter":"U0COORD","event_ts":"1700000000.000400"}"""
                .formatted(user, channel);
    }

    /** A message in a DM with the bot; {@code extra} adds fields such as a subtype or bot_id. */
    public static String directMessage(String user, String text, String extra) {
        return """
                {"type":"message","channel":"D0DM","channel_type":"im","user":"%s","text":"%s",
                 "ts":"1700000000.000600","event_ts":"1700000000.000600"%s}"""
                .formatted(user, text, extra);
    }

    public static String appUninstalled() {
        return "{\"type\":\"app_uninstalled\",\"event_ts\":\"1700000000.000500\"}";
    }

    public static String urlVerification(String challenge) {
        return """
                {"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"%s","type":"url_verification"}"""
                .formatted(challenge);
    }
}
