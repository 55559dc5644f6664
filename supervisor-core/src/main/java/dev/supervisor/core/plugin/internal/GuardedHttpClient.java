package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Capability;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK client as plugins see it: each request's host is checked against the plugin's {@code http:} grants before
 * it is sent, and redirects are never followed (a granted host could redirect elsewhere). Denials name the method
 * and host only: a URL can itself be a secret (a webhook).
 */
final class GuardedHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final Predicate<Capability> granted;
    private final Denier denier;

    /** Audits a denial and returns the exception to throw. */
    @FunctionalInterface
    interface Denier {
        RuntimeException deny(Capability needed, String detail);
    }

    GuardedHttpClient(HttpClient delegate, Predicate<Capability> granted, Denier denier) {
        this.delegate = delegate;
        this.granted = granted;
        this.denier = denier;
    }

    private void check(HttpRequest request) {
        URI uri = request.uri();
        String host = uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (host == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw denier.deny(Capability.http("*"), request.method() + " to a URL without an http(s) host");
        }
        Capability needed = Capability.http(host);
        if (!granted.test(needed) || delegate == null) {
            throw denier.deny(needed, request.method() + " to " + needed.scope());
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        check(request);
        return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        try {
            check(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        try {
            check(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return delegate.sendAsync(request, handler, push == null ? null : (initiating, pushRequest, accept) -> {
            // pushed resources come from the server too: the same rule applies
            if (granted.test(Capability.http(String.valueOf(pushRequest.uri().getHost())))) {
                push.applyPushPromise(initiating, pushRequest, accept);
            }
        });
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate == null ? Optional.empty() : delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return delegate == null ? null : delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate == null ? new SSLParameters() : delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return delegate == null ? Version.HTTP_1_1 : delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty(); // the host's threads are not the plugin's to use
    }
}
