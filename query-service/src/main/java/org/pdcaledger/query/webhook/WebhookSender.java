package org.pdcaledger.query.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one webhook request, safely: the target's addresses are checked by the {@link OutboundAddressPolicy} when
 * the connection is made (the client's own name resolution goes through it, so a DNS answer that changed since
 * registration cannot smuggle a private address in), redirects are not followed, no proxy or cookies are used,
 * connect and read times are bounded and at most {@code maxResponseBytes} of the answer are read.
 */
public class WebhookSender implements AutoCloseable {

    /** What came of one attempt. {@code status} is {@code null} when no HTTP answer arrived. */
    public record Outcome(Integer status, long latencyMillis, String error, String responseExcerpt) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        public boolean gone() {
            return status != null && status == 410;
        }
    }

    private static final int EXCERPT_CHARS = 256;

    private final OutboundAddressPolicy policy;
    private final CloseableHttpClient client;
    private final int maxResponseBytes;
    private final long readTimeoutMillis;

    public WebhookSender(OutboundAddressPolicy policy, WebhookProperties properties) {
        this.policy = policy;
        this.maxResponseBytes = properties.maxResponseBytes();
        this.readTimeoutMillis = properties.readTimeout().toMillis();
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                                .setTimeToLive(Timeout.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("pdca-ledger-webhooks/1")
                .evictIdleConnections(Timeout.ofMinutes(1))
                .build();
    }

    public Outcome post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        try {
            policy.check(url);
            HttpPost post = new HttpPost(url);
            headers.forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            int status = response.getCode();
            String excerpt = null;
            try {
                excerpt = response.getEntity() == null ? null : excerpt(response.getEntity().getContent(), post);
            } catch (IOException unreadable) {
                // the status is what counts; the body is only kept as a hint for the delivery log
            } finally {
                closeQuietly(response);
            }
            return new Outcome(status, elapsed(started), null, excerpt);
        } catch (TargetRefusedException e) {
            return new Outcome(null, elapsed(started), "refused: " + e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, elapsed(started), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        }
    }

    /**
     * Reads at most {@code maxResponseBytes}, and no longer than the read timeout in total; an answer that is longer
     * is cut off by aborting the request (closing the stream normally would read the rest to reuse the connection).
     */
    private String excerpt(InputStream in, HttpPost post) throws IOException {
        byte[] buffer = new byte[maxResponseBytes];
        int total = 0;
        boolean ended = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        while (total < buffer.length && System.nanoTime() < deadline) {
            int read = in.read(buffer, total, buffer.length - total);
            if (read < 0) {
                ended = true;
                break;
            }
            total += read;
        }
        if (!ended) {
            post.cancel();
        }
        String text = new String(buffer, 0, total, StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException alreadyAborted) {
            // the request was aborted to stop reading a long answer
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
