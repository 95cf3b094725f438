package cn.huiqi.award.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A department's fund for one year: the total its clauses' grants may commit. */
@Entity
@Table(name = "fund")
public class FundEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String department;

    public int year;

    public BigDecimal total;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
