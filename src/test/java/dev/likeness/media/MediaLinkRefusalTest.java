package dev.likeness.media;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every unusable media link is the same bare 403, so a link reveals nothing about what exists. */
@QuarkusTest
class MediaLinkRefusalTest {

    @Test
    void malformedLinksAnswerLikeATamperedOne() {
        long future = System.currentTimeMillis() / 1000 + 600;
        Response tampered = given().get("/media/" + UUID.randomUUID() + "?expires=" + future + "&signature=forged");
        assertEquals(403, tampered.statusCode());
        assertEquals("", tampered.asString());
        String[] links = {
                "/media/" + UUID.randomUUID() + "?expires=abc&signature=forged",
                "/media/" + UUID.randomUUID() + "?expires=99999999999999999999&signature=forged",
                "/media/" + UUID.randomUUID() + "?expires=&signature=forged",
                "/media/not-a-uuid?expires=" + future + "&signature=forged",
                "/media/not-a-uuid?expires=abc",
                "/media/not-a-uuid",
                "/media/a/b?expires=" + future + "&signature=forged",
                "/media/",
        };
        for (String link : links) {
            Response answer = given().get(link);
            assertEquals(403, answer.statusCode(), link);
            assertEquals("", answer.asString(), link);
            assertEquals(tampered.contentType(), answer.contentType(), link);
        }
    }
}
