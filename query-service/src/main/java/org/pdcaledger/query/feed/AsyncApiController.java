package org.pdcaledger.query.feed;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the AsyncAPI document of the events; under {@code /api/feed} too, so web-ui's gateway forwards it.
 */
@RestController
class AsyncApiController {

    private final AsyncApiDocument document;

    AsyncApiController(AsyncApiDocument document) {
        this.document = document;
    }

    @GetMapping(path = {"/api/feed/asyncapi.json", "/api/asyncapi.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> asyncApi() {
        return ResponseEntity.ok(document.json());
    }
}
