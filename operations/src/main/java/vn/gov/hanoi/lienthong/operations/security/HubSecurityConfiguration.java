package vn.gov.hanoi.lienthong.operations.security;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import vn.gov.hanoi.lienthong.operations.people.PeopleDirectory;
import vn.gov.hanoi.lienthong.operations.people.Role;

/**
 * Who may reach what, for every kind of caller, in one place.
 *
 * <ol>
 *   <li><b>The actuator</b> (the management endpoints, on the main port or on {@code management.server.port}):
 *   the health probes are open to anyone (load balancers, orchestrators); everything else — metrics, the
 *   directory and its reload — needs a person with the operator role, over HTTP Basic.</li>
 *   <li><b>Agency systems</b> ({@code /ws}, {@code /api/v1}): they do not sign in as people. Each connector
 *   authenticates them against the agency directory ({@code AgencyAuthenticator}) and answers its own
 *   refusals in its own format (a SOAP fault, the REST refusal body), so this chain lets their requests through
 *   to the connector and keeps no session.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
public class HubSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubSecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .httpBasic(basic -> basic.realmName("Lien Thong operations"))
                // HTTP Basic on every call, no session cookie: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain agencySystemChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Machine-to-machine calls with HTTP Basic per request: no browser session to protect.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(Customizer.withDefaults())
                .build();
    }

    @Bean
    PeopleDirectory peopleDirectory(@Value("${hub.people:classpath:users.yaml}") String location,
                                    ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            PeopleDirectory people = PeopleDirectory.read(in, location);
            LOG.info("{} people may sign in (user file {})", people.size(), location);
            return people;
        }
    }

    @Bean
    UserDetailsService people(PeopleDirectory directory) {
        return username -> directory.byUsername(username)
                .map(person -> User.withUsername(person.username())
                        .password(person.secretHash())
                        .authorities(person.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such person"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.ADMINISTRATOR.authority() + " > " + Role.OPERATOR.authority());
    }
}
