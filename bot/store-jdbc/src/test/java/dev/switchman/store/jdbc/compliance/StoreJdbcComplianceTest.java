package dev.switchman.store.jdbc.compliance;

import dev.switchman.core.compliance.ModuleCompliance;


/** The house rules in this module: no wall-clock reads or sleeps in main code, no package cycles. */
class StoreJdbcComplianceTest extends ModuleCompliance {

    StoreJdbcComplianceTest() {
        super("dev.switchman.store.jdbc");
    }
}
