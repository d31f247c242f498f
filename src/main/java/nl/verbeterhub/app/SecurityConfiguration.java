package nl.verbeterhub.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Health answers everyone, its details only operators (domain.md §8). Everything else, {@code /api/**}
 * included, needs HTTP Basic: an anonymous request gets 401 with {@code WWW-Authenticate} before anything
 * is looked up, never a redirect. The operator's password comes from {@code VERBETERHUB_OPERATOR_PASSWORD};
 * without it nobody can log in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PASSWORD_ENV = "VERBETERHUB_OPERATOR_PASSWORD";

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable()) // no browser sessions: Basic on every request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService operators(Environment environment) {
        String password = environment.getProperty(PASSWORD_ENV);
        if (password == null || password.isBlank()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername("operator")
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
                .roles("OPERATOR")
                .build());
    }
}
