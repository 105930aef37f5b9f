package org.pdcaledger.support.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Says which port is taken and which setting moves this service to another one ({@code pdca.port-setting}, e.g.
 * {@code PDCA_COMMAND_PORT}). Ordered before Spring Boot's own analyzer, which does not know the product's settings.
 */
public class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    private final String setting;

    public PortInUseFailureAnalyzer(Environment environment) {
        this.setting = environment == null ? "server.port"
                : environment.getProperty("pdca.port-setting", "server.port");
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("Port " + cause.getPort() + " is already in use.",
                "Stop the process that listens on port " + cause.getPort() + " or set " + setting
                        + " to a free port.", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
