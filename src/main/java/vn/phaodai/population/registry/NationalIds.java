package vn.phaodai.population.registry;

import vn.phaodai.population.Sex;

import java.util.Set;

/**
 * Vietnamese identity numbers: the 12-digit citizen identity card (CCCD, personal identification number)
 * and the older 9-digit identity card (CMND).
 *
 * <p>A CCCD number is 3 digits of the province of birth registration (0 + the GSO province code), one
 * digit for century and sex (0/1 born 1900s male/female, 2/3 2000s, 4/5 2100s), two digits of the year
 * of birth, then six random digits (Circular 07/2016/TT-BCA, 59/2021/TT-BCA).
 */
final class NationalIds {

    /** The 63 GSO province codes of 2021 (CCCD prefixes keep them after later mergers). */
    static final Set<String> PROVINCE_CODES = Set.of("01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17",
            "19", "20", "22", "24", "25", "26", "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45",
            "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77",
            "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96");

    private NationalIds() {
    }

    /** Digits only, spaces and dots removed; null for blank input. */
    static String clean(String raw) {
        if (raw == null) return null;
        String s = raw.replaceAll("[\\s.\\-]", "");
        return s.isEmpty() ? null : s;
    }

    /** What is wrong with a number: a key of i18n/population and its arguments (numbers as text, as written). */
    record Problem(String key, Object... args) {
    }

    /** Checks a cleaned number against the person's sex and birth year; null when the number is valid. */
    static Problem problem(String id, Sex sex, Integer birthYear) {
        if (!id.chars().allMatch(c -> c >= '0' && c <= '9')) return new Problem("population.nationalId.digitsOnly");
        if (id.length() == 9) return null;
        if (id.length() != 12) return new Problem("population.nationalId.length", String.valueOf(id.length()));
        if (id.charAt(0) != '0' || !PROVINCE_CODES.contains(id.substring(1, 3))) {
            return new Problem("population.nationalId.province", id.substring(0, 3));
        }
        int centurySex = id.charAt(3) - '0';
        if (centurySex > 5) return new Problem("population.nationalId.centurySex");
        if (sex != null && (centurySex % 2 == 0) != (sex == Sex.MALE)) {
            return new Problem("population.nationalId.sexMismatch", String.valueOf(centurySex));
        }
        if (birthYear != null) {
            int year = 1900 + (centurySex / 2) * 100 + Integer.parseInt(id.substring(4, 6));
            if (year != birthYear) {
                return new Problem("population.nationalId.yearMismatch", String.valueOf(year), String.valueOf(birthYear));
            }
        }
        return null;
    }
}
