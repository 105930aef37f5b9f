package org.pdcaledger.support.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link StoreUnreachableException} into a start-up report without a stack trace.
 */
public class StoreUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.setting() + " to a reachable " + cause.store()
                        + ", or start the embedded stores with ./pdca run.", cause);
    }
}
