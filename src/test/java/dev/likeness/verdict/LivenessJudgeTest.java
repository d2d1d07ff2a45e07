package dev.likeness.verdict;

import dev.likeness.face.FaceQuality;
import dev.likeness.risk.Warning;
import dev.likeness.workflow.LivenessSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.likeness.verdict.WarningsAssert.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LivenessJudgeTest {

    /** The workflow defaults: review 70, decline 50, quality 30 / 10, luminance 15–95 (review), extra faces no action. */
    private static final LivenessPolicy WORKFLOW = LivenessPolicy.of(LivenessSettings.defaults());
    private static final FaceQuality GOOD = new FaceQuality(80, 50);

    @Test
    void noFaceSuppressesEveryOtherCheck() {
        assertEquals(List.of("NO_FACE_DETECTED/ERROR"), codes(LivenessJudge.judge(null, GOOD, 0, WORKFLOW, "n")));
        assertEquals(List.of("NO_FACE_DETECTED/ERROR"), codes(LivenessJudge.judge(5.0, GOOD, 0, WORKFLOW, "n")));
        assertEquals(List.of("NO_FACE_DETECTED/ERROR"), codes(LivenessJudge.judge(null, null, 2, WORKFLOW, "n")));
    }

    @Test
    void scoreBandsAreInclusiveOnTheBadSide() {
        assertEquals(List.of("LIVENESS_FACE_ATTACK/ERROR"), codes(LivenessJudge.judge(10.0, GOOD, 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(LivenessJudge.judge(10.01, GOOD, 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(LivenessJudge.judge(50.0, GOOD, 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_LIVENESS_SCORE/WARNING"), codes(LivenessJudge.judge(50.01, GOOD, 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_LIVENESS_SCORE/WARNING"), codes(LivenessJudge.judge(70.0, GOOD, 1, WORKFLOW, null)));
        assertEquals(List.of(), codes(LivenessJudge.judge(70.01, GOOD, 1, WORKFLOW, null)));
    }

    @Test
    void qualityLuminanceAndExtraFacesFollowThePolicy() {
        assertEquals(List.of("LOW_FACE_QUALITY/ERROR"), codes(LivenessJudge.judge(90.0, new FaceQuality(10, 50), 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_FACE_QUALITY/WARNING"), codes(LivenessJudge.judge(90.0, new FaceQuality(30, 50), 1, WORKFLOW, null)));
        assertEquals(List.of("LOW_FACE_LUMINANCE/WARNING"), codes(LivenessJudge.judge(90.0, new FaceQuality(80, 14.9), 1, WORKFLOW, null)));
        assertEquals(List.of(), codes(LivenessJudge.judge(90.0, new FaceQuality(80, 15), 1, WORKFLOW, null)));
        assertEquals(List.of("HIGH_FACE_LUMINANCE/WARNING"), codes(LivenessJudge.judge(90.0, new FaceQuality(80, 95.1), 1, WORKFLOW, null)));
        assertEquals(List.of("MULTIPLE_FACES_DETECTED/INFORMATION"), codes(LivenessJudge.judge(90.0, GOOD, 2, WORKFLOW, null)));
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR", "LOW_FACE_QUALITY/ERROR", "MULTIPLE_FACES_DETECTED/INFORMATION"),
                codes(LivenessJudge.judge(20.0, new FaceQuality(5, 50), 3, WORKFLOW, null)));
    }

    @Test
    void withoutQualityOnlyTheScoreAndFacesCount() {
        assertEquals(List.of(), codes(LivenessJudge.judge(90.0, null, 1, WORKFLOW, null)));
    }

    @Test
    void standalonePolicyHasOneThresholdAndOnlyInforms() {
        LivenessPolicy standalone = LivenessPolicy.standalone(30);
        assertEquals(List.of("LOW_LIVENESS_SCORE/ERROR"), codes(LivenessJudge.judge(30.0, GOOD, 1, standalone, null)));
        assertEquals(List.of(), codes(LivenessJudge.judge(30.01, GOOD, 1, standalone, null)));
        assertEquals(List.of("LOW_FACE_QUALITY/WARNING", "MULTIPLE_FACES_DETECTED/WARNING"),
                codes(LivenessJudge.judge(90.0, new FaceQuality(20, 50), 2, standalone, null)));
        // a decline threshold under the attack level lowers the attack level with it
        assertEquals(5.0, LivenessPolicy.standalone(5).attackThreshold());
        assertEquals(List.of("LIVENESS_FACE_ATTACK/ERROR"), codes(LivenessJudge.judge(5.0, GOOD, 1, LivenessPolicy.standalone(5), null)));
    }

    @Test
    void warningsCarryTheNodeOnlyInWorkflows() {
        Warning inWorkflow = LivenessJudge.judge(20.0, GOOD, 1, WORKFLOW, "feature_liveness").get(0);
        assertEquals("feature_liveness", inWorkflow.nodeId());
        assertEquals("LIVENESS", inWorkflow.feature());
        assertNull(LivenessJudge.judge(20.0, GOOD, 1, LivenessPolicy.standalone(30), null).get(0).nodeId());
    }
}
