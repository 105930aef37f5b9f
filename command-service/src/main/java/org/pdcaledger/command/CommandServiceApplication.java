package org.pdcaledger.command;

import org.pdcaledger.support.problem.ProblemDetailsAdvice;
import org.pdcaledger.support.problem.StrictJsonInput;
import org.pdcaledger.support.security.ResourceServerSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The command service: accepts commands over HTTP, checks them against the aggregates' rules and appends the
 * resulting events to the event store, the only source of truth.
 */
@SpringBootApplication
@Import({ResourceServerSecurity.class, ProblemDetailsAdvice.class, StrictJsonInput.class})
public class CommandServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
