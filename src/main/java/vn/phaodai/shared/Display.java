package vn.phaodai.shared;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Values the way a person reads them, one way on every page: phones as 0912 345 678, numbers as 1.234 and 38,5,
 * an address without the village or commune it already names. Templates call it as {@code ${@display.phone(x)}}
 * (static methods, called through the bean);
 * enum codes are labelled by message keys instead ({@code #{'case.severity.' + ${c.severity}}}).
 */
@Component("display")
public class Display {

    /** 0912 345 678 (a mobile), 0239 385 5555 (a landline); anything that is not a Vietnamese number as it is. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) return phone;
        String s = phone.replaceAll("[\\s.\\-()]", "");
        String national;
        if (s.startsWith("+84")) national = "0" + s.substring(3);
        else if (s.startsWith("0")) national = s;
        else return phone;
        if (!national.chars().allMatch(Character::isDigit)) return phone;
        // 4-3-3 for a mobile, 4-3-4 for a landline: the grouping people say them in
        return national.length() == 10 || national.length() == 11
                ? national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7) : national;
    }

    /** A whole number with dots between thousands: 6.375, 1.200. */
    public static String integer(Number n) {
        if (n == null) return "";
        return String.format(Locale.ROOT, "%,d", n.longValue()).replace(',', '.');
    }

    /** A measure with a decimal comma and the given decimals: 19,0, 38,5. */
    public static String decimal(Number n, int decimals) {
        if (n == null) return "";
        BigDecimal d = new BigDecimal(n.toString()).setScale(decimals, RoundingMode.HALF_UP);
        String plain = d.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + plain.substring(dot + 1);
        return (d.signum() < 0 ? "-" : "") + integer(Long.parseLong(whole)) + fraction;
    }

    /**
     * The street address followed by the parts of the place ("Tổ dân phố 3, Phường Mẫu 5, …") it does not already
     * name, so that a village typed into the address is not read twice.
     */
    public static String address(String address, String place) {
        String a = address == null ? "" : address.strip();
        String p = place == null ? "" : place.strip();
        if (p.isEmpty()) return a.isEmpty() ? "—" : a;
        if (a.isEmpty()) return p;
        String said = a.toLowerCase(Locale.ROOT);
        List<String> rest = new ArrayList<>();
        for (String part : p.split(",")) {
            String t = part.strip();
            if (!t.isEmpty() && !said.contains(t.toLowerCase(Locale.ROOT))) rest.add(t);
        }
        return rest.isEmpty() ? a : a + ", " + String.join(", ", rest);
    }

    /**
     * The street address where the village is shown beside it (its own column or row): the village it ends with
     * left out, "Số 12 Tổ dân phố 3" beside "Tổ dân phố 3" reads "Số 12".
     */
    public static String street(String address, String village) {
        if (address == null || address.isBlank()) return "";
        String a = address.strip();
        if (village == null || village.isBlank()) return a;
        String v = village.strip().toLowerCase(Locale.ROOT);
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.equals(v)) return "";
        if (!lower.endsWith(v) || Character.isLetterOrDigit(lower.charAt(lower.length() - v.length() - 1))) return a;
        String rest = a.substring(0, a.length() - v.length()).replaceAll("[\\s,;\\-–]+$", "");
        return rest.isEmpty() ? "" : rest;
    }
}
