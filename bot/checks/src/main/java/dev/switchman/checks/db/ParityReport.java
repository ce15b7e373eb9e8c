package dev.switchman.checks.db;

import java.util.List;

/**
 * What a parity comparison of one table found: row counts on each side and the keys (rendered
 * as text, composite parts joined with '|') missing on the new side, extra on the new side and
 * changed, each list capped; the counts are exact.
 *
 * @param queries     SQL statements run on both sides together (a measure of the work)
 * @param oldChecksum the old table's checksum (the sum of its row hashes; comparable only with
 *                    newChecksum of the same comparison), zero when not computed
 */
public record ParityReport(String table, long oldRows, long newRows, long missingCount, long extraCount, long changedCount,
                    List<String> missing, List<String> extra, List<String> changed, int queries,
                    java.math.BigInteger oldChecksum, java.math.BigInteger newChecksum) {

    public boolean identical() {
        return missingCount == 0 && extraCount == 0 && changedCount == 0 && oldRows == newRows;
    }
}
