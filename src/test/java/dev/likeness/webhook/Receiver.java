package dev.likeness.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A real webhook receiver on 127.0.0.1 that records raw bytes and headers and answers with a chosen status. */
final class Receiver implements AutoCloseable {

    record Request(String path, Map<String, String> headers, byte[] body, int answered, Instant at) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private volatile String answerBody = "{\"ok\":true}";
    private volatile long delayMillis;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;

    Receiver() throws IOException {
        start(0);
    }

    synchronized void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            int status = answer.get();
            synchronized (requests) {
                requests.add(new Request(exchange.getRequestURI().getPath(), headers, body, status, Instant.now()));
                requests.notifyAll();
            }
            byte[] out = answerBody.getBytes();
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            } finally {
                open.decrementAndGet();
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening: senders now get connection refused. */
    synchronized void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void restart() throws IOException {
        start(port);
    }

    void answer(int status, String body) {
        answer.set(status);
        answerBody = body;
    }

    /** Every answer waits this long first, like a slow receiver. */
    void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** The most requests this receiver was handling at the same moment. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> await(Predicate<List<Request>> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (!done.test(requests)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    fail("timed out waiting for " + what + "; received " + requests.size() + " requests");
                }
                try {
                    requests.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
            return List.copyOf(requests);
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
