package dev.supervisor.core.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server playing a model API: each test sets how it answers; it records the last request. */
final class LoopbackApi implements AutoCloseable {
    interface Responder {
        void respond(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);
    volatile Responder responder;
    volatile String lastBody;
    volatile String lastPath;
    volatile com.sun.net.httpserver.Headers lastHeaders;

    LoopbackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            lastBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastPath = ex.getRequestURI().getPath();
            lastHeaders = ex.getRequestHeaders();
            try {
                responder.respond(ex);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void json(HttpExchange ex, int status, String body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        ex.getResponseHeaders().add("content-type", "application/json");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    /** Streams the events; the stream simply ends after the last one given (a cut if the end event is missing). */
    static void sse(HttpExchange ex, String... events) throws IOException {
        ex.getResponseHeaders().add("content-type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        for (String e : events) {
            os.write((e + "\n\n").getBytes(StandardCharsets.UTF_8));
            os.flush();
        }
        os.close();
    }

    /** Never answers until the test ends. */
    void hang(HttpExchange ex) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
