package cn.huiqi.eligibility.calculator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.RateLimiter;
import cn.huiqi.support.security.Roles;

/** 政策计算器: what could this enterprise get, and what stands in the way. */
@Path("/api/v1/calculator")
@Tag(name = "calculator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalculatorResource {

    private final Calculator calculator;
    private final Caller caller;
    private final RateLimiter rateLimiter;
    private final int perMinute;

    public CalculatorResource(Calculator calculator, Caller caller, RateLimiter rateLimiter,
            @ConfigProperty(name = "huiqi.rate-limit.calculator.per-minute") int perMinute) {
        this.calculator = calculator;
        this.caller = caller;
        this.rateLimiter = rateLimiter;
        this.perMinute = perMinute;
    }

    @POST
    @Operation(operationId = "calculate", summary = "Judge facts against every clause (政策计算器)", description = "Every clause, or the listed ones, with eligible / incomplete / not_eligible, the amount and"
            + " its trace, the missing facts and each condition explained. Paying clauses first, then near"
            + " misses. Writes nothing; ignores awards already received.")
    @APIResponse(responseCode = "200", description = "Every clause judged")
    @APIResponse(responseCode = "422", description = "Unknown enterprise or clause, or facts that do not fit the vocabulary")
    @APIResponse(responseCode = "429", description = "More calls than the per-caller limit (huiqi.rate-limit.calculator.per-minute); Retry-After says when to retry")
    @Authenticated
    public CalculatorResult calculate(@Valid @NotNull CalculatorRequest request) {
        rateLimiter.acquire("calculate", caller.subject(), perMinute);
        if (request.uscc() != null && !request.uscc().isBlank() && caller.is(Roles.ENTERPRISE)) {
            // An enterprise may lend only its own registered facts to the calculator.
            caller.mayRead(request.uscc(), () -> Calculator.unknownEnterprise(request.uscc()));
        }
        return calculator.calculate(request);
    }
}
