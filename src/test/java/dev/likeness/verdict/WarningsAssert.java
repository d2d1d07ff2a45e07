package dev.likeness.verdict;

import dev.likeness.risk.Warning;

import java.util.List;

/** Warnings reduced to "RISK/LOG_TYPE" strings, so a test states the whole expected list in one line. */
final class WarningsAssert {

    private WarningsAssert() {
    }

    static List<String> codes(List<Warning> warnings) {
        return warnings.stream().map(w -> w.risk() + "/" + w.logType()).toList();
    }
}
