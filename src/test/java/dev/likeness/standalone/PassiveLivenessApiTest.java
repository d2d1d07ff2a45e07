package dev.likeness.standalone;

import dev.likeness.NeedsSharedData;
import dev.likeness.EvalFiles;
import dev.likeness.TestTenants;
import dev.likeness.media.BadImages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@NeedsSharedData
class PassiveLivenessApiTest {

    private String key;

    @org.junit.jupiter.api.BeforeEach
    void tenant() {
        key = TestTenants.create("liveness").apiKey();
    }

    @Test
    void aLiveCameraFrameIsApproved() {
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_LIVE), "image/jpeg")
                .multiPart("save_api_request", "false")
                .post("/v3/passive-liveness/")
                .then().statusCode(200)
                .body("liveness.status", equalTo("Approved"))
                .body("liveness.method", equalTo("PASSIVE"))
                .body("liveness.score", greaterThan(50f))
                .body("liveness.face_quality", notNullValue())
                .body("liveness.face_luminance", notNullValue())
                .body("liveness.user_image.entities[0].bbox", notNullValue());
    }

    @Test
    void aPrintedPhotoAndAScreenAreDeclinedAsAttacks() {
        for (String attack : new String[] {EvalFiles.SILENTFACE_PRINT, EvalFiles.SILENTFACE_SCREEN, EvalFiles.PRINT_A1}) {
            given().header("x-api-key", key)
                    .multiPart("user_image", "a.jpg", EvalFiles.bytes(attack), "image/jpeg")
                    .multiPart("save_api_request", "false")
                    .post("/v3/passive-liveness/")
                    .then().statusCode(200)
                    .body("liveness.status", equalTo("Declined"))
                    .body("liveness.score", lessThanOrEqualTo(30f))
                    .body("liveness.warnings.risk", hasItem(org.hamcrest.Matchers.oneOf("LIVENESS_FACE_ATTACK", "LOW_LIVENESS_SCORE")));
        }
    }

    @Test
    void noFaceIsDeclinedWithNoFaceDetected() {
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", BadImages.noFace(), "image/jpeg")
                .post("/v3/passive-liveness/")
                .then().statusCode(200)
                .body("liveness.status", equalTo("Declined"))
                .body("liveness.score", nullValue())
                .body("liveness.face_quality", nullValue())
                .body("liveness.user_image.entities", empty())
                .body("liveness.warnings.risk", contains("NO_FACE_DETECTED"));
    }

    @Test
    void thresholdIsValidated() {
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_LIVE), "image/jpeg")
                .multiPart("face_liveness_score_decline_threshold", "-1")
                .post("/v3/passive-liveness/")
                .then().statusCode(400)
                .body("face_liveness_score_decline_threshold", equalTo("Ensure this value is greater than or equal to 0."));
    }

    @Test
    void ageEstimationGivesAnAgeAndItsWarnings() {
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_LIVE), "image/jpeg")
                .multiPart("save_api_request", "false")
                .post("/v3/age-estimation/")
                .then().statusCode(200)
                .body("age_estimation.method", equalTo("PASSIVE"))
                .body("age_estimation.age_estimation", greaterThan(10f))
                .body("age_estimation.score", greaterThan(30f));
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_LIVE), "image/jpeg")
                .multiPart("age_estimation_decline_threshold", "99")
                .post("/v3/age-estimation/")
                .then().statusCode(200)
                .body("age_estimation.status", equalTo("Declined"))
                .body("age_estimation.warnings.risk", contains("AGE_BELOW_MINIMUM"));
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", BadImages.noFace(), "image/jpeg")
                .post("/v3/age-estimation/")
                .then().statusCode(200)
                .body("age_estimation.status", equalTo("Declined"))
                .body("age_estimation.age_estimation", nullValue())
                .body("age_estimation.warnings.risk", contains("NO_FACE_DETECTED", "AGE_NOT_DETECTED"));
    }
}
