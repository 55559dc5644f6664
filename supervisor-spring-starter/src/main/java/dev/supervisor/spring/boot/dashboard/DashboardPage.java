package dev.supervisor.spring.boot.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's one HTML page; everything else it shows is drawn by its scripts from the REST API. The page is
 * the same for everyone (it holds no data), so reading it needs no permission; the security headers of
 * Supervisor's paths apply to it, and when nothing else set a Content-Security-Policy it sends its own strict one.
 */
@Controller
public class DashboardPage {
    /** What the page allows itself: its own scripts, styles and API, nothing inline, no frames, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String INDEX = "/META-INF/supervisor/dashboard/index.html";
    private final byte[] page;

    /** @param properties the dashboard's settings, written into the page */
    public DashboardPage(DashboardProperties properties) {
        Objects.requireNonNull(properties, "properties");
        try (InputStream in = DashboardPage.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + INDEX + " is missing from the starter's jar");
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            page = html.replace("@refreshMillis@", Long.toString(properties.refresh().toMillis()))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page " + INDEX, e);
        }
    }

    /**
     * @return a redirect to the page, so that its relative links resolve under {@code /supervisor/} (relative, so
     *         it holds under any context path)
     */
    @GetMapping("/supervisor")
    public ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "supervisor/").build();
    }

    /**
     * @param response the response, which gets the page's own policy unless the security filter set one
     * @return the page
     */
    @GetMapping({"/supervisor/", "/supervisor/index.html"})
    public ResponseEntity<byte[]> page(HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                .body(page);
    }
}
