package vn.phaodai.security.signin;

import vn.phaodai.security.accounts.ApiTokens;
import vn.phaodai.security.accounts.Users;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import vn.phaodai.shared.Problems;
import vn.phaodai.shared.RelativeRedirects;

import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The door is locked: everything but the login page and static assets needs a login. People log in
 * with a form (a session that expires, CSRF on every form); machines send a personal token
 * ({@code Authorization: Bearer}) or, unless switched off, HTTP Basic, statelessly. The rights behind
 * each endpoint are checked in the services, and the jurisdiction in their SQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-eval'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Users users, LoginThrottle throttle, RequestTexts texts,
                            @Value("${phaodai.security.api-basic-auth:true}") boolean basic) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(basic, texts);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, texts), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, texts), BearerTokenFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Machines authenticate every request; there is no browser session to forge.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied(texts)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        if (basic) http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        else http.httpBasic(b -> b.disable());
        return http.build();
    }

    /**
     * Actuator: health for everyone (a load balancer), every other endpoint (metrics, info, prometheus)
     * for administrators only, by their browser session, a token or HTTP Basic (a Prometheus scraper).
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, Users users, LoginThrottle throttle, RequestTexts texts,
                                 @Value("${phaodai.security.api-basic-auth:true}") boolean basic) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(basic, texts);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .addFilterBefore(new BearerTokenFilter(tokens, users, texts), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, texts), BearerTokenFilter.class)
                .addFilterAfter(new SessionStampFilter(users), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied(texts)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        if (basic) http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        else http.httpBasic(b -> b.disable());
        return http.build();
    }

    private static AuthenticationEntryPoint unauthenticated(boolean basic, RequestTexts texts) {
        return (request, response, e) -> {
            if (basic) response.setHeader("WWW-Authenticate", "Basic realm=\"phaodai\", charset=\"UTF-8\"");
            Problems.write(response, 401, texts.get(request, "security.notLoggedIn"),
                    texts.get(request, basic ? "security.unauthenticated.basic" : "security.unauthenticated.token"), null);
        };
    }

    private static AccessDeniedHandler denied(RequestTexts texts) {
        return (request, response, e) -> Problems.write(response, 403, texts.get(request, "security.denied.title"),
                texts.get(request, "security.denied.detail"), null);
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, Users users, LoginThrottle throttle, RequestTexts texts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error").permitAll()
                        // A patient's own reading form: the secret in the link is checked by the page itself.
                        .requestMatchers("/p/**").permitAll()
                        // A vaccination certificate's QR code: anyone checks it; the signature in the code is checked by the page.
                        .requestMatchers("/verify/*").permitAll()
                        .anyRequest().authenticated())
                // Every redirect relative: the Host header a client sends never comes back in a Location.
                .formLogin(f -> f.loginPage("/login").successHandler(afterLogin()).failureHandler(loginFailed()))
                .exceptionHandling(e -> e.authenticationEntryPoint(toLoginPage()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
                .addFilterBefore(new LoginThrottleFilter(throttle, texts), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionStampFilter(users), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    private static SavedRequestAwareAuthenticationSuccessHandler afterLogin() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    private static SimpleUrlAuthenticationFailureHandler loginFailed() {
        SimpleUrlAuthenticationFailureHandler handler = new SimpleUrlAuthenticationFailureHandler("/login?error");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    private static LoginUrlAuthenticationEntryPoint toLoginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static SimpleUrlLogoutSuccessHandler loggedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?logout");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }
}
