package vn.phaodai.population.registry;

/**
 * Vietnamese phone numbers, stored in the international form +84…: mobile numbers have 9 digits after
 * the country code and start with 3, 5, 7, 8 or 9; landlines have 10 and start with 2 (since 2017–2018).
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The +84 form, or null when the number is not a Vietnamese phone number. */
    static String normalise(String raw) {
        if (raw == null) return null;
        String s = raw.replaceAll("[\\s.\\-()]", "");
        String national;
        if (s.startsWith("+84")) national = s.substring(3);
        else if (s.startsWith("0084")) national = s.substring(4);
        else if (s.startsWith("84") && (s.length() == 11 || s.length() == 12)) national = s.substring(2);
        else if (s.startsWith("0")) national = s.substring(1);
        else return null;
        if (national.isEmpty() || national.startsWith("0") || !national.chars().allMatch(Character::isDigit)) return null;
        char first = national.charAt(0);
        boolean mobile = national.length() == 9 && "35789".indexOf(first) >= 0;
        boolean landline = national.length() == 10 && first == '2';
        return mobile || landline ? "+84" + national : null;
    }

    /** Shown to people the way they write it: 0912 345 678. */
    public static String display(String international) {
        return vn.phaodai.shared.Display.phone(international); // the one display format of every page
    }
}
