package dev.likeness.session;

import dev.likeness.EvalFiles;
import dev.likeness.TestTenants;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A backend and its end user, driving real sessions through the API as a client would. */
public final class SessionFlows {

    private final TestTenants.Tenant tenant;

    public TestTenants.Tenant tenant() {
        return tenant;
    }

    public SessionFlows(String name) {
        this.tenant = TestTenants.create(name);
    }

    public RequestSpecification api() {
        return given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON);
    }

    public String defaultWorkflow() {
        return api().get("/v3/workflows/").then().statusCode(200).extract().path("results[0].uuid");
    }

    public String workflow(String json) {
        return api().body(json).post("/v3/workflows/").then().statusCode(201).extract().path("uuid");
    }

    public static String portrait(String evalPath) {
        return Base64.getEncoder().encodeToString(EvalFiles.bytes(evalPath));
    }

    public ValidatableResponse create(String workflowId, String vendorData, String portraitImage) {
        Map<String, Object> body = new HashMap<>();
        body.put("workflow_id", workflowId);
        if (vendorData != null) {
            body.put("vendor_data", vendorData);
        }
        if (portraitImage != null) {
            body.put("portrait_image", portraitImage);
        }
        return api().body(body).post("/v3/session/").then();
    }

    /** Creates a session and returns its id and token. */
    public String[] open(String workflowId, String vendorData, String portraitImage) {
        var created = create(workflowId, vendorData, portraitImage).statusCode(201).extract();
        return new String[] {created.path("session_id"), created.path("session_token")};
    }

    public static ValidatableResponse start(String token) {
        return given().post("/capture/v1/" + token + "/start").then();
    }

    public static ValidatableResponse selfie(String token, String evalPath) {
        return upload(token, "selfie", EvalFiles.bytes(evalPath));
    }

    public static ValidatableResponse upload(String token, String step, byte[] image) {
        return given().multiPart("image", "capture.jpg", image, "image/jpeg")
                .post("/capture/v1/" + token + "/" + step).then();
    }

    public ValidatableResponse decision(String sessionId) {
        return api().get("/v3/session/" + sessionId + "/decision/").then();
    }
}
