package org.pdcaledger.support.security;

import java.io.IOException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps integrator tokens to what an integrator may do, whatever an endpoint's own rule says: read the event feed
 * ({@code /api/feed/**}) and manage its own webhooks ({@code /api/webhooks/**}); and, only with the right
 * {@link IdentityToken#SCOPE_FEEDBACK_WRITE} in its token, post one citizen feedback item
 * ({@code POST /api/feedback}). Everything else is 403 for a client token, so a feature whose rule is too broad (say
 * {@code authenticated()}) still never serves a machine. Runs after authentication and before the endpoint rules;
 * the endpoint's rule and its handler still check the grant and the unit scope.
 */
public class IntegratorConfinement extends OncePerRequestFilter {

    private final AccessDeniedHandler denied;

    public IntegratorConfinement(AccessDeniedHandler denied) {
        this.denied = denied;
    }

    /** Whether an integrator may call {@code path} (servlet path, without query). */
    public static boolean permits(String path) {
        return isUnder(path, "/api/feed") || isUnder(path, "/api/webhooks");
    }

    /**
     * Whether an integrator {@code caller} may send {@code method} to {@code path}: the feed and webhooks always, and
     * exactly {@code POST /api/feedback} when its token carries {@link IdentityToken#SCOPE_FEEDBACK_WRITE}.
     */
    public static boolean permits(String method, String path, Caller caller) {
        return permits(path) || "POST".equals(method) && "/api/feedback".equals(path)
                && caller.isClientWith(IdentityToken.SCOPE_FEEDBACK_WRITE);
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether the authentication on this request stands for an OAuth2 client rather than a person. */
    public static boolean isClient(Authentication authentication) {
        return authentication instanceof CallerAuthentication caller && caller.caller().client();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isClient(authentication)
                && !permits(request.getMethod(), path, ((CallerAuthentication) authentication).caller())) {
            denied.handle(request, response,
                    new AccessDeniedException("an integrator token only reads the feed and manages its webhooks"));
            return;
        }
        chain.doFilter(request, response);
    }
}
