package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.ArrayList;
import java.util.List;

/**
 * The age-estimation answer: passive liveness and the age rule, where any warning declines. The
 * liveness checks that only inform elsewhere (quality, light, extra faces) are therefore left out.
 */
public final class AgeEstimationJudge {

    private AgeEstimationJudge() {
    }

    /**
     * @param livenessScore 0–100, or null when no face was found
     * @param faces how many faces the image held
     * @param age the subject's estimated age as answered, or null when none was estimated
     * @param livenessDeclineThreshold scores at or below it decline
     * @param minimumAge ages below it decline; 0 switches the rule off
     */
    public static List<Warning> judge(Double livenessScore, int faces, Double age, double livenessDeclineThreshold,
                                      int minimumAge) {
        List<Warning> warnings = new ArrayList<>(LivenessJudge.judge(livenessScore, null, faces,
                LivenessPolicy.standalone(livenessDeclineThreshold), null).stream()
                .filter(w -> !Risk.MULTIPLE_FACES_DETECTED.name().equals(w.risk())).toList());
        warnings.addAll(age(age, minimumAge));
        return warnings;
    }

    /** The age rule alone: no age, or one below a minimum that is switched on, declines. */
    public static List<Warning> age(Double age, int minimumAge) {
        if (age == null) {
            return List.of(Warning.standalone(Risk.AGE_NOT_DETECTED, LogType.ERROR));
        }
        if (minimumAge > 0 && age < minimumAge) {
            return List.of(Warning.standalone(Risk.AGE_BELOW_MINIMUM, LogType.ERROR));
        }
        return List.of();
    }

    /** Approved only without any warning of {@link #judge}. */
    public static Status status(List<Warning> warnings) {
        return warnings.isEmpty() ? Status.APPROVED : Status.DECLINED;
    }
}
