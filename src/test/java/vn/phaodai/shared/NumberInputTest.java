package vn.phaodai.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers typed the Vietnamese way and the English way read alike; a word is refused, never guessed. */
class NumberInputTest {

    @Test
    void decimalCommaAndPointAreBothADecimalMark() {
        assertThat(NumberInput.decimalValue("38,5")).isEqualByComparingTo("38.5");
        assertThat(NumberInput.decimalValue(" 38.5 ")).isEqualByComparingTo("38.5");
        assertThat(NumberInput.decimalValue("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(NumberInput.decimalValue("37")).isEqualByComparingTo(new BigDecimal(37));
    }

    @Test
    void wholeNumbersMayBeGroupedByThousands() {
        assertThat(NumberInput.wholeText("1.234")).isEqualTo("1234");
        assertThat(NumberInput.wholeText("1 234")).isEqualTo("1234");
        assertThat(NumberInput.wholeText(" 90 ")).isEqualTo("90");
    }

    @Test
    void wordsAndHalfNumbersAreRefused() {
        for (String typed : new String[]{"abc", "năm 90", "38,5", "1.5", "Nguyễn Văn A", "12a"}) {
            assertThatThrownBy(() -> NumberInput.wholeText(typed)).as(typed).isInstanceOf(NumberFormatException.class);
        }
        for (String typed : new String[]{"abc", "38,5 độ", "3..8", ","}) {
            assertThatThrownBy(() -> NumberInput.decimalValue(typed)).as(typed).isInstanceOf(NumberFormatException.class);
        }
    }
}
