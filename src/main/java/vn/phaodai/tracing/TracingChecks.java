package vn.phaodai.tracing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks the tracing services make the same way (a person or case in the area, a date, a code), worded in the user's language. */
@Component
public class TracingChecks {

    private final JdbcClient jdbc;
    private final Messages messages;

    TracingChecks(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Fails with 404 unless the person lives in the scope. */
    public void requirePerson(long personId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", personId);
        if (jdbc.sql("select count(*) from person_card p where p.id = :id and " + scope.condition("p.commune_code", "p.village_id"))
                .params(p).query(Long.class).single() == 0) {
            throw new NotFoundException(messages.get("tracing.person.notFound", String.valueOf(personId)));
        }
    }

    /** The case's person, or 404 unless the case belongs to the scope. */
    public long requireCase(long caseId, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", caseId);
        return jdbc.sql("select c.person_id from case_card c where c.id = :id and " + scope.condition("c.commune_code", "c.village_id"))
                .params(p).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("tracing.case.notFound", String.valueOf(caseId))));
    }

    /** A date, ISO or dd/MM/yyyy; a missing or unreadable one is an error of the field. */
    public LocalDate date(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) errors.add(new FieldError(field, messages.get("tracing.date.required")));
            return null;
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return LocalDate.parse(value.strip(), f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        errors.add(new FieldError(field, messages.get("tracing.date.invalid", value)));
        return null;
    }

    /** One of the allowed codes, or the fallback when none is sent. */
    public String oneOf(List<FieldError> errors, String field, String value, List<String> allowed, String fallback) {
        if (value == null || value.isBlank()) return fallback;
        if (!allowed.contains(value.strip())) {
            errors.add(new FieldError(field, messages.get("tracing.value.invalid", value, String.join(", ", allowed))));
            return fallback;
        }
        return value.strip();
    }
}
