package dev.switchman.core.runbook;

/** The six kinds of step; the YAML key that introduces each is given by {@link #key()}. */
public enum StepKind {
    MANUAL("do"), VERIFY("verify"), WAIT("wait"), GATE("gate"), APPROVAL("approval"), NOTIFY("notify");

    private final String key;

    StepKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
