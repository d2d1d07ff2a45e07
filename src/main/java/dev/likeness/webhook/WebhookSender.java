package dev.likeness.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed body to one receiver. Redirects are not followed (a receiver that moved must be
 * reconfigured), only the first KB of the answer is read, and the whole exchange, body included,
 * is bounded by the request timeout. Blocking: call it from a sender thread, never a request thread.
 */
@ApplicationScoped
public class WebhookSender {

    private final WebhookConfig config;
    private final WebhookTargetPolicy targets;
    private final HttpClient client;

    public WebhookSender(WebhookConfig config, WebhookTargetPolicy targets) {
        this.config = config;
        this.targets = targets;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public DeliveryAttempt send(String url, SignedWebhook signed, long timestamp) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return failed(null, "Invalid URL.", started, t0);
        }
        Optional<String> refusal = targets.refusal(uri);
        if (refusal.isPresent()) {
            return failed(null, refusal.get(), started, t0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info -> new Snippet());
        try {
            HttpResponse<byte[]> response = exchange.get(config.connectTimeout().plus(config.requestTimeout()).toMillis(),
                    TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            return new DeliveryAttempt(timestamp, status >= 200 && status < 300, status, elapsed(t0),
                    text(response.body()), null, started, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(timestamp, "Timed out after " + config.requestTimeout().toMillis() + " ms.", started, t0);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failed(timestamp, "Interrupted (shutting down).", started, t0);
        } catch (ExecutionException e) {
            return failed(timestamp, describe(e.getCause()), started, t0);
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "Connect timed out.";
        }
        if (cause instanceof HttpTimeoutException) {
            return "Timed out waiting for the response.";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused or unreachable.";
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String text = cause.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static DeliveryAttempt failed(Long timestamp, String error, OffsetDateTime started, long t0) {
        return new DeliveryAttempt(timestamp, false, null, elapsed(t0), null, error, started,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static int elapsed(long t0) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Lenient UTF-8, without NULs (PostgreSQL text cannot hold them), at most 1 KB of input. */
    private static String text(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.replace("\u0000", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Keeps the first {@link WebhookDelivery#SNIPPET_BYTES} bytes of the answer and stops reading there. */
    private static final class Snippet implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = WebhookDelivery.SNIPPET_BYTES - kept.size();
                int take = Math.min(room, item.remaining());
                byte[] chunk = new byte[take];
                item.get(chunk);
                kept.write(chunk, 0, take);
            }
            if (kept.size() >= WebhookDelivery.SNIPPET_BYTES) {
                result.complete(kept.toByteArray());
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}
