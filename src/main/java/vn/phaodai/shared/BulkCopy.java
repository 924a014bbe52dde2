package vn.phaodai.shared;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams rows into a table with PostgreSQL COPY (text format): tens of thousands of rows a second,
 * where INSERTs manage a few thousand. Rows are buffered and sent in large chunks.
 */
public final class BulkCopy implements AutoCloseable {

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private long rows;

    public BulkCopy(Connection connection, String table, List<String> columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.copy = pg.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
    }

    /**
     * Appends one row; null values become SQL NULL. A text holding a NUL character, which PostgreSQL cannot
     * store and which would fail the whole COPY, is refused before anything of the row is buffered: the caller
     * refuses that row (importers check their cells before, naming the field).
     */
    public void row(Object... values) throws SQLException {
        for (Object v : values) {
            if (v instanceof CharSequence text && text.toString().indexOf('\0') >= 0) {
                throw new IllegalArgumentException(SharedTexts.get("shared.copy.nul"));
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) buffer.append('\t');
            Object v = values[i];
            if (v == null) {
                buffer.append("\\N");
            } else {
                escape(v.toString());
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() > (1 << 20) - 4096) flush();
    }

    public long rows() {
        return rows;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left and ends the COPY; returns the rows written. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) copy.cancelCopy();
    }
}
