package dev.likeness.session;

import dev.likeness.NeedsSharedData;
import dev.likeness.EvalFiles;
import dev.likeness.media.BadImages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

/** kyc reduced to this service's part: the document's portrait is the reference for the selfie. */
@QuarkusTest
@NeedsSharedData
class KycSessionTest {

    /** A card with the holder's photo on it, lying on a desk in a larger photo. */
    private static byte[] idCardOnDesk(String portraitPath) throws IOException {
        BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(EvalFiles.bytes(portraitPath)));
        BufferedImage desk = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = desk.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(120, 85, 60));
        g.fillRect(0, 0, 1600, 1200);
        g.setColor(new Color(235, 238, 242));
        g.fillRoundRect(300, 300, 1000, 630, 40, 40);
        g.drawImage(portrait, 340, 360, 400, 300, null);
        g.setColor(new Color(40, 40, 90));
        for (int line = 0; line < 6; line++) {
            g.fillRect(800, 400 + line * 70, 420 - line * 30, 22);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(desk, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void documentPortraitBecomesTheReference() throws IOException {
        SessionFlows flows = new SessionFlows("kyc");
        String workflow = flows.workflow("{\"workflow_type\": \"kyc\"}");
        String[] session = flows.open(workflow, "kyc-user", null);
        SessionFlows.start(session[1]).body("next_step", equalTo("document"));
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(409).body("code", equalTo("document_required"));

        SessionFlows.upload(session[1], "document", idCardOnDesk(EvalFiles.LIVE_A1)).statusCode(200)
                .body("last_attempt.outcome", equalTo("accepted"))
                .body("next_step", equalTo("selfie"));
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200).body("next_step", equalTo("done"));

        flows.decision(session[0]).statusCode(200)
                .body("features", contains("ID_VERIFICATION", "LIVENESS", "FACE_MATCH"))
                .body("id_verifications[0].node_id", equalTo("feature_id_verification_1"))
                .body("id_verifications[0].status", equalTo("Approved"))
                .body("id_verifications[0].front_image", notNullValue())
                .body("id_verifications[0].portrait_image", notNullValue())
                .body("face_matches[0].source_image_session_id", nullValue())
                .body("face_matches[0].source_image", notNullValue())
                .body("face_matches[0].score", greaterThan(50f))
                .body("status", oneOf("Approved", "In Review"));
        String portraitLink = flows.decision(session[0]).extract().path("id_verifications[0].portrait_image");
        given().get(portraitLink).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void aDocumentWithoutAFaceEndsTheSessionAfterItsAttempts() {
        SessionFlows flows = new SessionFlows("kyc-noface");
        String workflow = flows.workflow("{\"workflow_type\": \"kyc\"}");
        String[] session = flows.open(workflow, null, null);
        SessionFlows.start(session[1]);
        for (int attempt = 1; attempt <= 2; attempt++) {
            SessionFlows.upload(session[1], "document", BadImages.noFace()).statusCode(200)
                    .body("last_attempt.outcome", equalTo("retry"))
                    .body("last_attempt.reasons", hasItem("PORTRAIT_IMAGE_NOT_DETECTED"));
        }
        SessionFlows.upload(session[1], "document", BadImages.noFace()).statusCode(200)
                .body("last_attempt.outcome", equalTo("final"))
                .body("status", equalTo("Declined"));
        flows.decision(session[0]).body("status", equalTo("Declined"))
                .body("id_verifications[0].status", equalTo("Declined"))
                .body("id_verifications[0].warnings[0].feature", equalTo("ID_VERIFICATION"));
    }
}
