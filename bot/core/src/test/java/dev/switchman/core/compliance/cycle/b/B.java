package dev.switchman.core.compliance.cycle.b;

/** The other half of a package cycle, on purpose (CoreComplianceTest). */
public class B {
    public dev.switchman.core.compliance.cycle.a.A a;
}
