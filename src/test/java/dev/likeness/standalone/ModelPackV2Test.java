package dev.likeness.standalone;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * An operator who chose the v2 pack (public-domain dlib weights) and installed no anti-spoofing
 * weights of their own: matching still works on v2's calibration, and passive liveness still
 * declines a printed photo with the model the build fetched.
 */
@QuarkusTest
@NeedsSharedData
@TestProfile(ModelPackV2Test.V2WithoutOperatorWeights.class)
class ModelPackV2Test {

    public static final class V2WithoutOperatorWeights implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("likeness.face.model-pack", "v2",
                    "likeness.liveness.weights-dir", "target/no-operator-weights");
        }
    }

    @Test
    void v2MatchesTheSamePersonAndDeclinesOthers() {
        TestTenants.Tenant tenant = TestTenants.create("v2-pack");
        match(tenant, EvalFiles.POWELL_2).body("face_match.status", equalTo("Approved"))
                .body("face_match.score", greaterThan(30f));
        match(tenant, EvalFiles.PERRY_1).body("face_match.status", equalTo("Declined"))
                .body("face_match.score", lessThanOrEqualTo(30f));
    }

    private static ValidatableResponse match(TestTenants.Tenant tenant, String reference) {
        return given().header("x-api-key", tenant.apiKey()).multiPart("save_api_request", "false")
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_1), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(reference), "image/jpeg")
                .post("/v3/face-match/")
                .then().statusCode(200);
    }

    @Test
    void aPrintAttackIsDeclinedWithoutOperatorInstalledWeights() {
        TestTenants.Tenant tenant = TestTenants.create("v2-print");
        given().header("x-api-key", tenant.apiKey()).multiPart("save_api_request", "false")
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_PRINT), "image/jpeg")
                .post("/v3/passive-liveness/")
                .then().statusCode(200)
                .body("liveness.status", equalTo("Declined"))
                .body("liveness.score", lessThanOrEqualTo(30f));
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.face_models", containsString("v2"))
                .body("checks.find { it.name == 'models' }.data.passive_liveness", equalTo("fr-liveness: loaded"));
    }
}
