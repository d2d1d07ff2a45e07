package dev.likeness;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The test profile with the production defaults the rest of the tests relax: private webhook
 * targets refused, API docs off, metrics only on the management port, client addresses from the TCP
 * peer whatever {@code X-Forwarded-For} says. The profile's keys are set
 * with and without {@code %test.} so they win over the test profile's own values.
 */
public class ProductionDefaults implements QuarkusTestProfile {

    /** Chosen once per run so checkouts testing side by side do not collide on the default 9001. */
    public static final int MANAGEMENT_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "likeness.webhooks.allow-private-targets", "false",
                "%test.likeness.webhooks.allow-private-targets", "false",
                "likeness.api-docs.enabled", "false",
                "%test.likeness.api-docs.enabled", "false",
                "quarkus.management.enabled", "true",
                "%test.quarkus.management.enabled", "true",
                "quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT),
                "quarkus.http.proxy.proxy-address-forwarding", "false",
                "%test.quarkus.http.proxy.proxy-address-forwarding", "false");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
