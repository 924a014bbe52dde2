package vn.phaodai.quarantine.facilities;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.quarantine.stays.Access;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quarantine and treatment facilities with their capacity and current occupancy (active stays). Capacity is
 * not personal data: whoever reads quarantine sees every facility of the installation.
 */
@Service
public class Facilities {

    public static final Set<String> KINDS = Set.of("CONCENTRATED", "HOTEL", "TREATMENT", "HOSPITAL");

    /** More beds (or rooms) than the largest field hospital of 2021 held: a typing slip, refused at its field. */
    static final int MAX_BEDS = 20_000;

    public record Facility(long id, String code, String name, String kind, String convertedFrom, String communeCode,
                           int capacity, Integer rooms, String address, boolean active, int occupied) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public int free() {
            return Math.max(0, capacity - occupied);
        }
    }

    /** The body of POST and PUT /api/v1/quarantine/facilities; on PUT a field left out keeps its value. */
    public record FacilityForm(String name, String kind, String communeCode, Integer capacity, Integer rooms, String code,
                               String address, Boolean active) {
    }

    /** Beds of the active facilities of a district. */
    public record DistrictBeds(String districtCode, String districtName, int facilities, int capacity, int occupied) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public int free() {
            return Math.max(0, capacity - occupied);
        }
    }

    static final String SELECT = """
            select f.*, (select count(*) from quarantine_stay s where s.facility_id = f.id and s.status = 'ACTIVE') as occupied
            from quarantine_facility f
            """;
    static final RowMapper<Facility> FACILITY = (rs, i) -> new Facility(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("kind"), rs.getString("converted_from"), rs.getString("commune_code"),
            rs.getInt("capacity"), (Integer) rs.getObject("rooms"), rs.getString("address"), rs.getBoolean("active"),
            rs.getInt("occupied"));

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AuditLog audit;
    private final Messages messages;

    Facilities(JdbcClient jdbc, Geography geography, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.audit = audit;
        this.messages = messages;
    }

    /** A page of facilities, optionally of a district or commune and of a kind, by commune and name. */
    public PageResult<Facility> search(String district, String commune, String kind, int page, int size) {
        List<Facility> all = list(district, commune, kind);
        int from = (int) Math.min((long) page * size, all.size());
        return new PageResult<>(all.subList(from, Math.min(from + size, all.size())), all.size(), page, size);
    }

    /** Facilities, optionally of a district or commune and of a kind, by commune and name (a province has a few hundred). */
    public List<Facility> list(String district, String commune, String kind) {
        CurrentUser.require(Right.QUARANTINE_READ);
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> p = new HashMap<>();
        if (district != null && !district.isBlank()) {
            where.append(" and f.commune_code = any(:communes)");
            p.put("communes", geography.communeCodes(district.strip()).toArray(String[]::new));
        }
        if (commune != null && !commune.isBlank()) {
            where.append(" and f.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (kind != null && !kind.isBlank()) {
            where.append(" and f.kind = :kind");
            p.put("kind", kind.strip());
        }
        return jdbc.sql(SELECT + "where " + where + " order by f.commune_code, f.name").params(p).query(FACILITY).list();
    }

    /** Capacity, occupancy and free beds of the active facilities, per district. */
    public List<DistrictBeds> bedsByDistrict() {
        Map<String, int[]> sums = new LinkedHashMap<>();
        for (Facility f : list(null, null, null)) {
            if (!f.active()) continue;
            String district = geography.findCommune(f.communeCode()).map(AdminUnit::parentCode).orElse("?");
            int[] s = sums.computeIfAbsent(district, d -> new int[3]);
            s[0]++;
            s[1] += f.capacity();
            s[2] += f.occupied();
        }
        List<DistrictBeds> result = new ArrayList<>();
        sums.forEach((code, s) -> result.add(new DistrictBeds(code, districtName(code), s[0], s[1], s[2])));
        result.sort(java.util.Comparator.comparing(DistrictBeds::districtCode));
        return result;
    }

    public Facility get(long id) {
        CurrentUser.require(Right.QUARANTINE_READ);
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Facility> find(long id) {
        return jdbc.sql(SELECT + "where f.id = ?").param(id).query(FACILITY).optional();
    }

    public Optional<Facility> lock(long id) {
        jdbc.sql("select id from quarantine_facility where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    /** A new facility in a commune of the user's jurisdiction; the same code and name again gives back the first. */
    @Transactional
    public Facility create(FacilityForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) errors.add(new FieldError("name", messages.get("quarantine.facility.name.required")));
        if (form.kind() == null || !KINDS.contains(form.kind())) {
            errors.add(new FieldError("kind", messages.get("quarantine.facility.kind.invalid")));
        }
        if (form.capacity() == null || form.capacity() < 0) errors.add(new FieldError("capacity", messages.get("quarantine.facility.capacity.required")));
        else if (form.capacity() > MAX_BEDS) errors.add(new FieldError("capacity", messages.get("quarantine.facility.capacity.tooMany", MAX_BEDS)));
        if (form.rooms() != null && form.rooms() < 0) errors.add(new FieldError("rooms", messages.get("quarantine.facility.rooms.negative")));
        else if (form.rooms() != null && form.rooms() > MAX_BEDS) errors.add(new FieldError("rooms", messages.get("quarantine.facility.rooms.tooMany", MAX_BEDS)));
        if (form.communeCode() == null || geography.findCommune(form.communeCode()).isEmpty()) {
            errors.add(new FieldError("communeCode", messages.get("quarantine.facility.commune.unknown", form.communeCode())));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        if (!user.scope().covers(form.communeCode(), null)) {
            throw new AccessDeniedException(messages.get("quarantine.facility.commune.outsideArea", form.communeCode()));
        }
        String code = form.code() == null || form.code().isBlank() ? null : form.code().strip();
        if (code != null) {
            Optional<Facility> same = jdbc.sql(SELECT + "where f.code = ?").param(code).query(FACILITY).optional();
            if (same.isPresent()) {
                if (same.get().name().equals(form.name().strip()) && same.get().communeCode().equals(form.communeCode())) {
                    return same.get();
                }
                throw new ConflictException(messages.get("quarantine.facility.code.taken", code, same.get().name()), "code",
                        Map.of("facilityId", same.get().id()));
            }
        }
        long id = jdbc.sql("""
                insert into quarantine_facility (code, name, kind, commune_code, capacity, rooms, address, created_by)
                values (coalesce(:code, 'tmp-' || gen_random_uuid()), :name, :kind, :commune, :capacity, :rooms, :address, :user)
                returning id""")
                .param("code", code).param("name", form.name().strip()).param("kind", form.kind())
                .param("commune", form.communeCode()).param("capacity", form.capacity()).param("rooms", form.rooms())
                .param("address", form.address()).param("user", user.username()).query(Long.class).single();
        if (code == null) jdbc.sql("update quarantine_facility set code = 'CS-' || id where id = ?").param(id).update();
        audit.record("CREATE", "quarantine_facility", id, null, form);
        return find(id).orElseThrow();
    }

    /**
     * Changes capacity, rooms, name, address, activity or kind: a quarantine site converted into a treatment
     * facility (seed 003) keeps its earlier kind in convertedFrom.
     */
    @Transactional
    public Facility update(long id, FacilityForm form) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_WRITE);
        Facility f = lock(id).orElseThrow(() -> notFound(id));
        if (!manages(user, f)) throw new AccessDeniedException(messages.get("quarantine.facility.outsideArea", f.name()));
        if (form.kind() != null && !KINDS.contains(form.kind())) {
            throw new InvalidInputException("kind", messages.get("quarantine.facility.kind.invalid"));
        }
        if (form.capacity() != null && form.capacity() < 0) throw new InvalidInputException("capacity", messages.get("quarantine.facility.capacity.negative"));
        if (form.capacity() != null && form.capacity() > MAX_BEDS) throw new InvalidInputException("capacity", messages.get("quarantine.facility.capacity.tooMany", MAX_BEDS));
        if (form.rooms() != null && form.rooms() < 0) throw new InvalidInputException("rooms", messages.get("quarantine.facility.rooms.negative"));
        if (form.rooms() != null && form.rooms() > MAX_BEDS) throw new InvalidInputException("rooms", messages.get("quarantine.facility.rooms.tooMany", MAX_BEDS));
        String kind = form.kind() == null ? f.kind() : form.kind();
        jdbc.sql("""
                update quarantine_facility set name = :name, kind = :kind, converted_from = :from, capacity = :capacity,
                    rooms = :rooms, address = :address, active = :active, updated_at = now()
                where id = :id""")
                .param("name", form.name() == null || form.name().isBlank() ? f.name() : form.name().strip())
                .param("kind", kind).param("from", kind.equals(f.kind()) ? f.convertedFrom() : f.kind())
                .param("capacity", form.capacity() == null ? f.capacity() : form.capacity())
                .param("rooms", form.rooms() == null ? f.rooms() : form.rooms())
                .param("address", form.address() == null ? f.address() : form.address())
                .param("active", form.active() == null ? f.active() : form.active()).param("id", id).update();
        audit.record("UPDATE", "quarantine_facility", id, null, Map.of("before", f, "after", form));
        return find(id).orElseThrow();
    }

    /** The province and the facility's commune manage it; a facility manager manages its own facilities. */
    public static boolean manages(PhaodaiUser user, Facility f) {
        if (Access.facilityLevel(user)) return user.jurisdictionCodes().contains(f.code());
        return user.scope().covers(f.communeCode(), null);
    }

    private String districtName(String code) {
        try {
            return geography.district(code).name();
        } catch (NotFoundException e) {
            return code;
        }
    }

    public NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("quarantine.facility.notFound", String.valueOf(id)));
    }
}
