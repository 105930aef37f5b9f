package org.pdcaledger.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * web-ui: the browser's only door. Logs people in, renders the pages, and forwards the JSON API to the command
 * and query services with a short-lived identity token it signs.
 */
@SpringBootApplication
public class WebUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebUiApplication.class, args);
    }
}
