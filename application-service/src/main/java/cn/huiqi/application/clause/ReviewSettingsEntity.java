package cn.huiqi.application.clause;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How a clause's applications are reviewed: the 公示 length and whether experts review them. */
@Entity
@Table(name = "clause_review_settings")
public class ReviewSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "clause_id")
    public String clauseId;

    @Column(name = "public_notice_working_days")
    public int publicNoticeWorkingDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "expert_review")
    public ExpertReview expertReview;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public OffsetDateTime setAt;
}
