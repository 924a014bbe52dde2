package vn.phaodai.population;

/** What a user filters the person directory by; every part optional. */
public record PersonCriteria(String q, String communeCode, String districtCode, Long villageId) {
}
