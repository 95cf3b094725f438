package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The officials' filters on applications; every one optional, all of them combined. */
public class ApplicationQuery {

    @QueryParam("clauseId")
    @Parameter(description = "Only this clause", example = "ccxq-2023-11.12")
    public String clauseId;

    @QueryParam("state")
    @Parameter(description = "Only this lifecycle state", example = "PUBLIC_NOTICE")
    public String state;

    @QueryParam("department")
    @Parameter(description = "Only clauses this department is responsible for", example = "人社局")
    public String department;

    @QueryParam("submittedFrom")
    @Parameter(description = "Submitted on or after this day (China time)", example = "2026-01-01")
    public LocalDate submittedFrom;

    @QueryParam("submittedTo")
    @Parameter(description = "Submitted on or before this day (China time)", example = "2026-12-31")
    public LocalDate submittedTo;

    @QueryParam("minAmount")
    @Parameter(description = "Proposed amount at least (CNY)", example = "10000.00")
    public BigDecimal minAmount;

    @QueryParam("maxAmount")
    @Parameter(description = "Proposed amount at most (CNY)", example = "500000.00")
    public BigDecimal maxAmount;
}
