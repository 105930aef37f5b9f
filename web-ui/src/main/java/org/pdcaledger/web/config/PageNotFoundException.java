package org.pdcaledger.web.config;

/**
 * What a page shows does not exist, or not for this person (a service answers 404 for both, by design).
 */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message);
    }
}
