package org.pdcaledger.web.gateway;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which service answers which API request: reads go to query-service, writes to command-service, except the
 * integrator's own resources (webhooks) that query-service owns.
 */
@Component
class ServiceRoutes {

    private final URI commandService;
    private final URI queryService;

    ServiceRoutes(@Value("${pdca.services.command-url}") URI commandService,
            @Value("${pdca.services.query-url}") URI queryService) {
        this.commandService = commandService;
        this.queryService = queryService;
    }

    URI target(String method, String pathAndQuery) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean queryOwned = pathAndQuery.startsWith("/api/webhooks") || pathAndQuery.startsWith("/api/feed");
        URI base = read || queryOwned ? queryService : commandService;
        return base.resolve(pathAndQuery);
    }

    String serviceName(URI target) {
        return target.getPort() == commandService.getPort() && target.getHost().equals(commandService.getHost())
                ? "command-service" : "query-service";
    }
}
