package vn.phaodai.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way values read on every page and export. */
class DisplayTest {

    @Test
    void aStreetBesideItsVillageDoesNotSayTheVillageAgain() {
        assertThat(Display.street("Số 12 Tổ dân phố 3", "Tổ dân phố 3")).isEqualTo("Số 12");
        assertThat(Display.street("Số 12, tổ dân phố 3", "Tổ dân phố 3")).isEqualTo("Số 12");
        assertThat(Display.street("Tổ dân phố 3", "Tổ dân phố 3")).isEmpty();
        // Only the village it ends with: "Tổ dân phố 13" is not "Tổ dân phố 3".
        assertThat(Display.street("Số 5 Tổ dân phố 13", "Tổ dân phố 3")).isEqualTo("Số 5 Tổ dân phố 13");
        assertThat(Display.street("Số 5 Thôn 23", "Thôn 3")).isEqualTo("Số 5 Thôn 23");
        assertThat(Display.street("Số 3 ngõ 7", "Thôn Bắc")).isEqualTo("Số 3 ngõ 7");
        assertThat(Display.street("Số 3 ngõ 7", null)).isEqualTo("Số 3 ngõ 7");
        assertThat(Display.street(null, "Thôn Bắc")).isEmpty();
    }

    @Test
    void phonesAndNumbersReadOneWay() {
        assertThat(Display.phone("+84369100355")).isEqualTo("0369 100 355");
        assertThat(Display.phone("0369 100 355")).isEqualTo("0369 100 355");
        assertThat(Display.integer(1200)).isEqualTo("1.200");
        assertThat(Display.decimal(38.5, 1)).isEqualTo("38,5");
    }
}
