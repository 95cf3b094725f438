package cn.huiqi.application.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 失信: an enterprise's entry on a list of dishonest entities, as a government system reported it. */
@Entity
@Table(name = "credit_record")
public class CreditRecordEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String uscc;

    @Column(name = "list_name")
    public String listName;

    public String authority;

    public String reference;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    /** The last day on the list; null while it lasts. */
    @Column(name = "listed_until")
    public LocalDate listedUntil;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The day a system reported the record ended (lifted early); null while it runs its course. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "end_reason")
    public String endReason;

    /** The last day on the list: the earlier of listedUntil and endedOn; null while it lasts. */
    public LocalDate lastDay() {
        if (endedOn == null) {
            return listedUntil;
        }
        return listedUntil == null || endedOn.isBefore(listedUntil) ? endedOn : listedUntil;
    }

    /** Whether the record blocks applications on {@code day}. */
    public boolean blocksOn(LocalDate day) {
        LocalDate last = lastDay();
        return !listedOn.isAfter(day) && (last == null || !last.isBefore(day));
    }
}
