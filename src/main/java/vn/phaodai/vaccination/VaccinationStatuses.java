package vn.phaodai.vaccination;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's vaccination on any date, derived from the registry of doses (never stored), and whether the person is
 * "fully vaccinated" in the sense of the rule that asks (home care, quarantine, factory testing), by the definition in
 * force on that date (table vaccination_definition, each row citing its document).
 * <p>
 * The caller has already checked that its user may see the person (it holds the person's case, stay or worker): this
 * service checks no right and writes no audit entry. For lists, ask for many persons at once, or join the SQL function
 * {@code vaccination_on(date)} on person_id: one query, never one per person.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class VaccinationStatuses {

    /** Where a person stands, in the order of progress. */
    public enum Level {NOT_VACCINATED, PRIMARY_STARTED, PRIMARY_COMPLETE, ADDITIONAL, BOOSTED}

    /** Who asks what "fully vaccinated" means. */
    public enum Purpose {QUARANTINE, HOME_CARE, FACTORY_TESTING}

    /**
     * A person's vaccination on a day: the level, the doses given by then, the day the primary course was complete
     * (null if not), the last dose's day and every dose's day (oldest first).
     */
    public record Status(long personId, LocalDate on, Level level, int doses, LocalDate primaryCompleteOn,
                         LocalDate lastDoseOn, List<LocalDate> doseDates) {
        static Status none(long personId, LocalDate on) {
            return new Status(personId, on, Level.NOT_VACCINATED, 0, null, null, List.of());
        }
    }

    /** The answer for one purpose on one day, with the document of the definition that answered (null if none in force). */
    public record FullyVaccinated(long personId, boolean fully, String document) {
    }

    private final JdbcClient jdbc;

    VaccinationStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Status of(long personId, LocalDate on) {
        return of(List.of(personId), on).get(personId);
    }

    /** Many persons, one day, one query; every person asked for has an answer. */
    public Map<Long, Status> of(Collection<Long> personIds, LocalDate on) {
        Map<Long, Status> all = new HashMap<>();
        for (Long id : personIds) all.put(id, Status.none(id, on));
        if (personIds.isEmpty()) return all;
        jdbc.sql("select * from vaccination_on(:on) where person_id = any(:ids)")
                .param("on", on).param("ids", personIds.toArray(Long[]::new))
                .query((rs, i) -> {
                    long id = rs.getLong("person_id");
                    LocalDate complete = rs.getObject("primary_complete_on", LocalDate.class);
                    Level level = rs.getInt("boosters") > 0 ? Level.BOOSTED : rs.getBoolean("has_additional") ? Level.ADDITIONAL
                            : complete != null ? Level.PRIMARY_COMPLETE : rs.getInt("primary_doses") > 0 ? Level.PRIMARY_STARTED : Level.NOT_VACCINATED;
                    return new Status(id, on, level, rs.getInt("doses"), complete, rs.getObject("last_dose_on", LocalDate.class),
                            dates(rs.getArray("dose_dates")));
                }).list().forEach(s -> all.put(s.personId(), s));
        return all;
    }

    public FullyVaccinated fullyVaccinated(long personId, LocalDate on, Purpose purpose) {
        return fullyVaccinated(List.of(personId), on, purpose).get(personId);
    }

    /**
     * Many persons by the definitions in force on the day for the purpose (the SQL function fully_vaccinated, which
     * lists join too); none in force: nobody is. The document is the definition met, else those in force.
     */
    public Map<Long, FullyVaccinated> fullyVaccinated(Collection<Long> personIds, LocalDate on, Purpose purpose) {
        List<String> documents = jdbc.sql("""
                select document from vaccination_definition
                where purpose = ? and valid_from <= ? and (valid_to is null or valid_to >= ?) order by id""")
                .params(purpose.name(), on, on).query(String.class).list();
        String inForce = documents.isEmpty() ? null : String.join("; ", documents.stream().distinct().toList());
        Map<Long, FullyVaccinated> answers = new HashMap<>();
        for (Long id : personIds) answers.put(id, new FullyVaccinated(id, false, inForce));
        if (personIds.isEmpty()) return answers;
        jdbc.sql("select person_id, document from fully_vaccinated(:ids, :on, :purpose)")
                .param("ids", personIds.toArray(Long[]::new)).param("on", on).param("purpose", purpose.name())
                .query(rs -> {
                    answers.put(rs.getLong(1), new FullyVaccinated(rs.getLong(1), true, rs.getString(2)));
                });
        return answers;
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v).toList();
    }
}
