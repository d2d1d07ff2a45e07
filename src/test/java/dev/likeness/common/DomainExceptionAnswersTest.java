package dev.likeness.common;

import dev.likeness.liveness.LivenessModelUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The face and liveness code throws its own exceptions; their HTTP answers are fixed here. */
class DomainExceptionAnswersTest {

    @Test
    void anUnavailableLivenessModelIsA503NamingIt() {
        Response answer = new ApiExceptionMappers().livenessModelUnavailable(new LivenessModelUnavailableException());
        assertEquals(503, answer.getStatus());
        assertEquals(new ApiError("Passive liveness is not available: the anti-spoofing model is not installed.",
                "liveness_model_unavailable"), answer.getEntity());
        assertNull(answer.getHeaderString("Retry-After"));
    }
}
