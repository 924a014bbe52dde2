package vn.phaodai.population.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void normalisesEveryVietnameseWritingOfAMobileNumber() {
        for (String raw : new String[]{"0912345678", "0912 345 678", "0912.345.678", "+84912345678", "84912345678",
                "+84 (912) 345-678", "0084912345678"}) {
            assertThat(PhoneNumbers.normalise(raw)).as(raw).isEqualTo("+84912345678");
        }
        assertThat(PhoneNumbers.normalise("0387654321")).isEqualTo("+84387654321");
    }

    @Test
    void acceptsAnElevenDigitLandline() {
        assertThat(PhoneNumbers.normalise("0239 3855 123")).isEqualTo("+842393855123");
    }

    @Test
    void refusesWhatIsNotAVietnamesePhone() {
        for (String raw : new String[]{"123", "0112345678", "091234567", "09123456789", "+1 202 555 0100", "09x2345678", "0012345678"}) {
            assertThat(PhoneNumbers.normalise(raw)).as(raw).isNull();
        }
    }

    @Test
    void refusesWhatIsTooShortToBeANumberAtAll() {
        for (String raw : new String[]{"0", "00", "+84", "0084", "84", "", " ", "-", "+", "()"}) {
            assertThat(PhoneNumbers.normalise(raw)).as("'" + raw + "'").isNull();
        }
    }

    @Test
    void displaysTheNationalForm() {
        assertThat(PhoneNumbers.display("+84912345678")).isEqualTo("0912 345 678");
    }
}
