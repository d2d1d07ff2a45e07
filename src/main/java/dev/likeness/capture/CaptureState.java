package dev.likeness.capture;

import dev.likeness.session.AttemptRecorder;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;

import java.util.List;
import java.util.UUID;

/**
 * What the capture page needs to know after every call: where the session stands, which step
 * comes next and how many attempts remain. Scores are not shown to the end user.
 *
 * @param nextStep {@code start}, {@code document}, {@code selfie}, {@code challenge} (active liveness) or {@code done}
 * @param lastAttempt the outcome of the call just made, or null for a plain read
 */
public record CaptureState(UUID sessionId, Status status, String workflowType, String language,
                           LivenessMethod livenessMethod, List<Step> steps, String nextStep, LastAttempt lastAttempt,
                           String callback, String callbackMethod) {

    /** One capture step and its attempts. */
    public record Step(String step, String state, int attemptsUsed, int attemptsAllowed) {
    }

    /**
     * @param outcome {@code accepted} (step done), {@code retry} (capture again), {@code final} (step
     *     done without passing; the session is being decided)
     * @param reasons the risk codes behind a retry or failure, for the page's guidance
     */
    public record LastAttempt(String step, String outcome, List<String> reasons, int attemptsRemaining) {

        static LastAttempt of(String step, AttemptRecorder.Result result) {
            return new LastAttempt(step, result.outcome(), result.reasons(), result.attemptsRemaining());
        }
    }
}
