package org.pdcaledger.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after login.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home/index";
    }
}
