package org.tenfour.bot.sandbox;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox page as a person in a browser uses it: pick who you are, open a conversation, type,
 * press buttons, fast-forward. Every wait is on something visible; the page re-renders on every
 * live update, so lookups retry over stale elements.
 */
final class SandboxPage {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    SandboxPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    SandboxPage open(String userId) {
        driver.get(baseUrl + "/sandbox?as=" + userId);
        waitUntilPlaying(userId);
        return this;
    }

    /** Switches identity with the picker, as a person would. */
    SandboxPage playAs(String userId) {
        new Select(driver.findElement(By.id("identity"))).selectByValue(userId);
        waitUntilPlaying(userId);
        return this;
    }

    private void waitUntilPlaying(String userId) {
        wait.until(
                d ->
                        d.getCurrentUrl().contains("as=" + userId)
                                && !d.findElements(
                                                By.cssSelector(
                                                        ".conv.active[data-conversation='dm-"
                                                                + userId
                                                                + "']"))
                                        .isEmpty());
    }

    SandboxPage openConversation(String conversationId) {
        wait.until(
                d -> {
                    d.findElement(
                                    By.cssSelector(
                                            ".conv[data-conversation='" + conversationId + "']"))
                            .click();
                    return !d.findElements(
                                    By.cssSelector(
                                            ".conv.active[data-conversation='"
                                                    + conversationId
                                                    + "']"))
                            .isEmpty();
                });
        return this;
    }

    SandboxPage type(String text) {
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-input")));
        input.clear();
        input.sendKeys(text);
        driver.findElement(By.id("composer-send")).click();
        return this;
    }

    /**
     * Waits for a reply only this person sees ("Only visible to you") that contains {@code text}.
     */
    SandboxPage waitForPrivateReply(String text) {
        wait.until(
                d ->
                        d.findElements(By.cssSelector("#messages .ephemeral.reply")).stream()
                                .anyMatch(e -> e.getText().contains(text)));
        return this;
    }

    /** Waits for the sandbox guide's first message in the open conversation; returns its text. */
    String waitForGuideText() {
        return wait.until(
                d ->
                        d.findElements(By.cssSelector("#messages .message.guide")).stream()
                                .findFirst()
                                .map(WebElement::getText)
                                .orElse(null));
    }

    /**
     * Presses the button labelled {@code label} on the private reply ("Only visible to you")
     * containing {@code text}.
     */
    SandboxPage pressOnPrivateReply(String text, String label) {
        wait.until(
                d -> {
                    for (WebElement reply :
                            d.findElements(By.cssSelector("#messages .ephemeral.reply"))) {
                        if (!reply.getText().contains(text)) {
                            continue;
                        }
                        for (WebElement b : reply.findElements(By.cssSelector(".buttons button"))) {
                            if (b.getText().startsWith(label) && b.isEnabled()) {
                                b.click();
                                return true;
                            }
                        }
                    }
                    return false;
                });
        return this;
    }

    /** axe-core's WCAG 2 A and AA rules on the page as it is now: the violations, by rule id. */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver);
        return results.getViolations().stream()
                .map(
                        rule ->
                                rule.getId()
                                        + ": "
                                        + rule.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .toList())
                .toList();
    }

    /** Puts the focus on the element with this id; returns it. */
    WebElement focusOn(String id) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", e);
        return e;
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses a key where the focus is. */
    SandboxPage key(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        return this;
    }

    /** Shift+Tab where the focus is. */
    SandboxPage shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return this;
    }

    /** Whether {@code element} is inside the open form dialog. */
    boolean inDialog(WebElement element) {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.getElementById('form-panel').contains(arguments[0]);",
                                element));
    }

    /** The page's width beyond the window's: above 0 means sideways scrolling. */
    long sidewaysOverflow() {
        return ((Number)
                        ((JavascriptExecutor) driver)
                                .executeScript(
                                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue();
    }

    /**
     * How far the page itself can scroll down, and how far the message pane is from its end: the
     * pane scrolls, not the page, and it shows the newest message.
     */
    long[] pageScrollAndPaneDistanceFromEnd() {
        List<?> r =
                (List<?>)
                        ((JavascriptExecutor) driver)
                                .executeScript(
                                        "const m = document.getElementById('messages');"
                                                + "return [document.documentElement.scrollHeight - window.innerHeight,"
                                                + " m.scrollHeight - m.clientHeight - m.scrollTop,"
                                                + " m.scrollHeight - m.clientHeight];");
        return r.stream().mapToLong(x -> ((Number) x).longValue()).toArray();
    }

    /**
     * The first of {@code userIds} who, played in turn, has a message containing {@code text} in
     * their DM with TenFour (waiting up to the page's timeout for each).
     */
    Optional<String> firstWithMessage(String text, String... userIds) {
        WebDriverWait shortly = new WebDriverWait(driver, Duration.ofSeconds(5));
        shortly.ignoring(StaleElementReferenceException.class);
        for (String user : userIds) {
            playAs(user);
            try {
                shortly.until(d -> message(d, text).orElse(null));
                return Optional.of(user);
            } catch (TimeoutException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** Resizes the browser window. */
    SandboxPage windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Waits for a message in the open conversation containing {@code text}; returns its text, read
     * inside the wait (a live update may re-render the message between finding and reading it).
     */
    String waitForMessageText(String text) {
        return wait.until(d -> message(d, text).map(WebElement::getText).orElse(null));
    }

    /** Waits for a message in the open conversation containing {@code text}; returns it. */
    WebElement waitForMessage(String text) {
        return wait.until(d -> message(d, text).orElse(null));
    }

    /** Presses the button labelled {@code label} on the message containing {@code text}. */
    SandboxPage press(String messageText, String label) {
        wait.until(
                d -> {
                    WebElement message = message(d, messageText).orElse(null);
                    if (message == null) {
                        return false;
                    }
                    for (WebElement b : message.findElements(By.cssSelector(".buttons button"))) {
                        if (b.getText().equals(label) && b.isEnabled()) {
                            b.click();
                            return true;
                        }
                    }
                    return false;
                });
        return this;
    }

    /**
     * Waits until the message containing {@code text} shows {@code outcome} and has no buttons
     * left.
     */
    SandboxPage waitForResolved(String text, String outcome) {
        wait.until(
                d ->
                        message(d, text)
                                .filter(m -> m.getText().contains(outcome))
                                .filter(
                                        m ->
                                                m.findElements(By.cssSelector(".buttons button"))
                                                        .isEmpty())
                                .isPresent());
        return this;
    }

    // ---------- forms (the dialog rendered from the neutral Form) ----------

    /** Waits until the form dialog shows, titled {@code title}; returns the dialog. */
    WebElement waitForForm(String title) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-panel")));
        wait.until(ExpectedConditions.textToBe(By.id("form-title"), title));
        return driver.findElement(By.id("form-panel"));
    }

    /** The field {@code fieldId}'s box in the open form (label, input, and any error under it). */
    WebElement field(String fieldId) {
        return wait.until(
                d ->
                        d.findElement(
                                By.cssSelector(
                                        "#form-fields .field[data-field='" + fieldId + "']")));
    }

    /** Picks the option labelled {@code label} in a single-choice field. */
    SandboxPage choose(String fieldId, String label) {
        new Select(field(fieldId).findElement(By.tagName("select"))).selectByVisibleText(label);
        return this;
    }

    /**
     * Ticks ({@code on}) or clears a box: a boolean field ({@code value} null) or one option of a
     * multi-choice field.
     */
    SandboxPage tick(String fieldId, String value, boolean on) {
        WebElement box =
                field(fieldId)
                        .findElement(
                                By.cssSelector(
                                        value == null
                                                ? "input[type=checkbox]"
                                                : "input[type=checkbox][value='" + value + "']"));
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    SandboxPage submitForm() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form-submit"))).click();
        return this;
    }

    /**
     * Waits for {@code error} shown under the field {@code fieldId}, with the dialog still open.
     */
    SandboxPage waitForFieldError(String fieldId, String error) {
        wait.until(
                d -> {
                    List<WebElement> errors =
                            d.findElements(
                                    By.cssSelector(
                                            "#form-fields .field[data-field='"
                                                    + fieldId
                                                    + "'] .field-error"));
                    return !errors.isEmpty()
                            && errors.get(0).isDisplayed()
                            && errors.get(0).getText().contains(error);
                });
        return this;
    }

    /** All errors the open form shows, by field id. */
    Map<String, String> fieldErrors() {
        Map<String, String> out = new LinkedHashMap<>();
        for (WebElement e : driver.findElements(By.cssSelector("#form-fields .field-error"))) {
            out.put(e.findElement(By.xpath("..")).getDomAttribute("data-field"), e.getText());
        }
        return out;
    }

    SandboxPage waitForFormClosed() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("form-overlay")));
        return this;
    }

    /**
     * The text of the open conversation's messages and the conversation list: what this person sees
     * of the chat.
     */
    String conversationText() {
        return driver.findElement(By.id("messages")).getText()
                + "\n"
                + driver.findElement(By.id("conversations")).getText();
    }

    /**
     * Waits until an image posted in the open conversation (a report's chart) has loaded; returns
     * it.
     */
    WebElement waitForImage() {
        return wait.until(
                d ->
                        d.findElements(By.cssSelector("#messages .file-image img")).stream()
                                .filter(
                                        img ->
                                                Boolean.TRUE.equals(
                                                        ((JavascriptExecutor) d)
                                                                .executeScript(
                                                                        "return arguments[0].complete && arguments[0].naturalWidth > 0;",
                                                                        img)))
                                .findFirst()
                                .orElse(null));
    }

    /** Waits for a download link to {@code filename} in the open conversation; returns the link. */
    WebElement waitForDownload(String filename) {
        return wait.until(
                d ->
                        d.findElements(By.cssSelector("#messages .file-download a")).stream()
                                .filter(a -> a.getText().equals("Download " + filename))
                                .findFirst()
                                .orElse(null));
    }

    /**
     * Scrolls the earliest of the messages containing {@code text} (or of the chart images) into
     * view, retrying while live updates re-render the pane (a found element may go stale before it
     * is measured).
     */
    SandboxPage scrollToFirstOf(String text) {
        wait.ignoring(StaleElementReferenceException.class)
                .until(
                        d -> {
                            WebElement message = message(d, text).orElse(null);
                            if (message == null) {
                                return false;
                            }
                            List<WebElement> images =
                                    d.findElements(By.cssSelector("#messages .file-image img"));
                            WebElement first =
                                    images.isEmpty()
                                                    || message.getLocation().getY()
                                                            < images.get(0).getLocation().getY()
                                            ? message
                                            : images.get(0);
                            ((JavascriptExecutor) d)
                                    .executeScript(
                                            "arguments[0].scrollIntoView({block: 'start'});",
                                            first);
                            return true;
                        });
        return this;
    }

    SandboxPage scrollTo(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        return this;
    }

    SandboxPage fastForward(int days, String expectedDay) {
        WebElement input = driver.findElement(By.id("ff-days"));
        input.clear();
        input.sendKeys(Integer.toString(days));
        driver.findElement(By.id("ff-go")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sandbox-now"), expectedDay));
        return this;
    }

    String sandboxNow() {
        return driver.findElement(By.id("sandbox-now")).getText();
    }

    int unread(String conversationId) {
        List<WebElement> badges =
                driver.findElements(
                        By.cssSelector(".conv[data-conversation='" + conversationId + "'] .badge"));
        return badges.isEmpty() ? 0 : Integer.parseInt(badges.get(0).getText());
    }

    String banner() {
        return driver.findElement(By.id("banner")).getText();
    }

    String timeControl() {
        return driver.findElement(By.id("time-control")).getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(
                    shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<WebElement> message(WebDriver d, String text) {
        return d.findElements(By.cssSelector("#messages .message:not(.ephemeral)")).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst();
    }
}
