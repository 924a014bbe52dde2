package vn.phaodai.population;

import vn.phaodai.population.registry.PersonRules;
import vn.phaodai.population.registry.PhoneNumbers;

import java.util.List;

/**
 * A person as sent by a client or a form, before validation. Dates are text so that a bad one is
 * reported against its field: ISO (2001-03-25) or Vietnamese (25/03/2001).
 */
public record PersonForm(String fullName, String sex, String dateOfBirth, Integer birthYear, String nationalId,
                         String phone, String communeCode, Long villageId, String address, Long householdId,
                         String relationToHead, String occupation, Long workplaceId, Boolean pregnant,
                         List<String> comorbidities, Integer version) {

    public static PersonForm of(Person p) {
        return new PersonForm(p.fullName(), p.sex().name(),
                p.dateOfBirth() == null ? null : p.dateOfBirth().format(PersonRules.VN_DATE),
                p.dateOfBirth() == null ? p.birthYear() : null, p.nationalId(), PhoneNumbers.display(p.phone()),
                p.communeCode(), p.villageId(), p.address(), p.householdId(),
                p.relationToHead() == null ? null : p.relationToHead().name(), p.occupation(), p.workplaceId(),
                p.pregnant(), p.comorbidities(), p.version());
    }

    public static PersonForm empty(String communeCode) {
        return new PersonForm(null, null, null, null, null, null, communeCode, null, null, null, null, null, null,
                false, List.of(), null);
    }
}
