package vn.phaodai.testing.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A screening campaign (xét nghiệm sàng lọc): an area of communes or villages, a period and a kind of test. */
public record Campaign(long id, String name, List<String> communeCodes, List<Long> villageIds, LocalDate startsOn,
                       LocalDate endsOn, String testType, Integer poolSize, String createdBy, OffsetDateTime createdAt) {

    static Campaign of(ResultSet rs, int i) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("commune_codes").getArray()),
                Arrays.asList((Long[]) rs.getArray("village_ids").getArray()),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("test_type"), rs.getObject("pool_size", Integer.class), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
