package dev.likeness.capture.page;

import dev.likeness.NeedsSharedData;
import dev.likeness.EvalFiles;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The capture page as the server sends it: routes, status codes, headers and self-contained assets. */
@QuarkusTest
class CapturePageTest {

    private static final List<String> ASSETS = List.of("app.js", "steps.js", "challenge.js", "camera.js", "api.js", "ui.js", "i18n.js",
            "capture.css", "icon.svg");

    @NeedsSharedData
    @Test
    void aSessionLinkServesThePageWithAStrictPolicy() {
        SessionFlows flows = new SessionFlows("capture-page-routes");
        String[] session = flows.open(flows.defaultWorkflow(), null, SessionFlows.portrait(EvalFiles.LIVE_A1));

        given().get("/session/" + session[1]).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'self'; script-src 'self'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("data-screen=\"capture\""))
                .body(containsString("<html lang=\"en\">"));
        given().get("/es/session/" + session[1]).then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
        given().get("/pt-BR/session/" + session[1]).then().statusCode(200)
                .body(containsString("<html lang=\"pt-br\">"));
        // Opening the page reads the session; it does not start it.
        SessionFlows.start(session[1]).statusCode(200).body("status", equalTo("In Progress"));
    }

    @Test
    void anUnknownTokenIsAFriendly404Page() {
        given().get("/session/NoSuchSessionToken42").then().statusCode(404)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .body(containsString("data-screen=\"not-found\""));
        given().get("/en/session/bad%20token").then().statusCode(404)
                .body(containsString("data-screen=\"not-found\""));
    }

    @Test
    void theApiKeepsItsRoutes() {
        given().get("/v3/session/00000000-0000-0000-0000-000000000000/decision/").then().statusCode(403);
        given().get("/capture/v1/NoSuchSessionToken42").then().statusCode(404)
                .contentType(containsString("application/json"));
    }

    @Test
    void theAssetsAreServedAndNameNoOtherHost() throws IOException {
        for (String asset : ASSETS) {
            given().get("/capture-page/" + asset).then().statusCode(200);
            try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/capture-page/" + asset)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // The SVG's XML namespace is a name, not an address the browser fetches.
                String withoutNamespace = text.replace("http://www.w3.org/2000/svg", "");
                assertFalse(withoutNamespace.contains("://"), asset + " names another host");
            }
        }
        given().get("/capture-page/app.js").then().contentType(containsString("javascript"));
    }
}
