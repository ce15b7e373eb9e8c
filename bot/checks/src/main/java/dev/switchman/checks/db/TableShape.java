package dev.switchman.checks.db;

import dev.switchman.checks.connection.Jdbc.Engine;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's columns (name to {@link java.sql.Types} code, in table order) and primary key, read from
 * JDBC metadata. Unqualified names are looked up in the connection's current schema (PostgreSQL)
 * or database (MariaDB); PostgreSQL names are folded to lower case as unquoted SQL does.
 */
record TableShape(String table, Map<String, Integer> columns, List<String> key) {

    static TableShape read(Connection c, Engine engine, String table) throws SQLException {
        String schema = null;
        String name = table;
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            name = table.substring(dot + 1);
        }
        if (engine == Engine.POSTGRESQL) {
            schema = schema == null ? c.getSchema() : schema.toLowerCase(Locale.ROOT);
            name = name.toLowerCase(Locale.ROOT);
        }
        String catalog = engine == Engine.MARIADB ? (schema == null ? c.getCatalog() : schema) : null;
        String pgSchema = engine == Engine.POSTGRESQL ? schema : null;
        DatabaseMetaData md = c.getMetaData();
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, pgSchema, name, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("table " + table + " not found");
        }
        Map<Short, String> keyBySeq = new java.util.TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, pgSchema, name)) {
            while (rs.next()) {
                keyBySeq.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new TableShape(table, columns, new ArrayList<>(keyBySeq.values()));
    }
}
