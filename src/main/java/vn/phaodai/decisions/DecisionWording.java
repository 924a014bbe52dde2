package vn.phaodai.decisions;

import vn.phaodai.geography.AdminUnit;

import java.time.LocalDate;
import java.util.Locale;

/** Names of units and dates as Nghị định 30/2020/NĐ-CP writes them in a decision. */
public final class DecisionWording {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private DecisionWording() {
    }

    /** "ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading zero. */
    public static String longDate(LocalDate day) {
        String dd = (day.getDayOfMonth() < 10 ? "0" : "") + day.getDayOfMonth();
        String mm = (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue();
        return "ngày " + dd + " tháng " + mm + " năm " + day.getYear();
    }

    /** The place a decision is dated at: the commune's name without its kind ("Nam Hà"), unless it is a number ("Phường 1"). */
    public static String placeName(AdminUnit commune) {
        String kind = commune.kind().label(VI);
        String name = commune.name();
        if (name.startsWith(kind + " ")) {
            String rest = name.substring(kind.length() + 1).strip();
            if (!rest.chars().allMatch(Character::isDigit)) return rest;
        }
        return name;
    }

    /** A unit's name inside a sentence: "phường Nam Hà", "thành phố Hà Tĩnh". */
    public static String inText(AdminUnit unit) {
        String kind = unit.kind().label(VI);
        return unit.name().startsWith(kind) ? kind.toLowerCase(VI) + unit.name().substring(kind.length()) : unit.name();
    }
}
