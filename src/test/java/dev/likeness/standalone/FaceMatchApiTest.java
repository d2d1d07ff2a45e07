package dev.likeness.standalone;

import dev.likeness.NeedsSharedData;
import dev.likeness.EvalFiles;
import dev.likeness.TestTenants;
import dev.likeness.media.BadImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@NeedsSharedData
class FaceMatchApiTest {

    private static RequestSpecification call(TestTenants.Tenant tenant) {
        return given().header("x-api-key", tenant.apiKey()).multiPart("save_api_request", "false");
    }

    @Test
    void samePersonIsApprovedWithTheReferenceShape() {
        TestTenants.Tenant tenant = TestTenants.create("fm-same");
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_1), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .multiPart("vendor_data", "user-123")
                .multiPart("metadata", "{\"flow\": \"login\"}")
                .post("/v3/face-match/")
                .then().statusCode(200)
                .body("request_id", notNullValue())
                .body("face_match.status", equalTo("Approved"))
                .body("face_match.score", greaterThan(80f))
                .body("face_match.warnings", empty())
                .body("face_match.user_image.best_angle", equalTo(0))
                .body("face_match.user_image.entities", hasSize(1))
                .body("face_match.user_image.entities[0].bbox", hasSize(4))
                .body("face_match.user_image.entities[0].gender", equalTo("male"))
                .body("face_match.user_image.entities[0].age", greaterThan(20f))
                .body("face_match.user_image.entities[0].race", nullValue())
                .body("face_match.ref_image.entities", hasSize(1))
                .body("vendor_data", equalTo("user-123"))
                .body("metadata.flow", equalTo("login"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));
    }

    /** Powell vs Clapton scored 39.9 under face-match-v2's first calibration and was Approved at Didit's default 30. */
    @Test
    void differentPeopleAreDeclinedWithLowSimilarity() {
        TestTenants.Tenant tenant = TestTenants.create("fm-different");
        for (String other : new String[] {EvalFiles.CLAPTON_1, EvalFiles.PERRY_1}) {
            call(tenant)
                    .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_1), "image/jpeg")
                    .multiPart("ref_image", "b.jpg", EvalFiles.bytes(other), "image/jpeg")
                    .post("/v3/face-match/")
                    .then().statusCode(200)
                    .body("face_match.status", equalTo("Declined"))
                    .body("face_match.score", lessThanOrEqualTo(30f))
                    .body("face_match.warnings.risk", contains("LOW_FACE_MATCH_SIMILARITY"))
                    .body("face_match.warnings[0].feature", equalTo("FACEMATCH"))
                    .body("face_match.warnings[0].log_type", equalTo("error"))
                    .body("face_match.warnings[0].short_description", notNullValue())
                    .body("face_match.warnings[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("node_id")));
        }
    }

    @Test
    void theThresholdDecides() {
        call(TestTenants.create("fm-threshold"))
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_1), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .multiPart("face_match_score_decline_threshold", "100")
                .post("/v3/face-match/")
                .then().statusCode(200)
                .body("face_match.status", equalTo("Declined"))
                .body("face_match.warnings.risk", contains("LOW_FACE_MATCH_SIMILARITY"));
    }

    @Test
    void noFaceIsANormalAnswerWithNoReferenceImage() {
        TestTenants.Tenant tenant = TestTenants.create("fm-noface");
        call(tenant)
                .multiPart("user_image", "a.jpg", BadImages.noFace(), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .post("/v3/face-match/")
                .then().statusCode(200)
                .body("face_match.status", equalTo("Declined"))
                .body("face_match.score", equalTo(0f))
                .body("face_match.user_image.entities", empty())
                .body("face_match.warnings.risk", contains("NO_REFERENCE_IMAGE"));
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", BadImages.noFace(), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .post("/v3/face-match/")
                .then().statusCode(200)
                .body("face_match.score", nullValue());
    }

    @Test
    void rotatedPhotosAreFoundWithRotateImage() throws Exception {
        java.awt.image.BufferedImage upright = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                EvalFiles.bytes(EvalFiles.POWELL_1)));
        java.awt.image.BufferedImage turned = new java.awt.image.BufferedImage(upright.getHeight(), upright.getWidth(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                turned.setRGB(y, upright.getWidth() - 1 - x, upright.getRGB(x, y)); // 90° anticlockwise
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(turned, "png", out);
        call(TestTenants.create("fm-rotate"))
                .multiPart("user_image", "a.png", out.toByteArray(), "image/png")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .multiPart("rotate_image", "true")
                .post("/v3/face-match/")
                .then().statusCode(200)
                .body("face_match.status", equalTo("Approved"))
                .body("face_match.user_image.best_angle", equalTo(90))
                .body("face_match.ref_image.best_angle", equalTo(0));
    }

    @Test
    void badInputsAreRefusedByField() {
        TestTenants.Tenant tenant = TestTenants.create("fm-bad");
        byte[] good = EvalFiles.bytes(EvalFiles.POWELL_2);
        given().header("x-api-key", tenant.apiKey())
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("user_image", equalTo("No file was submitted."));
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", new byte[0], "image/jpeg")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("user_image", notNullValue());
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.txt", "hello, not an image".getBytes(), "text/plain")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("user_image", notNullValue());
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", BadImages.truncated(good), "image/jpeg")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("user_image", notNullValue());
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", good, "image/jpeg")
                .multiPart("ref_image", "b.jpg", BadImages.oversized(), "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("ref_image", equalTo("The image must be 5 MB or smaller."));
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.png", BadImages.decompressionBomb(), "image/png")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .post("/v3/face-match/").then().statusCode(400).body("user_image", notNullValue());
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", good, "image/jpeg")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .multiPart("face_match_score_decline_threshold", "101")
                .post("/v3/face-match/").then().statusCode(400)
                .body("face_match_score_decline_threshold", equalTo("Ensure this value is less than or equal to 100."));
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", good, "image/jpeg")
                .multiPart("ref_image", "b.jpg", good, "image/jpeg")
                .multiPart("face_match_score_decline_threshold", "abc")
                .multiPart("rotate_image", "maybe")
                .post("/v3/face-match/").then().statusCode(400)
                .body("face_match_score_decline_threshold", equalTo("A valid number is required."))
                .body("rotate_image", equalTo("Must be a valid boolean."));
        // Nothing of the refused calls was stored.
        given().header("x-api-key", tenant.apiKey()).get("/v3/sessions/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void savedRequestsBecomeApiSessionsWithADecision() {
        TestTenants.Tenant tenant = TestTenants.create("fm-saved");
        String requestId = given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_1), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .multiPart("vendor_data", "saved-user")
                .post("/v3/face-match/")
                .then().statusCode(200).extract().path("request_id");
        given().header("x-api-key", tenant.apiKey()).get("/v3/session/" + requestId + "/decision/")
                .then().statusCode(200)
                .body("session_id", equalTo(requestId))
                .body("status", equalTo("Approved"))
                .body("vendor_data", equalTo("saved-user"))
                .body("features", contains("FACE_MATCH"))
                .body("face_matches", hasSize(1))
                .body("face_matches[0].status", equalTo("Approved"))
                .body("face_matches[0].source_image", notNullValue())
                .body("face_matches[0].target_image", notNullValue())
                .body("liveness_checks", nullValue());
        given().header("x-api-key", TestTenants.create("fm-other").apiKey())
                .get("/v3/session/" + requestId + "/decision/").then().statusCode(404);
    }

    @Test
    void aHugePhotoIsAnalysedSubsampledWithBoxesInItsOwnPixels() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("fm-huge");
        byte[] original = EvalFiles.bytes(EvalFiles.POWELL_1);
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(original));
        // Blown up past the 16 MP analysis budget (the whole-factor subsampling is then 2 or more).
        double k = Math.sqrt(20_000_000.0 / (small.getWidth() * (double) small.getHeight()));
        int w = (int) Math.round(small.getWidth() * k);
        int h = (int) Math.round(small.getHeight() * k);
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = big.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, w, h, null);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "jpg", jpeg);

        var plain = call(tenant).multiPart("user_image", "a.jpg", original, "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .post("/v3/face-match/").then().statusCode(200).extract().jsonPath();
        var huge = call(tenant).multiPart("user_image", "a.jpg", jpeg.toByteArray(), "image/jpeg")
                .multiPart("ref_image", "b.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .post("/v3/face-match/").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("Approved", huge.getString("face_match.status"));
        java.util.List<Integer> box = plain.getList("face_match.user_image.entities[0].bbox");
        java.util.List<Integer> bigBox = huge.getList("face_match.user_image.entities[0].bbox");
        double faceWidth = (box.get(2) - box.get(0)) * k;
        for (int i = 0; i < 4; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(box.get(i) * k, bigBox.get(i), 0.1 * faceWidth, "bbox[" + i + "]");
        }
    }
}
