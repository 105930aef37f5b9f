package org.pdcaledger.web.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The two ways a page form arrives: from htmx (answer with a fragment, or tell htmx where to go) or as a plain form
 * post when scripts are off (answer with a whole page or a redirect). Every form works both ways.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Sends the browser to {@code url} after a successful write: a full navigation, so history and focus are right. */
    public static String redirect(HttpServletRequest request, HttpServletResponse response, String url) {
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + url);
            return "fragments :: nothing";
        }
        return "redirect:" + url;
    }

    /** The fragment for htmx, the whole page otherwise. */
    public static String view(HttpServletRequest request, String template, String fragment) {
        return isHtmx(request) ? template + " :: " + fragment : template;
    }
}
