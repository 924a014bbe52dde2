package vn.phaodai.security.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code phaodai.security.login-throttle.failures-per-minute} failed logins (form or HTTP Basic)
 * from one client address in any minute; beyond that the address is refused (429) until its oldest
 * failure is a minute old, right password or not. One attacker can thus neither try many passwords
 * nor lock many accounts ({@link LoginAttempts} locks an account after five wrong passwords).
 */
@Component
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private volatile int limit;
    private volatile Clock clock = Clock.systemUTC();

    LoginThrottle(@Value("${phaodai.security.login-throttle.failures-per-minute:10}") int limit) {
        this.limit = limit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            failed(details.getRemoteAddress());
        }
    }

    void failed(String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_ADDRESSES) prune(now);
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > limit + 1) times.removeFirst();
        }
    }

    /** Seconds until the address may try again, or 0 when it may now. */
    long retryAfterSeconds(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) return 0;
        long now = clock.millis();
        synchronized (times) {
            expire(times, now);
            if (times.size() < limit) return 0;
            long oldest = times.peekFirst();
            return Math.max(1, (oldest + WINDOW.toMillis() - now + 999) / 1000);
        }
    }

    private static void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) times.removeFirst();
    }

    private void prune(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                expire(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
        if (failures.size() >= MAX_ADDRESSES) failures.clear();
    }

    /** For tests: another clock, another limit, a clean slate. */
    public void reset(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
        failures.clear();
    }

    public int limit() {
        return limit;
    }
}
