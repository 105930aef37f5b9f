package org.pdcaledger.web.config;

import org.pdcaledger.web.access.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page needs: the person logged in (for the navigation), and error pages that say what happened and what
 * to do instead of a stack trace. Applies to the page controllers only, never to the JSON APIs.
 */
@ControllerAdvice(basePackages = {"org.pdcaledger.web.board", "org.pdcaledger.web.initiative",
        "org.pdcaledger.web.assessment", "org.pdcaledger.web.dashboard", "org.pdcaledger.web.unit",
        "org.pdcaledger.web.framework", "org.pdcaledger.web.admin", "org.pdcaledger.web.home"})
class PageAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

    private final UserAccounts accounts;

    PageAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    Person me(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return accounts.find(authentication.getName())
                .map(account -> new Person(account.username(), account.displayName(), account.grants()))
                .orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e, Model model) {
        ModelAndView view = new ModelAndView("error/page", HttpStatus.NOT_FOUND);
        view.addAllObjects(model.asMap());
        view.addObject("kind", "not-found");
        return view;
    }

    @ExceptionHandler(ServiceFailureException.class)
    ModelAndView unavailable(ServiceFailureException e, Model model) {
        LOG.warn("a page could not be shown: {}", e.getMessage());
        HttpStatus status = e.status() == 403 ? HttpStatus.FORBIDDEN
                : e.status() == 503 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ModelAndView view = new ModelAndView("error/page", status);
        view.addAllObjects(model.asMap());
        view.addObject("kind", e.status() == 403 ? "forbidden" : "unavailable");
        return view;
    }
}
