package cn.huiqi.eligibility.calculator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 政策计算器: what could this enterprise get, and what stands in the way. */
@Path("/api/v1/calculator")
@Tag(name = "calculator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalculatorResource {

    private final Calculator calculator;

    public CalculatorResource(Calculator calculator) {
        this.calculator = calculator;
    }

    @POST
    @Operation(operationId = "calculate", summary = "Judge facts against every clause (政策计算器)", description = "Every clause, or the listed ones, with eligible / incomplete / not_eligible, the amount and"
            + " its trace, the missing facts and each condition explained. Paying clauses first, then near"
            + " misses. Writes nothing; ignores awards already received.")
    @APIResponse(responseCode = "200", description = "Every clause judged")
    @APIResponse(responseCode = "422", description = "Unknown enterprise or clause, or facts that do not fit the vocabulary")
    public CalculatorResult calculate(@Valid @NotNull CalculatorRequest request) {
        return calculator.calculate(request);
    }
}
