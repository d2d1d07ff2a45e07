package dev.likeness.verdict;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.likeness.verdict.WarningsAssert.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AgeEstimationJudgeTest {

    @Test
    void anAdultLiveFaceHasNoWarning() {
        List<String> none = List.of();
        assertEquals(none, codes(AgeEstimationJudge.judge(90.0, 1, 30.5, 30, 18)));
        assertEquals(Status.APPROVED, AgeEstimationJudge.status(List.of()));
    }

    @Test
    void theMinimumIsInclusiveAndZeroSwitchesItOff() {
        assertEquals(List.of(), codes(AgeEstimationJudge.age(18.0, 18)));
        assertEquals(List.of("AGE_BELOW_MINIMUM/ERROR"), codes(AgeEstimationJudge.age(17.99, 18)));
        assertEquals(List.of(), codes(AgeEstimationJudge.age(3.0, 0)));
        assertEquals(List.of("AGE_NOT_DETECTED/ERROR"), codes(AgeEstimationJudge.age(null, 0)));
    }

    @Test
    void livenessChecksThatOnlyInformAreLeftOut() {
        assertEquals(List.of(), codes(AgeEstimationJudge.judge(90.0, 3, 40.0, 30, 18)));
    }

    @Test
    void livenessAndAgeWarningsAddUpAndAnyOneDeclines() {
        List<String> both = codes(AgeEstimationJudge.judge(20.0, 1, 12.0, 30, 18));
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR", "AGE_BELOW_MINIMUM/ERROR"), both);
        assertEquals(List.of("LIVENESS_FACE_ATTACK/ERROR", "AGE_BELOW_MINIMUM/ERROR"),
                codes(AgeEstimationJudge.judge(4.0, 1, 12.0, 30, 18)));
        assertEquals(List.of("NO_FACE_DETECTED/ERROR", "AGE_NOT_DETECTED/ERROR"),
                codes(AgeEstimationJudge.judge(null, 0, null, 30, 18)));
        assertEquals(Status.DECLINED, AgeEstimationJudge.status(AgeEstimationJudge.judge(20.0, 1, 40.0, 30, 18)));
    }
}
