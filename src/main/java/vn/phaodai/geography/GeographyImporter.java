package vn.phaodai.geography;

import vn.phaodai.geography.imports.GsoListParser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.imports.GsoListParser.Parsed;
import vn.phaodai.geography.imports.GsoListParser.Unit;
import vn.phaodai.geography.ImportSummary.Counts;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Applies the official list: new units are created, changed names updated, and (for a complete list)
 * units missing from it deactivated. Set-based: the list goes to a staging table by COPY, then one
 * statement per level and per kind of change. Every change is logged in geography_change.
 */
@Service
public class GeographyImporter {

    /** The three levels: table, parent column, and the level letter used in staging. */
    private enum Level {
        PROVINCE("province", null, 'P'), DISTRICT("district", "province_code", 'D'), COMMUNE("commune", "district_code", 'C');

        final String table;
        final String parent;
        final char letter;

        Level(String table, String parent, char letter) {
            this.table = table;
            this.parent = parent;
            this.letter = letter;
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final ImportLimits limits;
    private final Messages messages;

    GeographyImporter(JdbcClient jdbc, DataSource dataSource, JsonMapper json, ImportLimits limits, Messages messages) {
        this.limits = limits;
        this.messages = messages;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param complete     the file is the whole national list: units absent from it are deactivated
     * @param allOrNothing a single rejected row rejects the whole file
     *                     <p>
     *                     The whole file is read and checked before anything is written, and everything is written in one
     *                     transaction: a file that cannot be read writes nothing, and is refused with an
     *                     {@link InvalidInputException} naming the line.
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportSummary importList(Path file, String fileName, String user, boolean complete, boolean allOrNothing)
            throws IOException {
        Parsed parsed = GsoListParser.parse(file, fileName, limits.syncMaxRows(), messages);
        if (parsed.provinces().isEmpty() && parsed.rejected().isEmpty()) {
            throw new InvalidInputException("file", messages.get("geography.import.empty"));
        }
        if (allOrNothing && !parsed.rejected().isEmpty()) {
            Counts none = new Counts(0, 0, 0, 0);
            return new ImportSummary(null, none, none, none, parsed.rejected(), false);
        }
        // Staging and change log live in this transaction: a failure leaves nothing half-written.
        long importId = jdbc.sql("insert into geography_import (file_name, imported_by, summary) values (?, ?, '{}') returning id")
                .params(fileName, user).query(Long.class).single();
        stage(parsed);
        // A rejected row's unit is missing from the staging table: it must not be taken for a vanished one.
        boolean deactivate = complete && parsed.rejected().isEmpty();
        Counts provinces = apply(Level.PROVINCE, importId, deactivate);
        Counts districts = apply(Level.DISTRICT, importId, deactivate);
        Counts communes = apply(Level.COMMUNE, importId, deactivate);
        ImportSummary summary = new ImportSummary(importId, provinces, districts, communes, parsed.rejected(), true);
        jdbc.sql("update geography_import set summary = ?::jsonb where id = ?")
                .params(json.writeValueAsString(summary), importId).update();
        return summary;
    }

    private void stage(Parsed parsed) {
        jdbc.sql("""
                create temp table gso_stage (level char(1), code varchar(5), parent varchar(5), name text, name_en text, kind text)
                on commit drop""").update();
        try (BulkCopy copy = new BulkCopy(DataSourceUtils.getConnection(dataSource), "gso_stage",
                List.of("level", "code", "parent", "name", "name_en", "kind"))) {
            for (Collection<Unit> units : List.of(parsed.provinces().values(), parsed.districts().values(), parsed.communes().values())) {
                for (Unit u : units) copy.row(String.valueOf(u.level()), u.code(), u.parent(), u.name(), u.nameEn(), u.kind().name());
            }
            copy.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("The staging table of the GSO list could not be written", e);
        }
        jdbc.sql("create index on gso_stage (level, code)").update();
        jdbc.sql("analyze gso_stage").update();
    }

    private Counts apply(Level level, long importId, boolean complete) {
        String t = level.table;
        String parentSet = level.parent == null ? "" : ", " + level.parent + " = s.parent";
        String parentDiffers = level.parent == null ? "" : " or u." + level.parent + " is distinct from s.parent";
        Map<String, Object> p = Map.of("level", String.valueOf(level.letter), "import", importId, "lvl", t);

        // Log, then apply, changed names (and moves between parents, and reactivations).
        jdbc.sql("""
                insert into geography_change (import_id, level, code, change, old_name, new_name)
                select :import, :lvl, u.code, case when not u.active then 'REACTIVATED' else 'UPDATED' end, u.name, s.name
                from %1$s u join gso_stage s on s.level = :level and s.code = u.code
                where u.name is distinct from s.name or u.name_en is distinct from s.name_en or u.kind <> s.kind
                   or not u.active%2$s"""
                .formatted(t, parentDiffers)).params(p).update();
        int updated = jdbc.sql("""
                update %1$s u set name = s.name, name_en = s.name_en, kind = s.kind, active = true, updated_at = now()%2$s
                from gso_stage s where s.level = :level and s.code = u.code
                  and (u.name is distinct from s.name or u.name_en is distinct from s.name_en or u.kind <> s.kind
                       or not u.active%3$s)""".formatted(t, parentSet, parentDiffers)).params(p).update();

        String parentColumn = level.parent == null ? "" : ", " + level.parent;
        String parentValue = level.parent == null ? "" : ", s.parent";
        int created = jdbc.sql("""
                with added as (
                  insert into %1$s (code, name, name_en, kind%2$s)
                  select s.code, s.name, s.name_en, s.kind%3$s from gso_stage s
                  where s.level = :level and not exists (select 1 from %1$s u where u.code = s.code)
                  returning code, name)
                insert into geography_change (import_id, level, code, change, new_name)
                select :import, :lvl, code, 'CREATED', name from added""".formatted(t, parentColumn, parentValue))
                .params(p).update();

        int deactivated = 0;
        if (complete) {
            deactivated = jdbc.sql("""
                    with gone as (
                      update %1$s u set active = false, updated_at = now()
                      where u.active and not exists (select 1 from gso_stage s where s.level = :level and s.code = u.code)
                      returning code, name)
                    insert into geography_change (import_id, level, code, change, old_name)
                    select :import, :lvl, code, 'DEACTIVATED', name from gone""".formatted(t)).params(p).update();
        }
        int staged = jdbc.sql("select count(*) from gso_stage where level = :level").param("level", String.valueOf(level.letter))
                .query(Integer.class).single();
        return new Counts(created, updated, deactivated, staged - created - updated);
    }
}
