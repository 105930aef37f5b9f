package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // the example of the Standard Webhooks specification
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sign_producesTheSpecificationsExampleSignature() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verify_acceptsAnyListedSignature_andRejectsATamperedBodyOrTimestamp() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TIMESTAMP), BODY, "v1,bm90LWl0 " + signature))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TIMESTAMP + 1), BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(TIMESTAMP),
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", Long.toString(TIMESTAMP), BODY, signature)).isFalse();
    }
}
