package dev.likeness.common;

import dev.likeness.TestTenants;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests refused for their size still get the contract's JSON error body. */
@QuarkusTest
class TransportLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aBodyOverTheLimitIsA413WithJson() throws IOException {
        String answer = exchange("POST /v3/session/ HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + TestTenants.BOOTSTRAP_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("\"detail\":"), answer);
    }

    @Test
    void aUriOverTheLimitIsA414WithJson() {
        given().header("x-api-key", TestTenants.BOOTSTRAP_KEY)
                .get("/v3/sessions/?search=" + "a".repeat(10_000))
                .then().statusCode(414).contentType(startsWith("application/json"))
                .body("detail", containsString("too long"));
    }

    private String exchange(String head) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            try {
                while ((read = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // whatever arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
