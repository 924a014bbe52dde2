package vn.phaodai.population.registry;

import vn.phaodai.population.Relation;
import vn.phaodai.population.Sex;

import java.time.LocalDate;

/** A person's fields after validation: normalised, typed, and consistent with each other. */
public record PersonData(String fullName, Sex sex, LocalDate dateOfBirth, int birthYear, String nationalId, String phone,
                  String communeCode, Long villageId, String address, Long householdId, Relation relation,
                  String occupation, Long workplaceId, boolean pregnant, String[] comorbidities) {
}
