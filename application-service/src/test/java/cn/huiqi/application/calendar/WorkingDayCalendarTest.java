package cn.huiqi.application.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.bundled();

    @Test
    void holidays_are_not_working_days_and_make_up_weekends_are() {
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆节").isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked for 国庆").isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday worked before 春节").isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 2, 23))).as("a Monday inside 春节").isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 11, 23))).as("an ordinary Monday").isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2025, 1, 26))).as("Sunday worked before 春节 2025").isTrue();
    }

    @Test
    void a_public_notice_of_five_working_days_skips_the_national_day_holiday() {
        assertThat(CAL.periodEnd(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(CAL.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(5);
    }

    @Test
    void an_ordinary_week_is_five_working_days() {
        // Monday 2026-11-23 → Friday 2026-11-27
        assertThat(CAL.periodEnd(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        // published on a Saturday: the count starts on Monday
        assertThat(CAL.periodEnd(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void a_year_without_data_is_refused_not_guessed() {
        assertThatThrownBy(() -> CAL.periodEnd(LocalDate.of(2026, 12, 28), 5))
                .isInstanceOf(WorkingDayCalendar.CalendarUnknownException.class)
                .hasMessageContaining("no data for 2027").hasMessageContaining("add that year's holiday notice");
    }

    @Test
    void bad_data_is_refused_with_every_problem() {
        assertThatThrownBy(() -> WorkingDayCalendar.parse("""
                years:
                  2027:
                    holidays:
                      - {name: 元旦, from: 2027-01-01, to: 2026-12-31}
                      - {name: 春节, from: 2028-02-01, to: 2028-02-01}
                    working_weekends: [2027-01-04, 2027-01-02, notadate]
                """, "test.yaml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("years.2027.source: name the notice")
                .hasMessageContaining("元旦: ends before it starts")
                .hasMessageContaining("2028-02-01 is outside 2027")
                .hasMessageContaining("2027-01-04 is a MONDAY, not a weekend day")
                .hasMessageContaining("'notadate' is not a date");
    }
}
