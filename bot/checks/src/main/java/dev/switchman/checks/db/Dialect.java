package dev.switchman.checks.db;

import dev.switchman.checks.connection.Jdbc.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * The SQL each engine runs so that both sides of a parity check compute the same text, and so the
 * same hashes, for the same logical row: integers and decimals as plain digits (trailing fraction
 * zeros dropped, so numeric(10,2) 12.50 equals decimal(12,4) 12.5000), booleans as 1/0, timestamps
 * as microseconds since 1970 in UTC (so a lost fraction shows as a change), NULL as a
 * marker distinct from the empty string, each value prefixed with its length (no separator
 * ambiguity). Hashes are MD5 prefixes read as unsigned integers: 60 bits per row (summed per range),
 * 32 bits for the partition of keys that are not integers; two PostgreSQL sides use the engine's
 * own 64-bit {@code hashtextextended} instead, about three times cheaper than MD5 there.
 */
enum Dialect {
    POSTGRESQL {
        @Override
        String text(String col, int sqlType) {
            return switch (category(sqlType)) {
                case INTEGER -> col + "::text";
                case DECIMAL -> sqlType == Types.NUMERIC || sqlType == Types.DECIMAL ? "trim_scale(" + col + ")::text" : trimZeros(col + "::text");
                case BOOLEAN -> "(CASE WHEN " + col + " THEN '1' ELSE '0' END)";
                case TIMESTAMP -> "(extract(epoch from " + col + ") * 1000000)::bigint::text";
                case DATE -> "to_char(" + col + ", 'YYYY-MM-DD')";
                case TEXT -> col + "::text";
            };
        }

        @Override
        String field(String text, boolean free) {
            return free ? "coalesce(char_length(" + text + ")::text || ':' || " + text + ", '\\N')" : "coalesce(" + text + ", '\\N')";
        }

        @Override
        String concat(List<String> parts) {
            return "(" + String.join(" || '|' || ", parts) + ")";
        }

        @Override
        String hash60(String text) {
            return "('x' || left(md5(" + text + "), 15))::bit(60)::bigint";
        }

        @Override
        String nativeHash(String text) {
            return "hashtextextended(" + text + ", 0)";
        }

        @Override
        String hash32(String text) {
            return "('x' || lpad(substr(md5(" + text + "), 1, 8), 16, '0'))::bit(64)::bigint";
        }

        @Override
        String bucket(String p, long lo, long width) {
            return "((" + p + ") - (" + lo + ")) / " + width;
        }

        @Override
        void prepare(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
            c.setAutoCommit(false); // cursors stream with a fetch size only inside a transaction
        }
    },
    MARIADB {
        @Override
        String text(String col, int sqlType) {
            return switch (category(sqlType)) {
                case INTEGER -> "CAST(" + col + " AS CHAR)";
                case DECIMAL -> trimZeros("CAST(" + col + " AS CHAR)");
                case BOOLEAN -> "(CASE WHEN " + col + " THEN '1' ELSE '0' END)";
                case TIMESTAMP -> "CAST(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', " + col + ") AS CHAR)";
                case DATE -> "DATE_FORMAT(" + col + ", '%Y-%m-%d')";
                case TEXT -> "CAST(" + col + " AS CHAR)";
            };
        }

        @Override
        String field(String text, boolean free) {
            return free ? "COALESCE(CONCAT(CHAR_LENGTH(" + text + "), ':', " + text + "), '\\\\N')" : "COALESCE(" + text + ", '\\\\N')";
        }

        @Override
        String concat(List<String> parts) {
            return "CONCAT_WS('|', " + String.join(", ", parts) + ")";
        }

        @Override
        String hash60(String text) {
            return "CAST(CONV(SUBSTRING(MD5(" + text + "), 1, 15), 16, 10) AS UNSIGNED)";
        }

        @Override
        String hash32(String text) {
            return "CAST(CONV(SUBSTRING(MD5(" + text + "), 1, 8), 16, 10) AS UNSIGNED)";
        }

        @Override
        String nativeHash(String text) {
            return hash60(text);
        }

        @Override
        String bucket(String p, long lo, long width) {
            return "(CAST(" + p + " AS SIGNED) - (" + lo + ")) DIV " + width;
        }

        @Override
        void prepare(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
            }
        }
    };

    enum Category { INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, DATE, TEXT }

    static Dialect of(Engine engine) {
        return engine == Engine.POSTGRESQL ? POSTGRESQL : MARIADB;
    }

    static Category category(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Category.INTEGER;
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> Category.DECIMAL;
            case Types.BIT, Types.BOOLEAN -> Category.BOOLEAN;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Category.TIMESTAMP;
            case Types.DATE -> Category.DATE;
            default -> Category.TEXT;
        };
    }

    private static String trimZeros(String t) {
        return "(CASE WHEN " + t + " LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + t + ")) ELSE " + t + " END)";
    }

    /** The column's value as normalized text (NULL stays NULL). */
    abstract String text(String col, int sqlType);

    /**
     * A value for the row text: free text ({@code free}) as {@code length:text} (so no separator
     * inside a value can shift fields), numbers, booleans and timestamps as they are (they never
     * hold the separator); NULL as the marker {@code \N}, which no encoded value equals.
     */
    abstract String field(String text, boolean free);

    /** A fast 64-bit hash of this engine, used when both sides are this engine (PostgreSQL: hashtextextended). */
    abstract String nativeHash(String text);

    /** Parts joined with '|'. */
    abstract String concat(List<String> parts);

    /** 60 bits of MD5 of the text as a non-negative integer. */
    abstract String hash60(String text);

    /** 32 bits of MD5 of the text as a non-negative integer. */
    abstract String hash32(String text);

    /** The zero-based bucket of partition value {@code p} among buckets of {@code width} from {@code lo}. */
    abstract String bucket(String p, long lo, long width);

    /** Session settings: UTC for timestamps; PostgreSQL streams only inside a transaction. */
    abstract void prepare(Connection c) throws SQLException;
}
