package org.pdcaledger.query.webhook;

import java.net.UnknownHostException;

/**
 * A webhook target is not allowed: wrong scheme, or its host resolves to an address that is not public and not
 * allow-listed. An {@link UnknownHostException} so that the HTTP client's name resolution can raise it at connect
 * time (DNS answers can change between registration and delivery).
 */
public class TargetRefusedException extends UnknownHostException {

    public TargetRefusedException(String message) {
        super(message);
    }
}
