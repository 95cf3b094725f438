package cn.huiqi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.RateLimiter;

/** Rate limits are counted in the service's database, so two instances of a service share one limit per caller. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_application"))
class SharedRateLimitTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoInstancesCountAgainstOneLimitPerCaller() {
        // Two limiters on one database, as two pods of the service behind a load balancer.
        RateLimiter first = new RateLimiter(dataSource);
        RateLimiter second = new RateLimiter(dataSource);
        String caller = "203.0.113." + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? first : second).acquire("objection", caller, 10);
        }
        assertThatThrownBy(() -> second.acquire("objection", caller, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 60L);
                });
        assertThatThrownBy(() -> first.acquire("objection", caller, 10)).isInstanceOf(ProblemException.class);
        // Another caller, and another operation of the same caller, have windows of their own.
        first.acquire("objection", caller + "-other", 10);
        second.acquire("calculate", caller, 10);
        // A caller name longer than a key should hold is hashed, and counted the same way.
        String longCaller = "x".repeat(5_000) + UUID.randomUUID();
        first.acquire("objection", longCaller, 1);
        assertThatThrownBy(() -> second.acquire("objection", longCaller, 1)).isInstanceOf(ProblemException.class);
    }
}
