package cn.huiqi.award.ledger;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enterprise's ledger: its balances over all entries and one page of entries, newest first. */
@Schema(name = "Ledger")
public record LedgerView(String uscc, Balances balances, List<LedgerEntryView> entries) {
}
