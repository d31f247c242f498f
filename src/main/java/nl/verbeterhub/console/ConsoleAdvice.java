package nl.verbeterhub.console;

import java.util.Map;
import nl.verbeterhub.access.HubUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every console page knows (who is logged in, their hospitals), and its refusals as the error page. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final ConsoleAccess access;

    ConsoleAdvice(ConsoleAccess access) {
        this.access = access;
    }

    @ModelAttribute("user")
    HubUser user() {
        return access.userIfAny().orElse(null);
    }

    @ModelAttribute("hospitals")
    Map<String, String> hospitals() {
        return access.userIfAny().map(access::hospitals).orElse(Map.of());
    }

    @ExceptionHandler(ConsoleException.class)
    ModelAndView refused(ConsoleException e) {
        ModelAndView page = new ModelAndView("error", e.status());
        page.addObject("status", e.status().value());
        page.addObject("error", e.status().getReasonPhrase());
        page.addObject("message", e.getMessage());
        page.addObject("user", user());
        page.addObject("hospitals", hospitals());
        return page;
    }
}
