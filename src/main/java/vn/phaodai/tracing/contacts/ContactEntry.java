package vn.phaodai.tracing.contacts;

import vn.phaodai.tracing.Tiers;
import vn.phaodai.tracing.TracingChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A case's contacts entered as a small form per person, several at once. All or nothing: a wrong value in any row
 * answers every wrong field of every row (as {@code rows[i].field}) and writes nothing, not even the good rows, so
 * that the officer corrects and sends the same page again without creating anyone twice. Each person's answer says
 * what they became under the F1 definition of the exposure day, and why not when they are not an F1 ({@link F1Verdicts}).
 */
@Service
public class ContactEntry {

    /** One person as typed: every value text, so that a wrong one is answered at its field rather than refused unread. */
    public record Row(String fullName, String birthYear, String sex, String phone, String villageId, String nationalId,
                      String proximity, Boolean masked, String minutes, String lastContactDate) {

        public static Row empty(String lastContactDate) {
            return new Row(null, null, null, null, null, null, null, null, null, lastContactDate);
        }

        /** A row with nothing that names a person is left out (the page offers empty rows). */
        boolean blank() {
            return isBlank(fullName) && isBlank(birthYear) && isBlank(phone) && isBlank(nationalId) && isBlank(minutes);
        }
    }

    /** The entry: what the persons share (first day of contact, setting, place) and one row per person. */
    public record Entry(String firstContactDate, String setting, String place, List<Row> rows) {
    }

    /**
     * What a person became: {@code became} F1, F2, F0 or NONE (not a contact under the definition of that day);
     * {@code why} the criterion of the definition that was not met (null for an F1 of this case); {@code document}
     * the definition applied.
     */
    public record Outcome(int row, String fullName, long personId, boolean newPerson, String became, String why, String document) {
    }

    private final Contacts contacts;
    private final Tiers tiers;
    private final F1Verdicts verdicts;
    private final TracingChecks checks;
    private final JdbcClient jdbc;
    private final ApplicationClock clock;
    private final Messages messages;
    private final Geography geography;

    ContactEntry(Contacts contacts, Tiers tiers, F1Verdicts verdicts, TracingChecks checks, JdbcClient jdbc, ApplicationClock clock,
                 Messages messages, Geography geography) {
        this.geography = geography;
        this.contacts = contacts;
        this.tiers = tiers;
        this.verdicts = verdicts;
        this.checks = checks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /** The villages of the case's commune, in the order people count them (Tổ 2 before Tổ 10). */
    public List<Village> villages(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        checks.requireCase(caseId, user.scope());
        String commune = jdbc.sql("select commune_code from case_card where id = ?").param(caseId).query(String.class).single();
        return geography.villages(commune).stream().filter(Village::active).sorted(NATURAL).toList();
    }

    /** Names compared with their numbers as numbers. */
    static final java.util.Comparator<Village> NATURAL = java.util.Comparator.comparing(v -> naturalKey(v.name()),
            java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi")));

    static String naturalKey(String name) {
        // Each run of digits padded to 10 places: "Tổ 2" sorts as "Tổ 0000000002", before "Tổ 0000000010".
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(name.toLowerCase());
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, String.format("%10s", m.group()).replace(' ', '0'));
        m.appendTail(b);
        return b.toString();
    }

    private record Valid(int row, Contacts.Line line, String proximity, boolean masked, Integer minutes, LocalDate first, LocalDate last) {
    }

    @Transactional
    public List<Outcome> record(long caseId, Entry entry) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        long source = checks.requireCase(caseId, user.scope());
        String commune = jdbc.sql("select commune_code from case_card where id = ?").param(caseId).query(String.class).single();
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = checks.date(errors, "firstContactDate", entry.firstContactDate(), false);
        String setting = checks.oneOf(errors, "setting", entry.setting(), Contacts.SETTINGS, "OTHER");
        List<Long> villages = geography.villages(commune).stream().map(Village::id).toList();
        List<Valid> valid = new ArrayList<>();
        List<Row> rows = entry.rows() == null ? List.of() : entry.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r == null || r.blank()) continue;
            Valid v = check(i, r, first, villages, errors);
            if (v != null) valid.add(v);
        }
        if (valid.isEmpty() && errors.isEmpty()) throw new InvalidInputException("rows", messages.get("tracing.entry.none"));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        List<Outcome> out = new ArrayList<>();
        Set<Long> exposed = new LinkedHashSet<>();
        List<long[]> written = new ArrayList<>();
        for (Valid v : valid) {
            String field = "rows[" + v.row() + "].";
            try {
                long found = contacts.existingOrNew(v.line(), commune);
                long person = Math.abs(found);
                LocalDate exposure = v.first() == null ? v.last() : v.first();
                LocalDate last = v.last().equals(exposure) ? null : v.last();
                Contacts.Contact c = contacts.insert(new Contacts.ContactForm(source, person, exposure.toString(),
                        last == null ? null : last.toString(), setting, v.masked(), v.minutes(), v.proximity(), entry.place(), null), user);
                exposed.add(person);
                written.add(new long[]{v.row(), person, c.id(), found < 0 ? 1 : 0});
            } catch (InvalidInputException e) {
                // The registry names its own fields (fullName, phone, nationalId...): the same names as the row's.
                for (FieldError fe : e.errors()) errors.add(new FieldError(field + (fe.field() == null ? "fullName" : fe.field()), fe.message()));
            } catch (NotFoundException | ConflictException | AccessDeniedException e) {
                errors.add(new FieldError(field + "fullName", e.getMessage()));
            }
        }
        // A refused row undoes the whole entry (the transaction rolls back): nothing half-written.
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        tiers.recompute(exposed, 1);
        for (long[] w : written) {
            Row r = rows.get((int) w[0]);
            F1Verdicts.Verdict verdict = verdicts.of(caseId, w[1], w[2]);
            out.add(new Outcome((int) w[0] + 1, r.fullName().strip(), w[1], w[3] == 1, verdict.became(), verdict.why(), verdict.document()));
        }
        return out;
    }

    private Valid check(int i, Row r, LocalDate first, List<Long> villages, List<FieldError> errors) {
        String field = "rows[" + i + "].";
        int before = errors.size();
        if (isBlank(r.fullName())) errors.add(new FieldError(field + "fullName", messages.get("tracing.entry.fullName.required")));
        Integer year = null;
        int thisYear = clock.today().getYear();
        if (isBlank(r.birthYear())) {
            errors.add(new FieldError(field + "birthYear", messages.get("tracing.entry.birthYear.required")));
        } else {
            try {
                year = Integer.parseInt(r.birthYear().strip());
                if (year < 1900 || year > thisYear) {
                    errors.add(new FieldError(field + "birthYear", messages.get("tracing.entry.birthYear.range", String.valueOf(thisYear))));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field + "birthYear", messages.get("tracing.entry.birthYear.number", r.birthYear().strip())));
            }
        }
        String sex = isBlank(r.sex()) ? null : r.sex().strip();
        if (sex == null) errors.add(new FieldError(field + "sex", messages.get("tracing.entry.sex.required")));
        else if (!List.of("MALE", "FEMALE").contains(sex)) errors.add(new FieldError(field + "sex", messages.get("tracing.entry.sex.invalid")));
        Long village = null;
        if (!isBlank(r.villageId())) {
            try {
                village = Long.parseLong(r.villageId().strip());
            } catch (NumberFormatException e) {
                village = -1L;
            }
            if (!villages.contains(village)) errors.add(new FieldError(field + "villageId", messages.get("tracing.entry.village.notInCommune")));
        }
        String proximity = isBlank(r.proximity()) ? null : r.proximity().strip();
        if (proximity == null) errors.add(new FieldError(field + "proximity", messages.get("tracing.entry.proximity.required")));
        else if (!Contacts.PROXIMITIES.contains(proximity)) errors.add(new FieldError(field + "proximity", messages.get("tracing.entry.proximity.invalid")));
        Integer minutes = null;
        if (!isBlank(r.minutes())) {
            try {
                minutes = Integer.parseInt(r.minutes().strip());
                if (minutes < 0 || minutes > 14 * 24 * 60) errors.add(new FieldError(field + "minutes", messages.get("tracing.entry.minutes.range")));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field + "minutes", messages.get("tracing.entry.minutes.number", r.minutes().strip())));
            }
        }
        LocalDate last = checks.date(errors, field + "lastContactDate", r.lastContactDate(), true);
        if (last != null && last.isAfter(clock.today())) {
            errors.add(new FieldError(field + "lastContactDate", messages.get("tracing.contact.exposureDate.future")));
        } else if (last != null && first != null && last.isBefore(first)) {
            errors.add(new FieldError(field + "lastContactDate", messages.get("tracing.entry.lastContactDate.beforeFirst")));
        }
        if (errors.size() > before) return null;
        return new Valid(i, new Contacts.Line(null, r.fullName().strip(), year, sex, r.phone(), null, village, r.nationalId()),
                proximity, Boolean.TRUE.equals(r.masked()), minutes, first, last);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
