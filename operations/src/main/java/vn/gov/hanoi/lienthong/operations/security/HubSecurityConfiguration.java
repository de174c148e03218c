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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.gov.hanoi.lienthong.operations.people.PeopleDirectory;
import vn.gov.hanoi.lienthong.operations.people.Role;

/**
 * Who may reach what, for every kind of caller, in one place.
 *
 * <ol>
 *   <li><b>People</b>: the actuator (on the main port or on {@code management.server.port}), the operators'
 *   console (Hawtio at {@code /actuator/hawtio}, its Jolokia agent at {@code /actuator/jolokia}) and the sign-in
 *   page. The health probes are open to anyone (load balancers, orchestrators); everything else needs a person
 *   with the operator role. A browser signs in with the form and keeps a session that expires
 *   ({@code server.servlet.session.timeout}); a program calls with HTTP Basic on every request and keeps none.
 *   Session requests that change something carry the CSRF token (a cookie Hawtio's console reads back); a
 *   request carrying its own credentials needs none, since a browser never holds Basic credentials here (a
 *   browser is sent to the form, never asked for Basic). Failed sign-ins are counted and slowed
 *   ({@link LoginThrottle}). Which Jolokia requests a person may make is decided by role
 *   ({@code JolokiaRoleRestrictor}). The tracking of an agency's documents ({@code /api/v1/tracking}) is for its
 *   clerks and leaders, each cut to the agencies the person is bound to.</li>
 *   <li><b>Agency systems</b> ({@code /ws}, {@code /api/v1}): they do not sign in as people. Each connector
 *   authenticates them against the agency directory ({@code AgencyAuthenticator}) and answers its own
 *   refusals in its own format (a SOAP fault, the REST refusal body), so this chain lets their requests through
 *   to the connector and keeps no session. Their credentials open nothing in the first chain.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
public class HubSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubSecurityConfiguration.class);
    private static final String REALM = "Lien Thong operations";

    @Bean
    @Order(1)
    SecurityFilterChain peopleChain(HttpSecurity http, OidcSignIn oidc,
                                    @Value("${hub.metrics.scrape-token-sha256:}") String scrapeTokenSha256) throws Exception {
        RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(SignInPage.PATH);
        RequestMatcher signOut = PathPatternRequestMatcher.withDefaults().matcher("/logout");
        RequestMatcher operatorActions = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/admin/**");
        RequestMatcher operatorPage = PathPatternRequestMatcher.withDefaults().matcher("/operator/**");
        // What clerks and leaders follow of their agencies (tracking module): the API and the pages.
        RequestMatcher agencyPeople = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/tracking/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/tracking/**"), PathPatternRequestMatcher.withDefaults().matcher("/tracking"));
        // The reports on electronic exchange (reports module): an agency's for its people, the city's for reporters.
        RequestMatcher reports = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/reports/**");
        // The archive (archive module): its documents for archivists and an agency's people, its audit trail for auditors.
        RequestMatcher auditTrail = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/archive/audit");
        // Destruction lists and their signed records: followed by auditors too (the service refuses anyone else's changes).
        RequestMatcher destructionLists = PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET,
                "/api/v1/archive/destruction-lists/**");
        RequestMatcher archive = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/archive/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/archive/**"));
        // The code flow with the city's OpenID Connect provider: out to it, and back.
        RequestMatcher providerFlow = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/oauth2/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/login/oauth2/**"));
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        basic.afterPropertiesSet();
        http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(), signIn, signOut, operatorActions, operatorPage,
                        agencyPeople, reports, archive, providerFlow))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(signIn).permitAll()
                        .requestMatchers(agencyPeople).hasAnyRole(Role.CLERK.name(), Role.LEADER.name())
                        .requestMatchers(reports).hasAnyRole(Role.CLERK.name(), Role.LEADER.name(), Role.REPORTER.name())
                        .requestMatchers(auditTrail).hasRole(Role.AUDITOR.name())
                        .requestMatchers(destructionLists).hasAnyRole(Role.ARCHIVIST.name(), Role.LEADER.name(), Role.AUDITOR.name())
                        .requestMatchers(archive).hasAnyRole(Role.ARCHIVIST.name(), Role.CLERK.name(), Role.LEADER.name())
                        .requestMatchers(EndpointRequest.to("prometheus"))
                                .hasAnyRole(Role.OPERATOR.name(), ScrapeTokenFilter.SCRAPER)
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .addFilterBefore(new ScrapeTokenFilter(scrapeTokenSha256), BasicAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(SignInPage.PATH).successHandler(landing()))
                .httpBasic(httpBasic -> httpBasic.realmName(REALM).authenticationEntryPoint(basic))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SignInPage.PATH),
                                SignInPage::wantsAPage)
                        .defaultAuthenticationEntryPointFor(basic, AnyRequestMatcher.INSTANCE)
                        // A refusal of a caller who has not signed in (a POST without a CSRF token, say) asks for
                        // credentials (401) like any other; a person signed in who may not do it gets 403.
                        .accessDeniedHandler((request, response, denied) -> {
                            var person = org.springframework.security.core.context.SecurityContextHolder.getContext()
                                    .getAuthentication();
                            if (person == null || person instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                                basic.commence(request, response, new org.springframework.security.authentication
                                        .InsufficientAuthenticationException(denied.getMessage()));
                            } else {
                                response.sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
                            }
                        }))
                .logout(logout -> logout.logoutRequestMatcher(signOut).logoutSuccessUrl(SignInPage.PATH + "?logout"))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SinglePageCsrfHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInPage(oidc.enabled() ? oidc.signInPath() : null), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        if (oidc.enabled()) {
            http.oauth2Login(login -> login.loginPage(SignInPage.PATH)
                    .userInfoEndpoint(user -> user.oidcUserService(peopleOfTheCity(oidc)))
                    .successHandler(landing())
                    .failureUrl(SignInPage.PATH + "?error"));
            LOG.info("People may also sign in through the OpenID Connect provider of registration '{}' ({})",
                    oidc.registration(), oidc.signInPath());
        }
        return http.build();
    }

    /**
     * Where a person lands after signing in: the page asked for before, if any; else the page of the person's
     * role — an agency's clerk or leader their tracking, an archivist the archive's search, the hub's own people the
     * operators' console.
     */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler landing() {
        return (request, response, authentication) -> {
            var saved = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
            boolean ofAnAgency = authentication.getAuthorities().stream().anyMatch(a ->
                    a.getAuthority().equals(Role.CLERK.authority()) || a.getAuthority().equals(Role.LEADER.authority()));
            boolean archivist = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ARCHIVIST.authority()));
            saved.setDefaultTargetUrl(ofAnAgency ? "/tracking" : archivist ? "/archive/search" : "/actuator/hawtio/");
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A person the city's provider signed in: named by hub.oidc.username-claim, with the hub's roles mapped from the
     * roles claim (none mapped: signed in, refused everything).
     */
    private static org.springframework.security.oauth2.client.userinfo.OAuth2UserService<
            org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest,
            org.springframework.security.oauth2.core.oidc.user.OidcUser> peopleOfTheCity(OidcSignIn oidc) {
        var delegate = new org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService();
        return request -> {
            var person = delegate.loadUser(request);
            java.util.Set<org.springframework.security.core.GrantedAuthority> authorities = new java.util.LinkedHashSet<>(
                    oidc.authorities(person.getClaims()));
            if (authorities.isEmpty()) {
                LOG.warn("{} signed in through the city's provider with no role of the hub's ({}: {})",
                        person.getClaims().get(oidc.usernameClaim()), oidc.rolesClaim(), "none mapped");
                authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("SIGNED_IN"));
            }
            return new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(authorities, person.getIdToken(),
                    person.getUserInfo(), oidc.usernameClaim());
        };
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

    /** The user file as Spring Security reads a person; not a bean: only {@link #peopleAuthentication} uses it. */
    private static UserDetailsService people(PeopleDirectory directory) {
        return username -> directory.byUsername(username)
                .map(person -> User.withUsername(person.username())
                        .password(person.secretHash())
                        .authorities(java.util.stream.Stream.concat(person.roles().stream().map(Role::authority),
                                        java.util.stream.Stream.ofNullable(person.organId()).map(organ -> Role.ORGAN_AUTHORITY_PREFIX + organ))
                                .toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such person"));
    }

    @Bean
    LoginThrottle loginThrottle(@Value("${hub.people-sign-in.free-attempts:5}") int freeAttempts,
                                @Value("${hub.people-sign-in.first-hold:30s}") java.time.Duration firstHold,
                                @Value("${hub.people-sign-in.longest-hold:30m}") java.time.Duration longestHold) {
        return new LoginThrottle(freeAttempts, firstHold, longestHold, java.time.Clock.systemUTC());
    }

    @Bean
    AuthenticationProvider peopleAuthentication(PeopleDirectory directory, PasswordEncoder encoder, LoginThrottle throttle,
                                                io.micrometer.core.instrument.MeterRegistry meters) {
        DaoAuthenticationProvider byUserFile = new DaoAuthenticationProvider(people(directory));
        byUserFile.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(byUserFile, throttle, meters);
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
