package org.pdcaledger.support.security;

/**
 * Names of the claims in the identity token web-ui signs for the services, in one place so issuer and readers agree.
 */
public final class IdentityToken {

    /** The issuer web-ui writes and the services require unless an external OIDC provider is configured. */
    public static final String DEFAULT_ISSUER = "pdca-ledger";
    public static final String AUDIENCE = "pdca-services";
    public static final String CLAIM_NAME = "name";
    /** A list of {@code ROLE@unitId} strings, see {@link org.pdcaledger.kernel.access.Grant}. */
    public static final String CLAIM_GRANTS = "grants";
    /** {@code true} when the token was issued to an OAuth2 client (an integrator) rather than a person. */
    public static final String CLAIM_CLIENT = "client";
    /**
     * The OAuth2 {@code scope} claim of a client token: a list, or one string separated by spaces. Read only for
     * clients; it grants rights beyond the feed and webhooks, such as {@link #SCOPE_FEEDBACK_WRITE}.
     */
    public static final String CLAIM_SCOPE = "scope";
    /**
     * The right of an integrator client to post citizen feedback items ({@code POST /api/feedback}) for the units its
     * {@code INTEGRATOR} grants cover, e.g. a 12345 hotline system forwarding its work orders.
     */
    public static final String SCOPE_FEEDBACK_WRITE = "feedback:write";

    private IdentityToken() {
    }
}
