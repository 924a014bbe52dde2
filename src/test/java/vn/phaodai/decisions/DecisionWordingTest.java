package vn.phaodai.decisions;

import org.junit.jupiter.api.Test;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.UnitKind;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and dates as Nghị định 30/2020/NĐ-CP writes them. */
class DecisionWordingTest {

    static AdminUnit unit(String name, UnitKind kind) {
        return new AdminUnit("00000", name, null, kind, null, true, 0);
    }

    @Test
    void daysBelowTenAndTheMonthsOneAndTwoTakeALeadingZero() {
        assertThat(DecisionWording.longDate(LocalDate.of(2022, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2022");
        assertThat(DecisionWording.longDate(LocalDate.of(2021, 9, 30))).isEqualTo("ngày 30 tháng 9 năm 2021");
        assertThat(DecisionWording.longDate(LocalDate.of(2026, 11, 24))).isEqualTo("ngày 24 tháng 11 năm 2026");
    }

    @Test
    void theDecisionIsDatedAtTheCommunesNameWithoutItsKindUnlessItIsANumber() {
        assertThat(DecisionWording.placeName(unit("Phường Nam Hà", UnitKind.WARD))).isEqualTo("Nam Hà");
        assertThat(DecisionWording.placeName(unit("Thị trấn Cẩm Xuyên", UnitKind.TOWNSHIP))).isEqualTo("Cẩm Xuyên");
        assertThat(DecisionWording.placeName(unit("Phường 1", UnitKind.WARD))).isEqualTo("Phường 1");
    }

    @Test
    void unitsInASentenceKeepTheirKindInLowerCase() {
        assertThat(DecisionWording.inText(unit("Thành phố Hà Tĩnh", UnitKind.PROVINCIAL_CITY))).isEqualTo("thành phố Hà Tĩnh");
        assertThat(DecisionWording.inText(unit("Xã Thạch Hạ", UnitKind.COMMUNE))).isEqualTo("xã Thạch Hạ");
    }
}
