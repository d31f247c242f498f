package nl.verbeterhub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.verbeterhub.access.BearerTokenFilter;
import nl.verbeterhub.access.CurrentUser;
import nl.verbeterhub.access.UploadTokens;
import nl.verbeterhub.access.UserDirectory;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.Connectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may reach what (domain.md §8, issue 17). Health answers everyone, its details operators only;
 * {@code /actuator/prometheus} everyone unless {@code hub.access.public-metrics} is false. The API takes
 * HTTP Basic or an upload token as a bearer; an anonymous request gets 401 with {@code WWW-Authenticate},
 * never a redirect, before anything is looked up. The console has a login page, sessions and CSRF.
 * Passwords: the operator's from {@code VERBETERHUB_OPERATOR_PASSWORD}, others as bcrypt hashes in the
 * users file; without either nobody can log in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PASSWORD_ENV = "VERBETERHUB_OPERATOR_PASSWORD";
    private static final String REALM = "Basic realm=\"verbeterhub\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, UploadTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // Both ways in: people with Basic, upload tokens as a bearer.
            response.setHeader("WWW-Authenticate", REALM + ", Bearer realm=\"verbeterhub\"");
            problem(response, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic, or send an upload token as a bearer.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problem(response, HttpStatus.FORBIDDEN, "This user may not do this.");
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .csrf(csrf -> csrf.disable()) // no cookies on the API: Basic or a bearer on every request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, HubProperties properties) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    if (properties.access().publicMetrics()) a.requestMatchers("/actuator/prometheus").permitAll();
                    a.anyRequest().hasRole("OPERATOR");
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", REALM);
                    response.sendError(HttpStatus.UNAUTHORIZED.value());
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The console: a login page, a session, CSRF tokens on every form. */
    @Bean
    @Order(3)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/console.css", "/console.js", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // The console has no inline script or style: nothing but its own files may run.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    UserDirectory users(Environment environment, HubProperties properties) throws IOException {
        return new UserDirectory(environment.getProperty(PASSWORD_ENV), properties.access().usersFile(properties.dataDir()));
    }

    @Bean
    CurrentUser currentUser(UserDirectory users) {
        return new CurrentUser(users);
    }

    @Bean
    UploadTokens uploadTokens(Connectors connectors, Environment environment) {
        return new UploadTokens(connectors, environment::getProperty);
    }

    /** RFC 9457 problem details, also for what the security filters answer. */
    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
