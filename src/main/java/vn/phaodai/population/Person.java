package vn.phaodai.population;

import vn.phaodai.population.registry.PersonRules;
import vn.phaodai.population.registry.PhoneNumbers;

import java.time.LocalDate;
import java.util.List;

/** A resident of the registry, owned by a commune. */
public record Person(long id, int version, String fullName, Sex sex, LocalDate dateOfBirth, int birthYear,
                     String nationalId, String phone, String communeCode, Long villageId, String address,
                     Long householdId, Relation relationToHead, String occupation, Long workplaceId, Boolean pregnant,
                     List<String> comorbidities, Long mergedInto) {

    /** Date of birth as dd/MM/yyyy, or the year alone. */
    public String born() {
        return dateOfBirth == null ? String.valueOf(birthYear) : dateOfBirth.format(PersonRules.VN_DATE);
    }

    /** What a user with only the basic right sees: no ID number, exact birth date or health data. */
    Person basic() {
        return new Person(id, version, fullName, sex, null, birthYear, null, phone, communeCode, villageId, address,
                householdId, relationToHead, null, null, null, List.of(), mergedInto);
    }

    public String phoneDisplay() {
        return PhoneNumbers.display(phone);
    }
}
