package cn.huiqi.application.window;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 申报期: when a clause takes applications for a year. */
@Entity
@Table(name = "application_window")
@IdClass(ApplicationWindowEntity.Key.class)
public class ApplicationWindowEntity extends PanacheEntityBase {

    @Id
    @Column(name = "clause_id")
    public String clauseId;

    @Id
    public int year;

    @Column(name = "opens_on")
    public LocalDate opensOn;

    @Column(name = "closes_on")
    public LocalDate closesOn;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public OffsetDateTime setAt;

    /** The composite key. */
    public record Key(String clauseId, int year) implements Serializable {

        public Key() {
            this(null, 0);
        }
    }
}
