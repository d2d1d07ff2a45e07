package dev.likeness.verdict;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.likeness.verdict.WarningsAssert.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FaceMatchJudgeTest {

    @Test
    void standaloneWithoutAPairHasNoReference() {
        assertEquals(List.of("NO_REFERENCE_IMAGE/ERROR"), codes(FaceMatchJudge.judge(null, 30, 30, null)));
    }

    @Test
    void scoresAreJudgedInclusivelyOnTheBadSide() {
        assertEquals(List.of("LOW_FACE_MATCH_SIMILARITY/ERROR"), codes(FaceMatchJudge.judge(30.0, 70, 30, null)));
        assertEquals(List.of("LOW_FACE_MATCH_SIMILARITY/WARNING"), codes(FaceMatchJudge.judge(30.01, 70, 30, null)));
        assertEquals(List.of("LOW_FACE_MATCH_SIMILARITY/WARNING"), codes(FaceMatchJudge.judge(70.0, 70, 30, null)));
        assertEquals(List.of(), codes(FaceMatchJudge.judge(70.01, 70, 30, null)));
    }

    @Test
    void inASessionAMissingReferenceAndAMissingScoreDiffer() {
        assertEquals(List.of("NO_REFERENCE_IMAGE/ERROR"), codes(FaceMatchJudge.judge(90.0, false, 70, 30, "REVIEW", "n")));
        assertEquals(List.of("FACE_MATCH_NOT_COMPUTED/ERROR"), codes(FaceMatchJudge.judge(null, true, 70, 30, "DECLINE", "n")));
        assertEquals(List.of("FACE_MATCH_NOT_COMPUTED/WARNING"), codes(FaceMatchJudge.judge(null, true, 70, 30, "REVIEW", "n")));
        assertEquals(List.of("LOW_FACE_MATCH_SIMILARITY/WARNING"), codes(FaceMatchJudge.judge(50.0, true, 70, 30, "REVIEW", "n")));
        assertEquals("n", FaceMatchJudge.judge(50.0, true, 70, 30, "REVIEW", "n").get(0).nodeId());
    }
}
