package cn.huiqi.eligibility.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.Validity;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Paging;

/** The policy catalog: documents and their clauses, read-only, for every authenticated caller. */
@Path("/api/v1")
@Authenticated
@Tag(name = "catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final PolicyCatalog catalog;

    public CatalogResource(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/policies")
    @Operation(operationId = "listPolicies", summary = "Policy documents in the catalog with their clauses", description = "Filters combine: region code, status (in_force, draft_for_comment, ...), in force on a date,"
            + " industry (the documents supporting it and those open to every industry), and q, a text searched in"
            + " titles, document numbers and clause sentences.")
    public List<PolicyView> policies(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("inForceOn") LocalDate inForceOn, @QueryParam("q") String q,
            @Parameter(description = "Industry code, e.g. artificial_intelligence") @QueryParam("industry") String industry,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        String industryCode = industry == null ? null : knownIndustry(industry);
        return catalog.pack().policies().stream()
                .filter(p -> region == null || p.region().code().equals(region))
                .filter(p -> status == null || p.validity().status().code().equals(status))
                .filter(p -> inForceOn == null || inForce(p, inForceOn))
                .filter(p -> industryCode == null || supports(p, industryCode))
                .filter(p -> q == null || contains(p.title(), q) || p.documentNumber().contains(q)
                        || p.clauses().stream().anyMatch(c -> matches(c, q)))
                .skip(offset).limit(limit).map(PolicyView::of).toList();
    }

    @GET
    @Path("/clauses")
    @Operation(operationId = "searchClauses", summary = "Clauses of the catalog, filtered", description = "policyId, region code, department (text in the responsible department's name, e.g. 科技局),"
            + " delivery (application or automatic), industry, in force on a date, and q searched in titles and the"
            + " clauses' sentences.")
    public List<PolicyView.ClauseView> clauses(@QueryParam("policyId") String policyId,
            @QueryParam("department") String department, @QueryParam("delivery") String delivery,
            @QueryParam("q") String q, @QueryParam("region") String region,
            @Parameter(description = "Industry code, e.g. artificial_intelligence") @QueryParam("industry") String industry,
            @QueryParam("inForceOn") LocalDate inForceOn,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        String industryCode = industry == null ? null : knownIndustry(industry);
        // filter and page on the clauses; only the page is turned into views (with their encodings)
        return catalog.pack().policies().stream()
                .filter(p -> region == null || p.region().code().equals(region))
                .filter(p -> industryCode == null || supports(p, industryCode))
                .filter(p -> inForceOn == null || inForce(p, inForceOn))
                .flatMap(p -> p.clauses().stream()
                        .filter(c -> policyId == null || c.policyId().equals(policyId))
                        .filter(c -> department == null || contains(c.department(), department))
                        .filter(c -> delivery == null || c.delivery().code().equals(delivery))
                        .filter(c -> q == null || matches(c, q))
                        .map(c -> Map.entry(c, p)))
                .skip(offset).limit(limit).map(e -> PolicyView.ClauseView.of(e.getKey(), e.getValue())).toList();
    }

    /** The code, if the pack classifies policies under it; otherwise a 400 naming the known codes. */
    private String knownIndustry(String code) {
        if (!catalog.pack().industries().containsKey(code)) {
            throw new ProblemException(400, "unknown-industry", "Unknown industry",
                    "no industry '" + code + "'; known: " + String.join(", ", catalog.pack().industries().keySet()),
                    Map.of("industry", code));
        }
        return code;
    }

    /** A policy supports the industry it is classified under, and every industry when it is classified under none. */
    private static boolean supports(Policy p, String industry) {
        return p.industries().isEmpty() || p.industries().contains(industry);
    }

    private static boolean inForce(Policy p, LocalDate day) {
        Validity v = p.validity();
        return v.status() == PolicyStatus.IN_FORCE
                && v.effectiveFrom().map(from -> !day.isBefore(from)).orElse(true)
                && v.effectiveUntil().map(until -> !day.isAfter(until)).orElse(true);
    }

    private static boolean matches(Clause c, String q) {
        return contains(c.title(), q) || c.source().contains(q);
    }

    private static boolean contains(Bilingual text, String q) {
        return text.zh().contains(q) || text.en().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    @GET
    @Path("/clauses/{clauseId}")
    @Operation(operationId = "getClause", summary = "One clause with its original sentence")
    @APIResponse(responseCode = "404", description = "No such clause")
    public PolicyView.ClauseView clause(@PathParam("clauseId") String clauseId) {
        return catalog.clause(clauseId)
                .map(c -> PolicyView.ClauseView.of(c, catalog.pack().policy(c.policyId()).orElseThrow()))
                .orElseThrow(() -> ProblemException.notFound("clause", clauseId));
    }
}
