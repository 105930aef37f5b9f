package org.pdcaledger.query;

import org.pdcaledger.support.problem.ProblemDetailsAdvice;
import org.pdcaledger.support.problem.StrictJsonInput;
import org.pdcaledger.support.security.ResourceServerSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The query service: tracks the event store, projects events into MongoDB documents shaped for each screen, and
 * serves them; also the integrators' event feed.
 */
@SpringBootApplication
@Import({ResourceServerSecurity.class, ProblemDetailsAdvice.class, StrictJsonInput.class})
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
