package cn.huiqi.events.payload;

import java.time.LocalDate;

/** 失信: one of an enterprise's records on a list of dishonest entities; {@code listedUntil} null while it lasts. */
public record EnterpriseCreditPeriodV1(String listName, String authority, LocalDate listedOn, LocalDate listedUntil) {
}
