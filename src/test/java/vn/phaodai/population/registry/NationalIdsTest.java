package vn.phaodai.population.registry;

import org.junit.jupiter.api.Test;
import vn.phaodai.population.Sex;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

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
    void refusesWrongLengthLettersUnknownProvinceAndMismatches() throws IOException {
        assertThat(vi(NationalIds.problem("04208500012", Sex.MALE, 1985))).contains("12 chữ số");
        assertThat(vi(NationalIds.problem("04208500012A", Sex.MALE, 1985))).contains("chữ số");
        assertThat(vi(NationalIds.problem("003085000123", Sex.MALE, 1985))).contains("mã tỉnh");
        assertThat(vi(NationalIds.problem("042185000123", Sex.MALE, 1985))).contains("giới tính");
        assertThat(vi(NationalIds.problem("042086000123", Sex.MALE, 1985))).contains("1986");
        assertThat(vi(NationalIds.problem("042685000123", Sex.MALE, 1985))).contains("thứ tư");
    }

    @Test
    void namesTheYearsAsWrittenInEitherLanguage() throws IOException {
        assertThat(vi(NationalIds.problem("042086000123", Sex.MALE, 1985)))
                .isEqualTo("Số CCCD ghi năm sinh 1986, không khớp năm sinh 1985");
        assertThat(text("i18n/population_en.properties", NationalIds.problem("042086000123", Sex.MALE, 1985)))
                .isEqualTo("The CCCD number gives the year of birth 1986, which does not match the year of birth 1985");
    }

    @Test
    void cleansSpacesAndDots() {
        assertThat(NationalIds.clean(" 042 085.000-123 ")).isEqualTo("042085000123");
        assertThat(NationalIds.clean("  ")).isNull();
    }

    private static String vi(NationalIds.Problem problem) throws IOException {
        return text("i18n/population.properties", problem);
    }

    /** The problem's text as the application's message source writes it (MessageFormat when it has arguments). */
    private static String text(String bundle, NationalIds.Problem problem) throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(NationalIdsTest.class.getClassLoader().getResourceAsStream(bundle),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        String pattern = texts.getProperty(problem.key());
        assertThat(pattern).as(problem.key()).isNotNull();
        return problem.args().length == 0 ? pattern
                : new MessageFormat(pattern, Locale.forLanguageTag(bundle.contains("_en") ? "en" : "vi")).format(problem.args());
    }
}
