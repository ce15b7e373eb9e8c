package dev.switchman.core.compliance.cycle.a;

/** Half of a package cycle, on purpose (CoreComplianceTest). */
public class A {
    public dev.switchman.core.compliance.cycle.b.B b;
}
