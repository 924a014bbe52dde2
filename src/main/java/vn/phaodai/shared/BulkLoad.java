package vn.phaodai.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For an initial load into a nearly empty table: drops its secondary indexes and foreign keys inside the
 * caller's transaction and puts them back afterwards, as PostgreSQL's "Populating a database" advises.
 * One index build and one validating join are many times faster than a million index insertions and
 * foreign-key lookups. The definitions are read from the catalogue, so the schema stays in the migrations.
 * The table is locked exclusively until the transaction ends.
 */
public final class BulkLoad {

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private BulkLoad() {
    }

    public static <T> T withoutIndexesAndForeignKeys(Connection c, String table, Work<T> work) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select conname, pg_get_constraintdef(oid) from pg_constraint
                    where conrelid = '%1$s'::regclass and contype = 'f' order by conname""".formatted(table))) {
                while (rs.next()) {
                    drop.add("alter table " + table + " drop constraint " + rs.getString(1));
                    restore.add("alter table " + table + " add constraint " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid
                    where x.indrelid = '%1$s'::regclass and not x.indisprimary
                      and not exists (select 1 from pg_constraint k where k.conindid = i.oid)
                    order by i.relname""".formatted(table))) {
                while (rs.next()) {
                    drop.add("drop index " + rs.getString(1));
                    restore.add(rs.getString(2));
                }
            }
            for (String sql : drop) s.execute(sql);
            T result = work.run();
            for (String sql : restore) s.execute(sql);
            return result;
        }
    }
}
