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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.tenfour.bot.Application;
import org.tenfour.bot.Settings;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The sandbox in a real browser (Debian's headless Chromium) against the real application: real
 * domain, PostgreSQL, Quartz and outbox, with only the demo data and the fast-forward control added.
 *
 * <p>One story, told in ordered steps that build on each other (one application and one browser for
 * the class). Add later chapters as further {@code @Order}ed steps: a member asks for a peer
 * ({@code /peer}), the peer accepts, the relay, the peer logs the contact, a suppressed report.
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

    private Application app;
    private WebDriver driver;
    private SandboxPage page;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) throws Exception {
        assumeTrue(CHROMIUM.canExecute(), "browser test skipped: /usr/bin/chromium is absent "
                + "(apt-get install -y chromium chromium-driver; .ci/run does this)");
        Settings settings = Settings.fromEnv(Map.of("PORT", "0", "DATABASE_URL", db.jdbcUrl(),
                "DATABASE_USER", "postgres", "TENFOUR_DATA_DIR", dir.toString(), "TENFOUR_INSTANCE_ID", "sandbox-browser"));
        assertThat(settings.sandbox()).as("no Slack or Teams configured: the sandbox is on").isTrue();
        app = Application.start(settings, saturdayMorning());
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
        assertThat(page.timeControl()).contains("SANDBOX ONLY").containsIgnoringCase("Fast-forward time");
        assertThat(page.sandboxNow()).startsWith("Sat");
        page.screenshot("01-sandbox-opened");
    }

    @Test
    @Order(2)
    void the_coordinator_sets_a_weekly_cadence_in_the_coordinator_channel() {
        page.openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .type("/tenfour cadence weekly")
                .waitForPrivateReply("Cadence is now weekly");
        page.screenshot("02-coordinator-sets-cadence");
    }

    @Test
    @Order(3)
    void fast_forward_to_monday_delivers_the_check_in_to_a_member() {
        page.fastForward(2, "Mon");
        page.playAs(DemoData.ALEX.userId());
        page.screenshot("03-fast-forwarded-to-monday");
        page.waitForMessage(CHECK_IN);
        assertThat(page.waitForMessage(CHECK_IN).getText())
                .contains("988 Suicide & Crisis Lifeline").contains("I'm OK").contains("Not now");
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
    void a_member_types_help_and_sees_what_they_can_do() {
        page.type("/tenfour help").waitForPrivateReply("TenFour — your peer support program");
        page.screenshot("06-member-help");
    }

    @Test
    @Order(6)
    void the_coordinator_sees_the_answer_counted_without_names() {
        page.playAs(DemoData.DANA.userId())
                .openConversation("ch-" + DemoData.RIVERSIDE_COORDINATORS.channelId())
                .type("/tenfour status")
                .waitForPrivateReply("answered last cycle: 1 of");
        page.screenshot("07-coordinator-status");
    }

    /** Next Saturday, 10:00 in the demo agencies' zone: outside check-in hours. */
    private static Clock saturdayMorning() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(DemoData.ZONE));
        ZonedDateTime saturday = now.with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .withHour(10).withMinute(0).withSecond(0).withNano(0);
        return Clock.offset(Clock.systemUTC(), Duration.between(now.toInstant(), saturday.toInstant()));
    }

    /** Debian's Chromium and ChromeDriver, given explicitly: nothing is downloaded at run time. */
    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
