package vn.phaodai.population.registry;

import vn.phaodai.population.PersonForm;
import vn.phaodai.population.Relation;
import vn.phaodai.population.Sex;

import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates and normalises a person, naming every wrong field in the user's language (Vietnamese in an import,
 * which runs outside any request). The references (commune, village, household, workplace) are checked through
 * {@link References}, so that a form asks the database and a million-row import asks maps loaded once.
 */
public final class PersonRules {

    public static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter VN_DATE_LENIENT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** What the rules need to know about the rest of the registry. */
    public interface References {
        boolean communeActive(String code);

        /** The commune of a village, or null when there is no such village. */
        String villageCommune(long villageId);

        /** The commune of a household, or null when there is no such household. */
        String householdCommune(long householdId);

        boolean workplaceExists(long workplaceId);

        Set<String> comorbidities();
    }

    private final References refs;
    private final int nationalIdAge;
    private final boolean nationalIdRequired;
    /** The day ages are counted on (the application clock's, when the form or the import began). */
    private final LocalDate today;
    private final Messages messages;

    /**
     * @param nationalIdAge      the age from which a person is expected to hold a CCCD/CMND
     * @param nationalIdRequired whether a person of that age is refused without one (only the registry import of a
     *                           province that asks for it: in the field a person is registered by name, birth year and phone)
     */
    public PersonRules(References refs, int nationalIdAge, boolean nationalIdRequired, LocalDate today, Messages messages) {
        this.messages = messages;
        this.refs = refs;
        this.nationalIdAge = nationalIdAge;
        this.nationalIdRequired = nationalIdRequired;
        this.today = today;
    }

    /**
     * Surely of the age on the day: counted from the birth date, or from the last day of the birth year when only
     * the year is known (the same rule as the worklist's SQL, {@code coalesce(date_of_birth, make_date(birth_year, 12, 31))}).
     */
    static boolean ofAge(LocalDate dateOfBirth, int birthYear, int age, LocalDate today) {
        LocalDate latest = dateOfBirth != null ? dateOfBirth : LocalDate.of(birthYear, 12, 31);
        return !latest.isAfter(today.minusYears(age));
    }

    public PersonData validate(PersonForm f) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(f.fullName(), errors);
        Sex sex = Sex.parse(f.sex());
        if (sex == null) errors.add(new FieldError("sex", text(blank(f.sex()) ? "population.sex.required" : "population.sex.invalid")));
        LocalDate dob = null;
        Integer year = f.birthYear();
        if (!blank(f.dateOfBirth())) {
            dob = date(f.dateOfBirth());
            if (dob == null) errors.add(new FieldError("dateOfBirth", text("population.dateOfBirth.invalid", f.dateOfBirth())));
            else if (dob.isAfter(today)) errors.add(new FieldError("dateOfBirth", text("population.dateOfBirth.future")));
            else if (dob.getYear() < 1900) errors.add(new FieldError("dateOfBirth", text("population.dateOfBirth.before1900")));
            else if (year != null && year != dob.getYear()) errors.add(new FieldError("birthYear", text("population.birthYear.mismatch")));
            else year = dob.getYear();
        } else if (year == null) {
            errors.add(new FieldError("dateOfBirth", text("population.dateOfBirth.required")));
        } else if (year < 1900 || year > today.getYear()) {
            errors.add(new FieldError("birthYear", text("population.birthYear.range", today.getYear())));
            year = null;
        }

        String nationalId = NationalIds.clean(f.nationalId());
        if (nationalId != null) {
            NationalIds.Problem problem = NationalIds.problem(nationalId, sex, year);
            if (problem != null) errors.add(new FieldError("nationalId", messages.get(problem.key(), problem.args())));
        } else if (nationalIdRequired && year != null && ofAge(dob, year, nationalIdAge, today)) {
            errors.add(new FieldError("nationalId", text("population.nationalId.requiredFromAge", nationalIdAge)));
        }
        String phone = null;
        if (!blank(f.phone())) {
            phone = phone(f.phone());
            if (phone == null) errors.add(new FieldError("phone", text("population.phone.invalid", f.phone())));
        }

        String commune = blank(f.communeCode()) ? null : f.communeCode().strip();
        if (commune == null) errors.add(new FieldError("communeCode", text("population.commune.required")));
        else if (!refs.communeActive(commune)) errors.add(new FieldError("communeCode", text("population.commune.notActiveOrOutside", commune)));
        if (f.villageId() != null) {
            String c = refs.villageCommune(f.villageId());
            if (c == null) errors.add(new FieldError("villageId", text("population.village.notFound", f.villageId())));
            else if (!c.equals(commune)) errors.add(new FieldError("villageId", text("population.village.notInCommune")));
        }
        if (f.householdId() != null) {
            String c = refs.householdCommune(f.householdId());
            if (c == null) errors.add(new FieldError("householdId", text("population.household.notFound", f.householdId())));
            else if (!c.equals(commune)) errors.add(new FieldError("householdId", text("population.household.notInCommune")));
        }
        Relation relation = null;
        if (!blank(f.relationToHead())) {
            relation = Relation.parse(f.relationToHead());
            if (relation == null) errors.add(new FieldError("relationToHead", text("population.relation.unknown", f.relationToHead())));
        }
        if (f.workplaceId() != null && !refs.workplaceExists(f.workplaceId())) {
            errors.add(new FieldError("workplaceId", text("population.workplace.notFound", f.workplaceId())));
        }
        boolean pregnant = Boolean.TRUE.equals(f.pregnant());
        if (pregnant && sex == Sex.MALE) errors.add(new FieldError("pregnant", text("population.pregnant.male")));
        if (pregnant && year != null && (today.getYear() - year < 10 || today.getYear() - year > 60)) {
            errors.add(new FieldError("pregnant", text("population.pregnant.age")));
        }
        Set<String> comorbidities = new LinkedHashSet<>();
        for (String c : f.comorbidities() == null ? List.<String>of() : f.comorbidities()) {
            if (blank(c)) continue;
            String code = c.strip().toUpperCase(java.util.Locale.ROOT);
            if (refs.comorbidities().contains(code)) comorbidities.add(code);
            else errors.add(new FieldError("comorbidities", text("population.comorbidity.unknown", c)));
        }
        String address = trimToNull(f.address(), 500, "address", errors);
        String occupation = trimToNull(f.occupation(), 200, "occupation", errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new PersonData(name, sex, dob, year, nationalId, phone, commune, f.villageId(), address, f.householdId(),
                relation, occupation, f.workplaceId(), pregnant, comorbidities.toArray(String[]::new));
    }

    private String name(String raw, List<FieldError> errors) {
        if (blank(raw)) {
            errors.add(new FieldError("fullName", text("population.fullName.required")));
            return null;
        }
        String n = Normalizer.normalize(raw.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
        if (n.length() > 150) errors.add(new FieldError("fullName", text("population.fullName.tooLong")));
        else if (!n.matches("[\\p{L}\\p{M}' .\\-]+")) errors.add(new FieldError("fullName", text("population.fullName.letters", raw)));
        return n;
    }

    /**
     * The +84 form, or null when the text is not a Vietnamese phone number. Too short a number ("0") is
     * refused here, and whatever {@link PhoneNumbers} refuses by throwing is refused the same way: one wrong
     * cell refuses its row, never the import.
     */
    static String phone(String raw) {
        if (raw.chars().filter(Character::isDigit).count() < 9) return null;
        try {
            return PhoneNumbers.normalise(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** ISO or dd/MM/yyyy; null when neither. */
    public static LocalDate date(String raw) {
        String s = raw.strip();
        try {
            return s.contains("/") ? LocalDate.parse(s, VN_DATE_LENIENT) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String trimToNull(String raw, int max, String field, List<FieldError> errors) {
        if (blank(raw)) return null;
        String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (s.length() > max) errors.add(new FieldError(field, text("population.text.tooLong", max)));
        return s;
    }

    /** A text of i18n/population; numbers are passed as written (1900, not 1.900), ids and years being codes. */
    private String text(String key, Object... args) {
        Object[] written = new Object[args.length];
        for (int i = 0; i < args.length; i++) written[i] = args[i] instanceof Number n ? n.toString() : args[i];
        return messages.get(key, written);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
