package vn.gov.hanoi.lienthong.operations.pages;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages for people: Vietnamese first, whatever the browser asks; English when chosen
 * ({@code ?lang=en} on any page), remembered in a cookie. The texts are in {@code i18n/pages*.properties}.
 */
@Configuration
public class PageLocales implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lienthong-lang");
        // Not the browser's Accept-Language: the city's pages are in Vietnamese unless a person chooses otherwise.
        resolver.setDefaultLocaleFunction(request -> VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/operator/**", "/operator", "/tracking/**", "/tracking", "/archive/**");
    }
}
