package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.engine.model.Money;

/**
 * An enterprise's balances, derived from its entries, never stored. The held total is computed twice: by replaying
 * each application's entries from their typed amounts ({@code proposedHeld + grantedHeld}), and as the sum of the
 * entries' {@code heldDelta} that the caps read ({@code heldByEntries}); {@code balanced} says they agree.
 */
@Schema(name = "Balances")
public record Balances(
        @Schema(type = SchemaType.STRING, description = "Proposed, not yet granted, still holding cap room") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal proposedHeld,
        @Schema(type = SchemaType.STRING, description = "Granted, less reversals and clawbacks") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedHeld,
        @Schema(type = SchemaType.STRING, description = "proposedHeld + grantedHeld") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal held,
        @Schema(type = SchemaType.STRING, description = "The sum of every entry's heldDelta, what caps count") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal heldByEntries,
        boolean balanced,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal proposed,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal granted,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disbursed,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal clawedBack,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal released,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal topUps,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reversals) {

    /** Replays the entries (in the order written) of each application from their kinds and amounts. */
    static Balances of(List<LedgerEntryEntity> entries, BigDecimal heldByEntries) {
        Map<UUID, BigDecimal> held = new HashMap<>();
        Set<UUID> grantedApps = new HashSet<>();
        BigDecimal proposed = Money.ZERO, granted = Money.ZERO, disbursed = Money.ZERO, clawedBack = Money.ZERO,
                released = Money.ZERO, topUps = Money.ZERO, reversals = Money.ZERO;
        for (LedgerEntryEntity e : entries) {
            BigDecimal now = held.getOrDefault(e.applicationId, Money.ZERO);
            switch (e.kind) {
                case LedgerEntryEntity.PROPOSED -> {
                    proposed = proposed.add(e.amount);
                    now = e.amount;
                }
                case LedgerEntryEntity.GRANTED -> {
                    granted = granted.add(e.amount);
                    grantedApps.add(e.applicationId);
                    now = e.amount;
                }
                case LedgerEntryEntity.RELEASED -> {
                    released = released.add(e.amount);
                    now = Money.ZERO;
                }
                case LedgerEntryEntity.TOP_UP -> {
                    topUps = topUps.add(e.amount);
                    now = now.add(e.amount);
                }
                case LedgerEntryEntity.REVERSAL -> {
                    reversals = reversals.add(e.amount);
                    now = now.subtract(e.amount).max(Money.ZERO);
                }
                case LedgerEntryEntity.CLAWED_BACK -> {
                    clawedBack = clawedBack.add(e.amount);
                    now = now.subtract(e.amount).max(Money.ZERO);
                }
                case LedgerEntryEntity.DISBURSED -> disbursed = disbursed.add(e.amount);
                default -> throw new IllegalStateException("unknown entry kind " + e.kind);
            }
            held.put(e.applicationId, now);
        }
        BigDecimal proposedHeld = Money.ZERO, grantedHeld = Money.ZERO;
        for (Map.Entry<UUID, BigDecimal> h : held.entrySet()) {
            if (grantedApps.contains(h.getKey())) {
                grantedHeld = grantedHeld.add(h.getValue());
            } else {
                proposedHeld = proposedHeld.add(h.getValue());
            }
        }
        BigDecimal total = proposedHeld.add(grantedHeld);
        return new Balances(proposedHeld, grantedHeld, total, heldByEntries, total.compareTo(heldByEntries) == 0,
                proposed, granted, disbursed, clawedBack, released, topUps, reversals);
    }
}
