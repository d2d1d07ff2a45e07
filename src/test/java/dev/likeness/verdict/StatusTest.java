package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusTest {

    private static final Warning ERROR = Warning.of(Risk.LOW_LIVENESS_SCORE, LogType.ERROR, "n");
    private static final Warning REVIEW = Warning.of(Risk.LOW_FACE_QUALITY, LogType.WARNING, "n");
    private static final Warning INFO = Warning.of(Risk.MULTIPLE_FACES_DETECTED, LogType.INFORMATION, "n");

    @Test
    void workflowItemsDeclineOnErrorsAndReviewOnWarnings() {
        assertEquals(Status.APPROVED, Status.ofWarnings(List.of(INFO)));
        assertEquals(Status.IN_REVIEW, Status.ofWarnings(List.of(INFO, REVIEW)));
        assertEquals(Status.DECLINED, Status.ofWarnings(List.of(REVIEW, ERROR)));
    }

    @Test
    void standaloneAnswersKnowOnlyApprovedAndDeclined() {
        assertEquals(Status.APPROVED, Status.standalone(List.of(REVIEW, INFO)));
        assertEquals(Status.DECLINED, Status.standalone(List.of(ERROR)));
    }

    @Test
    void theMostSevereWins() {
        assertEquals(Status.DECLINED, Status.merge(Status.IN_REVIEW, Status.DECLINED));
        assertEquals(Status.IN_REVIEW, Status.merge(Status.APPROVED, Status.IN_REVIEW));
        assertEquals(Status.APPROVED, Status.merge(Status.APPROVED, Status.APPROVED));
    }

    @Test
    void theWireTextIsDiditsDisplayText() {
        assertEquals("In Review", Status.IN_REVIEW.wire());
        assertEquals(Status.RESUB_REQUESTED, Status.ofWire("Resub Requested").orElseThrow());
        assertEquals(java.util.Optional.empty(), Status.ofWire("in review"));
    }
}
