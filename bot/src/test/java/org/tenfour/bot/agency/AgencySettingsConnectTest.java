package org.tenfour.bot.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tenfour.storage.Urgency;

class AgencySettingsConnectTest {

    @Test
    void settings_stored_before_connection_requests_read_with_their_defaults() {
        AgencySettings old =
                AgencySettings.fromJson(
                        "{\"cadenceDays\":30,\"suppressionK\":5,\"nudgeAfterDays\":3}");

        assertThat(old.cadenceDays()).isEqualTo(30);
        assertThat(old.confidentialityPolicy())
                .contains("immediate threat", "admission of a crime");
        assertThat(old.connect().offerTimeout(Urgency.NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(old.connect().offerTimeout(Urgency.TODAY)).isEqualTo(Duration.ofHours(2));
        assertThat(old.connect().offerTimeout(Urgency.WEEK)).isEqualTo(Duration.ofHours(24));
        assertThat(old.connect().maxCandidates()).isEqualTo(3);
        assertThat(old.connect().retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void an_agencys_own_timeouts_and_policy_survive_a_round_trip() {
        AgencySettings custom =
                AgencySettings.DEFAULTS.withConnect(new ConnectSettings(5, 60, 0, 2, 30));

        AgencySettings read = AgencySettings.fromJson(custom.toJson());

        assertThat(read.connect().offerTimeout(Urgency.NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.connect().offerTimeout(Urgency.WEEK))
                .as("zero means the default")
                .isEqualTo(Duration.ofHours(24));
        assertThat(read.connect().retentionDays()).isEqualTo(30);
        assertThat(read).isEqualTo(custom.withConnect(new ConnectSettings(5, 60, 1440, 2, 30)));
    }
}
