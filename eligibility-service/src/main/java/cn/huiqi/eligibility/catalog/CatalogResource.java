package cn.huiqi.eligibility.catalog;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.problem.ProblemException;

/** The policy catalog: documents and their clauses, read-only. */
@Path("/api/v1")
@Tag(name = "catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final PolicyCatalog catalog;

    public CatalogResource(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/policies")
    @Operation(operationId = "listPolicies", summary = "Every policy document in the catalog with its clauses")
    public List<PolicyView> policies() {
        return catalog.pack().policies().stream().map(PolicyView::of).toList();
    }

    @GET
    @Path("/clauses/{clauseId}")
    @Operation(operationId = "getClause", summary = "One clause with its original sentence")
    @APIResponse(responseCode = "404", description = "No such clause")
    public PolicyView.ClauseView clause(@PathParam("clauseId") String clauseId) {
        return catalog.clause(clauseId).map(PolicyView.ClauseView::of)
                .orElseThrow(() -> ProblemException.notFound("clause", clauseId));
    }
}
