package vn.phaodai.security.accounts;

import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.util.Locale;
import java.util.Set;

/** At least 10 characters, not a common password, not the username. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** The most used passwords of leaked lists, and the local favourites. */
    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "0123456789", "qwertyuiop", "password1",
            "password12", "password123", "passw0rd123", "1q2w3e4r5t", "1qaz2wsx3edc", "qwerty1234", "qwerty12345",
            "abc1234567", "abcd123456", "iloveyou12", "admin12345", "admin123456", "administrator", "matkhau123",
            "matkhau1234", "1111111111", "0000000000", "1234512345", "123456789a", "a123456789", "123123123123",
            "zaq12wsxcde", "welcome123", "letmein123", "football12", "baseball12", "sunshine12", "princess12",
            "dragon1234", "monkey1234", "changeme123", "p@ssw0rd123", "phaodai123", "phaodai2021", "covid19covid",
            "vietnam123", "vietnam1234", "hanoi12345", "saigon1234", "anhyeuem123", "yeuem12345", "123456789");

    private PasswordPolicy() {
    }

    static void check(String username, String password, Messages messages) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", messages.get("security.password.tooShort", String.valueOf(MIN_LENGTH)));
        }
        String p = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(p) || p.chars().distinct().count() < 4) {
            throw new InvalidInputException("password", messages.get("security.password.common"));
        }
        if (username != null && p.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", messages.get("security.password.containsUsername"));
        }
    }
}
