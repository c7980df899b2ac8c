package org.tenfour.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.tenfour.adapters.web.WebSandbox.Person;
import org.tenfour.bot.Application;
import org.tenfour.bot.Settings;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The sandbox in a real browser (Debian's headless Chromium) against the real application: real
 * domain, PostgreSQL, Quartz and outbox, with only the demo data and the fast-forward control
 * added.
 *
 * <p>One story, told in ordered steps that build on each other (one application and one browser for
 * the class): a coordinator sets a cadence, fast-forward delivers a check-in, a member answers;
 * then the member asks for a peer from the partner agency ({@code /peer}, the request form), the
 * partner's peer accepts the anonymous offer, they talk through the relay, the peer ends it and
 * logs the contact (the log form, first with a mistake), and the coordinator runs the suppressed
 * monthly report with its chart. The partnership and the peer's opt-in to partner requests are
 * seeded by {@link DemoSeed} through the real commands. Screenshots of each step go to {@code
 * target/screenshots/}.
 *
 * <p>Sandbox time starts on a Saturday at 10:00 in the demo agencies' zone, outside check-in hours,
 * so a check-in planned then waits for Monday morning: only fast-forwarding delivers it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHECK_IN = "this is a check-in from the peer support team";
    private static final String OFFER = "would like to talk to a peer";
    private static final String PEER_SAYS = "Hi, I'm glad you reached out. How are you holding up?";
    private static final String MEMBER_SAYS =
            "Honestly, not great since the Main St fire. Can't sleep.";

    private Application app;
    private Settings settings;
    private Clock clock;
    private WebDriver driver;
    private SandboxPage page;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) throws Exception {
        assumeTrue(
                CHROMIUM.canExecute(),
                "browser test skipped: /usr/bin/chromium is absent "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does this)");
        Settings settings =
                Settings.fromEnv(
                        Map.of(
                                "PORT",
                                "0",
                                "DATABASE_URL",
                                db.jdbcUrl(),
                                "DATABASE_USER",
                                "postgres",
                                "TENFOUR_DATA_DIR",
                                dir.toString(),
                                "TENFOUR_INSTANCE_ID",
                                "sandbox-browser"));
        assertThat(settings.sandbox())
                .as("no Slack or Teams configured: the sandbox is on")
                .isTrue();
        clock = saturdayMorning();
        this.settings = settings;
        app = Application.start(settings, clock);
        driver = chromium(Files.createDirectory(dir.resolve("chromium-profile")));
        page = new SandboxPage(driver, "http://127.0.0.1:" + app.port());
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void the_page_says_it_is_a_sandbox_with_demo_data_and_marks_the_time_control() {
        page.open(DemoData.DANA.userId());
        assertThat(page.banner()).contains("SANDBOX — demo data");
        assertThat(page.timeControl())
                .contains("SANDBOX ONLY")
                .containsIgnoringCase("Fast-forward time");
        assertThat(page.sandboxNow()).startsWith("Sat");
        assertThat(page.waitForGuideText())
                .as("a first message says what to try as this person")
                .contains("You are Dana Reyes", "/tenfour cadence weekly", "/tenfour incident");
        assertThat(page.accessibilityViolations()).as("axe-core, WCAG 2 A and AA").isEmpty();
        page.screenshot("01-sandbox-opened");
    }

    @Test
    @Order(2)
    void
            the_coordinator_sets_a_weekly_cadence_and_records_an_incident_in_the_coordinator_channel() {
        page.openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .type("/tenfour cadence weekly")
                .waitForPrivateReply("Cadence is now weekly");
        page.type("/tenfour incident \"Structure fire, Main St\" @alex @jordan")
                .waitForPrivateReply("Incident \"Structure fire, Main St\" recorded");
        page.screenshot("02-coordinator-sets-cadence-and-incident");
    }

    @Test
    @Order(3)
    void fast_forward_lands_in_working_hours_and_delivers_the_check_in_to_a_member() {
        page.fastForward(1, "Mon");
        assertThat(page.sandboxNow())
                .as(
                        "one day after Saturday 10:00 is a Sunday: fast-forward goes on to Monday 09:00")
                .startsWith("Mon")
                .contains("09:00");
        page.playAs(DemoData.ALEX.userId());
        page.screenshot("03-fast-forwarded-to-monday");
        assertThat(page.waitForMessageText(CHECK_IN))
                .contains("988 Suicide & Crisis Lifeline")
                .contains("I'm OK")
                .contains("Not now");
        page.screenshot("04-member-receives-check-in");
    }

    @Test
    @Order(4)
    void the_member_answers_and_the_check_in_message_updates() {
        page.press(CHECK_IN, "I'm OK")
                .waitForPrivateReply("Thanks for letting us know")
                .waitForResolved(CHECK_IN, "You answered: I'm OK");
        page.screenshot("05-member-answered");
    }

    @Test
    @Order(5)
    void a_member_types_help_and_sees_what_they_can_do_and_a_typo_gets_did_you_mean() {
        page.type("/tenfour help").waitForPrivateReply("TenFour — your peer support program");
        page.screenshot("06-member-help");
        page.type("/tenfour mydta").waitForPrivateReply("Did you mean /tenfour mydata?");
    }

    @Test
    @Order(6)
    void the_coordinator_sees_the_status_without_a_live_count_of_anyones_answer() {
        page.playAs(DemoData.DANA.userId())
                .openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .type("/tenfour status")
                .waitForPrivateReply("Opt-outs and answered check-ins are not counted here");
        page.screenshot("07-coordinator-status");
    }

    @Test
    @Order(7)
    void a_member_asks_for_a_peer_from_the_partner_agency_through_the_request_form() {
        page.playAs(DemoData.ALEX.userId()).type("/peer");
        WebElement form = page.waitForForm("Talk to a peer");
        assertThat(form.getText())
                .contains(
                        "Who would you like to talk to?",
                        "How soon?",
                        "How?",
                        "Share my name with the peer now",
                        "Topic (optional)",
                        "A peer from a partner agency");
        assertThat(page.field("share_name").findElement(By.tagName("input")).isSelected())
                .as("the member's name is not shared unless they tick it")
                .isFalse();
        page.choose("who", "A peer from a partner agency")
                .choose("urgency", "Today")
                .choose("contact", "Chat");
        page.screenshot("08-member-request-form");
        page.submitForm()
                .waitForFormClosed()
                .waitForPrivateReply("A peer is being asked and will be in touch today");
        page.screenshot("09-member-request-sent");
    }

    @Test
    @Order(8)
    void the_partner_peer_receives_an_anonymous_offer_and_accepts_it() {
        page.playAs(DemoData.TAYLOR.userId());
        String offer = page.waitForMessageText(OFFER);
        assertThat(offer)
                .contains("A member of Riverside Fire & EMS", "When: today", "Prefers: chat")
                .doesNotContain(DemoData.ALEX.displayName());
        page.screenshot("10-peer-receives-offer");
        page.press(OFFER, "Accept").waitForMessage("You're connected with Member");
        page.waitForMessage("You accepted request");
        page.screenshot("11-peer-accepted");
    }

    @Test
    @Order(9)
    void member_and_peer_talk_through_the_relay_and_the_peer_never_sees_the_members_name() {
        page.type(PEER_SAYS);
        page.playAs(DemoData.ALEX.userId());
        page.waitForMessage("Taylor Grant, a trained peer from Lakeview Police");
        assertThat(page.waitForMessageText(PEER_SAYS)).contains("\nTaylor Grant: " + PEER_SAYS);
        page.type(MEMBER_SAYS);
        page.screenshot("12-member-relay");

        page.playAs(DemoData.TAYLOR.userId());
        assertThat(page.waitForMessageText(MEMBER_SAYS)).contains("\nMember: " + MEMBER_SAYS);
        assertThat(page.conversationText())
                .as("the peer's side of the conversation")
                .doesNotContain(DemoData.ALEX.displayName())
                .doesNotContain("Alex")
                .doesNotContain("@alex");
        page.screenshot("13-peer-relay");
    }

    @Test
    @Order(10)
    void the_peer_ends_the_relay_and_the_member_is_told() {
        page.type("/tenfour end")
                .waitForPrivateReply("The conversation is ended; nothing of it was kept.");
        page.playAs(DemoData.ALEX.userId()).waitForMessage("Taylor Grant ended the conversation.");
        page.screenshot("14-relay-ended");
    }

    @Test
    @Order(11)
    void the_peer_logs_the_contact_and_sees_a_mistake_next_to_its_field_first() {
        page.playAs(DemoData.TAYLOR.userId()).type("/tenfour log");
        WebElement form = page.waitForForm("Log a contact");
        assertThat(form.findElements(By.cssSelector("textarea")))
                .as("no free-text box in the log form")
                .isEmpty();
        page.choose("contact_type", "Member request")
                .tick("topics", "stress", true)
                .tick("topics", "critical_incident", true)
                .choose("duration", "30–60 min")
                .tick("follow_up", null, true);
        page.submitForm().waitForFieldError("follow_up_date", "Choose the day to follow up.");
        assertThat(page.fieldErrors()).containsOnlyKeys("follow_up_date");
        dialogIsAccessible();
        assertThat(
                        new Select(page.field("contact_type").findElement(By.tagName("select")))
                                .getFirstSelectedOption()
                                .getText())
                .as("what was chosen stays chosen")
                .isEqualTo("Member request");
        page.screenshot("15-log-form-error");

        page.tick("follow_up", null, false)
                .submitForm()
                .waitForFormClosed()
                .waitForPrivateReply(
                        "Logged — thank you. You can correct it for the next 24 hours.");
        page.screenshot("16-contact-logged");
    }

    @Test
    @Order(12)
    void the_coordinator_runs_the_monthly_report_and_sees_suppressed_counts_and_the_chart() {
        page.playAs(DemoData.DANA.userId())
                .openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .type("/tenfour report month")
                .waitForPrivateReply("is being posted here");
        WebElement posted = page.waitForMessage("Peer support report");
        String report = posted.getText();
        assertThat(report)
                .contains("Contacts logged: <5")
                .contains("Numbers below 5 show as <5")
                .contains("No peer or member is named in this report.")
                .doesNotContain(DemoData.ALEX.displayName())
                .doesNotContain(DemoData.TAYLOR.displayName());
        WebElement chart = page.waitForImage();
        assertThat(chart.getDomAttribute("alt")).startsWith("Program report chart");
        assertThat(chart.getSize().getWidth()).isGreaterThan(300);
        page.scrollToFirstOf("Peer support report");
        page.screenshot("17-coordinator-report-with-chart");
    }

    @Test
    @Order(13)
    void the_coordinator_exports_the_report_and_gets_the_csv_as_a_download_in_their_dm() {
        page.press("Peer support report", "Export CSV")
                .waitForPrivateReply("The CSV is on its way to you");
        WebElement link =
                page.openConversation("dm-" + DemoData.DANA.userId())
                        .waitForDownload("tenfour-report-month.csv");
        assertThat(link.getDomAttribute("download")).isEqualTo("tenfour-report-month.csv");
        assertThat(link.getDomAttribute("href"))
                .contains("/sandbox/api/file?user=" + DemoData.DANA.userId());
        page.screenshot("18-coordinator-csv-export");
    }

    @Test
    @Order(14)
    void buttons_work_on_private_replies_the_peer_corrects_a_log_and_esc_closes_the_dialog() {
        page.playAs(DemoData.TAYLOR.userId()).type("/tenfour log list");
        page.waitForPrivateReply("Your logs still open for correction: 1");
        page.pressOnPrivateReply("Your logs still open for correction", "Correct");
        page.waitForForm("Log a contact");
        assertThat(page.inDialog(page.focused())).as("focus moves into the dialog").isTrue();
        page.key(Keys.ESCAPE).waitForFormClosed();
        assertThat(page.focused().getText())
                .as("Esc closes the dialog and gives focus back to the button that opened it")
                .startsWith("Correct");
        page.screenshot("19-peer-correct-button-on-private-reply");

        page.playAs(DemoData.CASEY.userId()).type("/tenfour forgetme");
        page.waitForPrivateReply("This deletes everything TenFour stores about you");
        page.pressOnPrivateReply("This deletes everything", "Keep it")
                .waitForPrivateReply("Nothing was deleted.");
        page.screenshot("20-member-forgetme-buttons-on-private-reply");
    }

    @Test
    @Order(15)
    void the_message_pane_scrolls_not_the_page_and_opens_at_the_newest_message() {
        page.playAs(DemoData.DANA.userId())
                .openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId());
        page.waitForMessage("Peer support report");
        long[] scroll = page.pageScrollAndPaneDistanceFromEnd();
        assertThat(scroll[2]).as("enough messages to scroll").isPositive();
        assertThat(scroll[0]).as("the page itself does not scroll").isLessThanOrEqualTo(1);
        assertThat(scroll[1]).as("the pane shows its newest message").isLessThanOrEqualTo(2);

        page.windowSize(420, 900);
        try {
            assertThat(page.sidewaysOverflow()).as("no sideways scroll at 420 px").isZero();
            page.playAs(DemoData.TAYLOR.userId()).type("/tenfour log");
            page.waitForForm("Log a contact");
            assertThat(page.sidewaysOverflow())
                    .as("no sideways scroll at 420 px with the dialog open")
                    .isZero();
            page.screenshot("21-420px-dialog");
            page.key(Keys.ESCAPE).waitForFormClosed();
        } finally {
            page.windowSize(1400, 1000);
        }
    }

    @Test
    @Order(16)
    void a_restart_keeps_every_conversation_and_private_reply() {
        app.close();
        app = Application.start(settings, clock);
        page = new SandboxPage(driver, "http://127.0.0.1:" + app.port());
        page.open(DemoData.TAYLOR.userId());
        // the accepted offer lost its buttons when the conversation ended, before the restart
        page.waitForMessage("the conversation has ended.");
        page.waitForPrivateReply("Logged — thank you.");
        assertThat(page.conversationText()).contains(MEMBER_SAYS);
        page.playAs(DemoData.DANA.userId())
                .openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .waitForMessage("Peer support report");
        page.waitForPrivateReply("Cadence is now weekly");
        page.screenshot("22-after-restart");
    }

    @Test
    @Order(17)
    void a_member_of_the_incident_answers_id_like_to_talk_and_a_peer_of_their_agency_accepts() {
        page.playAs(DemoData.JORDAN.userId())
                .press(CHECK_IN, "I'd like to talk")
                .waitForResolved(CHECK_IN, "You answered: I'd like to talk");
        page.screenshot("23-incident-member-asks-to-talk");
        Person offered =
                page.firstWithMessage(OFFER, DemoData.SAM.userId(), DemoData.PRIYA.userId())
                        .map(id -> id.equals(DemoData.SAM.userId()) ? DemoData.SAM : DemoData.PRIYA)
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no Riverside peer was offered Jordan's request"));
        page.playAs(offered.userId());
        page.press(OFFER, "Accept").waitForMessage("You're connected with");
        page.screenshot("24-riverside-peer-accepted");
    }

    /**
     * The open dialog: focus inside it, Tab and Shift+Tab stay in it, the error is tied to its
     * field, the checkbox group has a legend, and axe-core finds no WCAG 2 A/AA violation.
     */
    private void dialogIsAccessible() {
        WebElement dateInput = page.field("follow_up_date").findElement(By.tagName("input"));
        assertThat(page.focused())
                .as("focus goes to the field with the error")
                .isEqualTo(dateInput);
        WebElement error = page.field("follow_up_date").findElement(By.cssSelector(".field-error"));
        assertThat(dateInput.getDomAttribute("aria-describedby"))
                .isEqualTo(error.getDomAttribute("id"));
        assertThat(dateInput.getDomAttribute("aria-invalid")).isEqualTo("true");
        WebElement topics = page.field("topics");
        assertThat(topics.getTagName()).isEqualTo("fieldset");
        assertThat(topics.findElement(By.tagName("legend")).getText()).startsWith("Topics");

        WebElement submit = page.focusOn("form-submit");
        page.key(Keys.TAB);
        assertThat(page.inDialog(page.focused()))
                .as("Tab from the last control stays in the dialog")
                .isTrue();
        assertThat(page.focused()).isNotEqualTo(submit);
        page.shiftTab();
        assertThat(page.focused())
                .as("Shift+Tab from the first goes to the last")
                .isEqualTo(submit);
        assertThat(page.accessibilityViolations())
                .as("axe-core, WCAG 2 A and AA, with the dialog open")
                .isEmpty();
    }

    /** Next Saturday, 10:00 in the demo agencies' zone: outside check-in hours. */
    private static Clock saturdayMorning() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(DemoData.ZONE));
        ZonedDateTime saturday =
                now.with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                        .withHour(10)
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0);
        return Clock.offset(
                Clock.systemUTC(), Duration.between(now.toInstant(), saturday.toInstant()));
    }

    /** Debian's Chromium and ChromeDriver, given explicitly: nothing is downloaded at run time. */
    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER)
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }
}
