package dev.likeness.standalone;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** A multipart body that does not parse is the client's fault: a 400 in the contract's shape. */
@QuarkusTest
class GarbledMultipartTest {

    @Test
    void garbledMultipartBodiesAreA400() {
        String[][] cases = {
                {"multipart/form-data; boundary=xyz", "this is not multipart at all"},
                {"multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"user_image\"; filename=\"a.jpg\"\r\n\r\nabc"},
                {"multipart/form-data; boundary=xyz", "--xyz\r\nno headers here\r\n--xyz--\r\n"},
                {"multipart/form-data", "--xyz\r\nContent-Disposition: form-data; name=\"vendor_data\"\r\n\r\nv\r\n--xyz--\r\n"},
        };
        for (String[] c : cases) {
            given().header("x-api-key", TestTenants.BOOTSTRAP_KEY)
                    .contentType(c[0]).body(c[1].getBytes(StandardCharsets.ISO_8859_1))
                    .post("/v3/face-match/")
                    .then().log().ifValidationFails().statusCode(400).contentType(startsWith("application/json"));
        }
    }
}
