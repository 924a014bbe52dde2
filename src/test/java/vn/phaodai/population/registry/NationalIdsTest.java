package vn.phaodai.population.registry;

import vn.phaodai.population.Sex;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdsTest {

    @Test
    void acceptsACccdThatMatchesSexAndBirthYear() {
        assertThat(NationalIds.problem("042085000123", Sex.MALE, 1985)).isNull();
        assertThat(NationalIds.problem("001303012345", Sex.FEMALE, 2003)).isNull();
        assertThat(NationalIds.problem("079210000001", Sex.MALE, 2010)).isNull();
    }

    @Test
    void acceptsANineDigitCmnd() {
        assertThat(NationalIds.problem("183456789", Sex.FEMALE, 1970)).isNull();
    }

    @Test
    void refusesWrongLengthLettersUnknownProvinceAndMismatches() {
        assertThat(NationalIds.problem("04208500012", Sex.MALE, 1985)).contains("12 chữ số");
        assertThat(NationalIds.problem("04208500012A", Sex.MALE, 1985)).contains("chữ số");
        assertThat(NationalIds.problem("003085000123", Sex.MALE, 1985)).contains("mã tỉnh");
        assertThat(NationalIds.problem("042185000123", Sex.MALE, 1985)).contains("giới tính");
        assertThat(NationalIds.problem("042086000123", Sex.MALE, 1985)).contains("1986");
        assertThat(NationalIds.problem("042685000123", Sex.MALE, 1985)).contains("thứ tư");
    }

    @Test
    void cleansSpacesAndDots() {
        assertThat(NationalIds.clean(" 042 085.000-123 ")).isEqualTo("042085000123");
        assertThat(NationalIds.clean("  ")).isNull();
    }
}
