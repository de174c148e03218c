package vn.gov.hanoi.lienthong.operations.security;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A person's sign-in (form or HTTP Basic) checked against the user file, through the {@link LoginThrottle}: a
 * held name is refused before its secret is even compared, every failure is counted (the meter
 * {@code lienthong.people.sign.in} by outcome) and logged as one WARN line.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider people;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider people, LoginThrottle throttle, MeterRegistry meters) {
        this.people = people;
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName();
        var held = throttle.heldUntil(name);
        if (held.isPresent()) {
            meters.counter("lienthong.people.sign.in", "outcome", "held").increment();
            LOG.warn("Sign-in as '{}' refused: held after repeated failures until {}", name, held.get());
            throw new LockedException("too many failed sign-ins; try again after " + held.get());
        }
        try {
            Authentication person = people.authenticate(attempt);
            throttle.succeeded(name);
            meters.counter("lienthong.people.sign.in", "outcome", "success").increment();
            return person;
        } catch (BadCredentialsException wrong) {
            int inARow = throttle.failed(name);
            meters.counter("lienthong.people.sign.in", "outcome", "failure").increment();
            Instant until = throttle.heldUntil(name).orElse(null);
            LOG.warn("Failed sign-in as '{}' ({} in a row{})", name, inARow, until == null ? "" : "; held until " + until);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
