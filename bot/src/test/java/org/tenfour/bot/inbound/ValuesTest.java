package org.tenfour.bot.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void spans_and_zones() {
        assertThat(Values.span("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Values.span("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(Values.span("1m")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> Values.span("forever")).isInstanceOf(UsageException.class);
        assertThat(Values.zone("America/Chicago").getId()).isEqualTo("America/Chicago");
        assertThatThrownBy(() -> Values.zone("Mars/Base")).isInstanceOf(UsageException.class);
    }
}
