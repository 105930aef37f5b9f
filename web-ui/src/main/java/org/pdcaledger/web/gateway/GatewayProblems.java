package org.pdcaledger.web.gateway;

import java.io.IOException;

import org.pdcaledger.support.problem.Problems;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem documents that web-ui itself answers on the API (when it cannot forward).
 */
final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), code, null, detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
