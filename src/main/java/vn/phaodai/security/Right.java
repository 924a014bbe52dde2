package vn.phaodai.security;

/** What a role allows. Roles and their rights are data (table role); these are the rights the code checks. */
public enum Right {
    /** Every field of a person's record (ID number, health data). */
    PERSON_READ,
    /** Only what a door-to-door team needs: name, sex, birth year, village, address, phone, household. */
    PERSON_READ_BASIC,
    PERSON_WRITE,
    PERSON_MERGE,
    PERSON_IMPORT,
    PERSON_EXPORT,
    /** Numbers only: never a name, an ID number or a phone. */
    AGGREGATE_READ,
    GEOGRAPHY_ADMIN,
    USER_ADMIN,
    AUDIT_READ
}
