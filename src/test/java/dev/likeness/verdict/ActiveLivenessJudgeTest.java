package dev.likeness.verdict;

import dev.likeness.workflow.LivenessSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.likeness.verdict.WarningsAssert.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ActiveLivenessJudgeTest {

    private static final LivenessPolicy WORKFLOW = LivenessPolicy.of(LivenessSettings.defaults());
    private static final ActiveEvidence DONE = new ActiveEvidence(true, false, true);
    private static final ActiveEvidence NOT_DONE = new ActiveEvidence(true, false, false);

    @Test
    void noFaceDecidesAloneEvenOverAnAttack() {
        assertEquals(List.of("NO_FACE_DETECTED/ERROR"),
                codes(ActiveLivenessJudge.judge(new ActiveEvidence(false, true, true), null, WORKFLOW, "n")));
    }

    @Test
    void anAttackDecidesAloneWhateverTheScore() {
        assertEquals(List.of("LIVENESS_FACE_ATTACK/ERROR"),
                codes(ActiveLivenessJudge.judge(new ActiveEvidence(true, true, true), 99.0, WORKFLOW, "n")));
    }

    @Test
    void movesDoneAreJudgedByTheThresholdsLikeAPassiveSelfie() {
        assertEquals(List.of(), codes(ActiveLivenessJudge.judge(DONE, 80.0, WORKFLOW, "n")));
        assertEquals(List.of("LOW_LIVENESS_SCORE/WARNING"), codes(ActiveLivenessJudge.judge(DONE, 60.0, WORKFLOW, "n")));
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(ActiveLivenessJudge.judge(DONE, 50.0, WORKFLOW, "n")));
        assertEquals(List.of("LIVENESS_FACE_ATTACK/ERROR"), codes(ActiveLivenessJudge.judge(DONE, 8.0, WORKFLOW, "n")));
    }

    @Test
    void movesNotDoneAlwaysDeclineOnce() {
        // thresholds low enough to pass the score: the moves still decline
        LivenessPolicy lenient = LivenessPolicy.standalone(0);
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(ActiveLivenessJudge.judge(NOT_DONE, 35.0, lenient, "n")));
        assertEquals(List.of("LOW_LIVENESS_SCORE/WARNING", "LOW_LIVENESS_SCORE/ERROR"),
                codes(ActiveLivenessJudge.judge(NOT_DONE, 60.0, WORKFLOW, "n")));
        // already declined by the score: no second error
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(ActiveLivenessJudge.judge(NOT_DONE, 35.0, WORKFLOW, "n")));
    }
}
