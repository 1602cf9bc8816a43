package org.vigie.core;

/** How serious a finding is. A report is accepted when it holds no {@link #ERROR}. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
