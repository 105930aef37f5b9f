package org.pdcaledger.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after login is the gap board: the page a team works from every day.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/board";
    }
}
