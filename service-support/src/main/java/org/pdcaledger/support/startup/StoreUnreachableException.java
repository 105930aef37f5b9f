package org.pdcaledger.support.startup;

/**
 * A store the service needs could not be reached at start-up. Carries the setting to fix so the start-up failure
 * can be one line that a person can act on.
 */
public class StoreUnreachableException extends RuntimeException {

    private final String store;
    private final String setting;
    private final String target;

    public StoreUnreachableException(String store, String setting, String target, String reason) {
        super("The " + store + " at " + target + " is unreachable: " + reason);
        this.store = store;
        this.setting = setting;
        this.target = target;
    }

    public String store() {
        return store;
    }

    public String setting() {
        return setting;
    }

    public String target() {
        return target;
    }
}
