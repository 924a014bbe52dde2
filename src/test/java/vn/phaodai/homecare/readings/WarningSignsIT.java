package vn.phaodai.homecare.readings;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.phaodai.support.PhaodaiIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning-sign thresholds of each age band, at and around each boundary, read from the rule table. */
@PhaodaiIT
class WarningSignsIT {

    static final LocalDate DAY = LocalDate.of(2021, 9, 15);

    @Autowired
    WarningSigns warningSigns;

    private List<String> signs(int ageMonths, Integer spo2, Integer breathing, Integer pulse, Integer systolic, Integer diastolic,
                               String temperature, List<String> symptoms) {
        return warningSigns.assess(DAY, ageMonths, new ReadingForm(null, temperature == null ? null : new BigDecimal(temperature), spo2,
                breathing, pulse, systolic, diastolic, symptoms)).signs();
    }

    private List<String> breathing(int ageMonths, int rate) {
        return signs(ageMonths, null, rate, null, null, null, null, List.of());
    }

    @Test
    void breathingRateByAgeBand() {
        // adult (12 y and over): 20; 5 to under 12 y: 30; 1 to under 5 y: 40; 2 to under 12 months: 50; under 2 months: 60.
        int[][] bands = {{30 * 12, 20}, {144, 20}, {143, 30}, {60, 30}, {59, 40}, {12, 40}, {11, 50}, {2, 50}, {1, 60}, {0, 60}};
        for (int[] band : bands) {
            assertThat(breathing(band[0], band[1] - 1)).as("age %d months, rate %d", band[0], band[1] - 1).isEmpty();
            assertThat(breathing(band[0], band[1])).as("age %d months, rate %d", band[0], band[1]).containsExactly("BREATHING_RATE");
        }
    }

    @Test
    void oxygenAtOrBelowNinetySixInEveryBand() {
        for (int age : new int[]{0, 6, 24, 84, 400}) {
            assertThat(signs(age, 97, null, null, null, null, null, List.of())).as("age %d, SpO2 97", age).isEmpty();
            assertThat(signs(age, 96, null, null, null, null, null, List.of())).as("age %d, SpO2 96", age).containsExactly("SPO2");
        }
        assertThat(warningSigns.assess(DAY, 400, new ReadingForm(null, null, 94, null, null, null, null, null)).severity()).isEqualTo(2);
        assertThat(warningSigns.assess(DAY, 400, new ReadingForm(null, null, 93, null, null, null, null, null)).severity()).isEqualTo(3);
    }

    @Test
    void pulseAndBloodPressureForAdults() {
        int adult = 40 * 12;
        assertThat(signs(adult, null, null, 120, null, null, null, List.of())).isEmpty();
        assertThat(signs(adult, null, null, 121, null, null, null, List.of())).containsExactly("PULSE_HIGH");
        assertThat(signs(adult, null, null, 50, null, null, null, List.of())).isEmpty();
        assertThat(signs(adult, null, null, 49, null, null, null, List.of())).containsExactly("PULSE_LOW");
        assertThat(signs(adult, null, null, null, 90, 60, null, List.of())).isEmpty();
        assertThat(signs(adult, null, null, null, 89, 70, null, List.of())).containsExactly("BLOOD_PRESSURE");
        assertThat(signs(adult, null, null, null, 100, 59, null, List.of())).containsExactly("BLOOD_PRESSURE");
        // A child's fast pulse is not judged by the adult limit (the documents give none for children).
        assertThat(signs(30, null, null, 150, null, null, null, List.of())).isEmpty();
    }

    @Test
    void feverAndFeedingAreSignsForChildrenOnly() {
        assertThat(signs(30, null, null, null, null, null, "39.0", List.of())).isEmpty();
        assertThat(signs(30, null, null, null, null, null, "39.1", List.of())).containsExactly("FEVER");
        assertThat(signs(40 * 12, null, null, null, null, null, "39.5", List.of())).isEmpty();
        assertThat(signs(8, null, null, null, null, null, null, List.of("POOR_FEEDING", "COUGH"))).containsExactly("POOR_FEEDING");
        assertThat(signs(40 * 12, null, null, null, null, null, null, List.of("POOR_FEEDING"))).isEmpty();
        assertThat(signs(40 * 12, null, null, null, null, null, null, List.of("CHEST_PAIN", "COUGH"))).containsExactly("CHEST_PAIN");
        assertThat(warningSigns.assess(DAY, 480, new ReadingForm(null, null, null, null, null, null, null, List.of("CYANOSIS"))).severity())
                .isEqualTo(3);
    }
}
