package vn.phaodai.vaccination.imports;

import java.time.LocalDate;
import java.util.List;

/** One line of the platform's export, checked field by field, as it goes into the staging table. */
record DoseLine(int line, String fullName, String nameFold, LocalDate dateOfBirth, String sex, String nationalId,
                String phone, String productCode, String lotNumber, LocalDate givenOn, String doseKind, String givenAt,
                String pointFold) {

    /** The staging table's columns, in the order of {@link #values()}. */
    static final List<String> COLUMNS = List.of("line", "full_name", "name_fold", "date_of_birth", "sex", "national_id",
            "phone", "product_code", "lot_number", "given_on", "dose_kind", "given_at", "point_fold");

    Object[] values() {
        return new Object[]{line, fullName, nameFold, dateOfBirth, sex, nationalId, phone, productCode, lotNumber, givenOn,
                doseKind, givenAt, pointFold};
    }
}
