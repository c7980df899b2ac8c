package org.tenfour.bot.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.web.WebSandbox;
import org.tenfour.bot.agency.AgencySettings;

/**
 * The sandbox's fast-forward control: moves the {@link SandboxClock}, then runs what a real week
 * would have run (the planning and nudge jobs, then the outbox until nothing more is due), so the
 * effect shows at once. The offset is kept in the data directory, so a restart does not send time
 * back behind check-ins planned in the sandbox's future.
 */
public final class FastForward implements WebSandbox.TimeControl {
    private static final Logger log = LoggerFactory.getLogger(FastForward.class);
    private static final int MAX_OUTBOX_PASSES = 100;

    private final SandboxClock clock;
    private final Path offsetFile;
    private volatile Runnable jobs = () -> {};
    private volatile IntSupplier outboxPass = () -> 0;

    private FastForward(SandboxClock clock, Path offsetFile) {
        this.clock = clock;
        this.offsetFile = offsetFile;
    }

    /**
     * A control over a new sandbox clock on {@code base}, resuming the offset kept in {@code
     * dataDir}.
     */
    public static FastForward resume(Clock base, Path dataDir) {
        Path file = dataDir.resolve("sandbox-clock-offset");
        return new FastForward(new SandboxClock(base, readOffset(file)), file);
    }

    /** The clock the whole application runs on. */
    public SandboxClock clock() {
        return clock;
    }

    /**
     * Connects the jobs to run after a jump: {@code jobs} plans and nudges; {@code outboxPass}
     * delivers one batch and returns how many rows it took.
     */
    public void bind(Runnable jobs, IntSupplier outboxPass) {
        this.jobs = Objects.requireNonNull(jobs, "null jobs");
        this.outboxPass = Objects.requireNonNull(outboxPass, "null outboxPass");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /**
     * Moves by {@code by}, and on to the next working time when that lands outside it — so what
     * becomes due arrives as it would on a working day, not at 02:54.
     */
    @Override
    public synchronized Instant advance(Duration by) {
        Instant target = clock.instant().plus(by);
        Instant landing = inWorkingHours(target, ZoneId.of(DemoData.ZONE));
        Instant now = clock.advance(Duration.between(clock.instant(), landing));
        writeOffset();
        jobs.run();
        for (int i = 0; i < MAX_OUTBOX_PASSES && outboxPass.getAsInt() > 0; i++) {
            // deliver everything that became due
        }
        return now;
    }

    /**
     * {@code at} itself when it is within the demo agencies' default working hours (Mon–Fri
     * 08:00–18:00 in {@code zone}); otherwise 09:00 of the next working day, an hour in, so that
     * what was due at the start of the day is due.
     */
    static Instant inWorkingHours(Instant at, ZoneId zone) {
        AgencySettings hours = AgencySettings.DEFAULTS;
        ZonedDateTime local = at.atZone(zone);
        if (hours.days().contains(local.getDayOfWeek())
                && !local.toLocalTime().isBefore(hours.hoursStart())
                && local.toLocalTime().isBefore(hours.hoursEnd())) {
            return at;
        }
        LocalDate day =
                local.toLocalTime().isBefore(hours.hoursStart())
                        ? local.toLocalDate()
                        : local.toLocalDate().plusDays(1);
        while (!hours.days().contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day.atTime(hours.hoursStart().plusHours(1)).atZone(zone).toInstant();
    }

    private static Duration readOffset(Path file) {
        if (!Files.exists(file)) {
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.parse(Files.readString(file).strip());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (IOException | DateTimeParseException e) {
            log.warn(
                    "sandbox clock offset in {} unreadable, starting at real time: {}",
                    file,
                    e.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }

    private void writeOffset() {
        try {
            Files.createDirectories(offsetFile.getParent());
            Files.writeString(offsetFile, clock.offset().toString());
        } catch (IOException e) {
            log.warn(
                    "could not keep the sandbox clock offset in {}: {}",
                    offsetFile,
                    e.getClass().getSimpleName());
        }
    }
}
