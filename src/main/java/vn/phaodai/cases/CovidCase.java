package vn.phaodai.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A confirmed case (F0) as a reader in its jurisdiction sees it. */
@org.springframework.modulith.NamedInterface("api")
public record CovidCase(long id, int version, long personId, String fullName, String sex, int birthYear, LocalDate dateOfBirth,
                        String nationalId, String phone, String address, String communeCode, Long villageId, String status,
                        LocalDate confirmedOn, String confirmingSampleCode, String basis, String ruleDocument, String evidence,
                        String source, boolean symptomatic, LocalDate onsetDate, String severity, String careSetting,
                        String facility, List<String> comorbidities, boolean pregnant,
                        LocalDate outcomeOn, String discardedReason, String createdBy,
                        OffsetDateTime createdAt) {

    public static final List<String> STATUSES = List.of("ACTIVE", "RECOVERED", "DIED", "TRANSFERRED_OUT", "DISCARDED");
    public static final List<String> SOURCES = List.of("COMMUNITY", "QUARANTINE", "IMPORTED_PROVINCE", "IMPORTED_ABROAD");
    public static final List<String> SEVERITIES = List.of("ASYMPTOMATIC", "MILD", "MODERATE", "SEVERE", "CRITICAL");
    public static final List<String> CARE_SETTINGS = List.of("HOME", "QUARANTINE_FACILITY", "TREATMENT_FACILITY", "HOSPITAL", "ICU");
    public static final List<String> OUTCOMES = List.of("RECOVERED", "DIED", "TRANSFERRED_OUT");

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
