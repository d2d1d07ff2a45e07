package dev.likeness.capture;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.TestTenants;
import dev.likeness.media.BadImages;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.awt.Color;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A blank upload is refused on its field before any analysis, and spends no capture attempt. */
@QuarkusTest
class BlankImageTest {

    private static final byte[] BLANK = BadImages.blank(4000, 3000, new Color(128, 128, 128));

    @Test
    void standaloneApisRefuseABlankImageOnItsField() {
        TestTenants.Tenant tenant = TestTenants.create("blank-standalone");
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", BLANK, "image/jpeg")
                .multiPart("ref_image", "b.jpg", BadImages.noFace(), "image/jpeg")
                .post("/v3/face-match/")
                .then().statusCode(400)
                .body("user_image", startsWith("The image is blank"));
        given().header("x-api-key", tenant.apiKey())
                .multiPart("user_image", "a.jpg", BLANK, "image/jpeg")
                .post("/v3/passive-liveness/")
                .then().statusCode(400)
                .body("user_image", startsWith("The image is blank"));
    }

    @Test
    @NeedsSharedData
    void aBlankSelfieIsRefusedWithoutSpendingAnAttempt() {
        SessionFlows flows = new SessionFlows("blank-capture");
        String[] session = flows.open(flows.defaultWorkflow(), null, SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]).statusCode(200).body("steps[0].attempts_used", equalTo(0));

        SessionFlows.upload(session[1], "selfie", BLANK)
                .statusCode(400)
                .body("image", startsWith("The image is blank"));

        given().get("/capture/v1/" + session[1]).then().statusCode(200)
                .body("steps[0].attempts_used", equalTo(0));
    }
}
