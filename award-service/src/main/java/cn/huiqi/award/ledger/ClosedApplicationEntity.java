package cn.huiqi.award.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application withdrawn or rejected before its proposal arrived: no proposal is made for it afterwards. */
@Entity
@Table(name = "closed_application")
public class ClosedApplicationEntity {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    public String state;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
}
