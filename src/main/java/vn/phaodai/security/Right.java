package vn.phaodai.security;

/** What a role allows. Roles and their rights are data (table role); these are the rights the code checks. */
@org.springframework.modulith.NamedInterface("api")
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
    AUDIT_READ,
    /** Samples and test results of persons in the jurisdiction (health data). */
    TESTING_READ,
    /** Register samples, pools and screening campaigns. */
    TESTING_WRITE,
    /** Report laboratory results (a laboratory serves the whole province: results are write-only). */
    LAB_RESULT_WRITE,
    CASE_READ,
    CASE_WRITE,
    /** Issue official decisions (isolation, end of isolation) with their numbers. */
    DECISION_ISSUE,
    /** Contacts, tiers (F1, F2), chains and clusters of the jurisdiction. */
    TRACING_READ,
    TRACING_WRITE,
    /** Facilities, stays and arrivals. */
    QUARANTINE_READ,
    QUARANTINE_WRITE,
    /** The quarantine policy table (days, tests, places by period): the province's health department. */
    QUARANTINE_POLICY_ADMIN,
    /** Readings, warning signs and alerts of F0 cared for at home. */
    HOME_CARE_READ,
    HOME_CARE_WRITE,
    /** Support requests of F0 households of the jurisdiction (who, address, phone, the need): never health data. */
    SUPPORT_READ,
    /** Take a support request, mark it done or cancel it: the commune's mass organisations. */
    SUPPORT_HANDLE,
    /** Doses, vaccination status, coverage and the lists of who is missing, of the jurisdiction. */
    VACCINATION_READ,
    /** Record doses, refusals and home-vaccination needs; run vaccination points and sessions. */
    VACCINATION_WRITE,
    /** Vaccine stock by lot: what is held, allocated, used, wasted and what expires soon. */
    VACCINE_STOCK_READ,
    /** Receive, allocate, return and discard vaccine lots. */
    VACCINE_STOCK_WRITE
}
