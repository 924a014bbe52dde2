package vn.phaodai.cases.decisions;

import java.time.LocalDate;

/** What a decision says about a case and its person (covid_case joined with population's person_card). */
public record CaseFacts(long caseId, long personId, String communeCode, Long villageId, String status, LocalDate confirmedOn,
                 String careSetting, String facility, LocalDate outcomeOn, String fullName, String sex,
                 LocalDate dateOfBirth, Integer birthYear, String nationalId, String address, String personCommune,
                 Long personVillageId) {
}
