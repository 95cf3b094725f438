package cn.huiqi.application.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Working days in China: Monday to Friday, less the public holidays, plus the weekend days worked in their place
 * (调休). The data are the State Council's yearly notices, kept as a file operators update; a date in a year the file
 * does not list is refused, never guessed.
 */
public final class WorkingDayCalendar {

    /** The calendar data shipped with the service. */
    public static final String BUNDLED = "calendar/cn-working-days.yaml";

    /** A holiday as the notice names it. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    private final Map<Integer, String> sources;
    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> workingWeekends;

    private WorkingDayCalendar(Map<Integer, String> sources, Map<LocalDate, String> holidays,
            Set<LocalDate> workingWeekends) {
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        this.holidays = Map.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    /** The calendar shipped with the service. */
    public static WorkingDayCalendar bundled() {
        try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("calendar data not on the classpath: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar from an operator's file. */
    public static WorkingDayCalendar fromFile(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses calendar data: {@code years: {2026: {source, holidays: [{name, from, to}], working_weekends: [...]}}}.
     *
     * @throws IllegalArgumentException naming every problem found (a holiday outside its year, a make-up day that
     *         is not a weekend, a day both a holiday and a working day, …)
     */
    public static WorkingDayCalendar parse(String yaml, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not valid YAML: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> sources = new HashMap<>();
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<LocalDate> working = new HashSet<>();
        JsonNode years = root == null ? null : root.get("years");
        if (years == null || !years.isObject() || years.isEmpty()) {
            throw new IllegalArgumentException(
                    where + ": expected years: {<year>: {source, holidays, working_weekends}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = years.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int year;
            try {
                year = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                problems.add("years." + e.getKey() + ": not a year");
                continue;
            }
            JsonNode y = e.getValue();
            String source = y.path("source").asText("");
            if (source.isBlank()) {
                problems.add("years." + year + ".source: name the notice the dates come from");
            }
            sources.put(year, source);
            for (JsonNode h : y.path("holidays")) {
                LocalDate from = date(h.path("from"), "years." + year + ".holidays.from", problems);
                LocalDate to = date(h.path("to"), "years." + year + ".holidays.to", problems);
                String name = h.path("name").asText("");
                if (from == null || to == null) {
                    continue;
                }
                if (to.isBefore(from)) {
                    problems.add("years." + year + " " + name + ": ends before it starts");
                    continue;
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (d.getYear() != year) {
                        problems.add("years." + year + " " + name + ": " + d + " is outside " + year);
                    }
                    holidays.put(d, name);
                }
            }
            for (JsonNode w : y.path("working_weekends")) {
                LocalDate d = date(w, "years." + year + ".working_weekends", problems);
                if (d == null) {
                    continue;
                }
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    problems.add("years." + year + ".working_weekends: " + d + " is a " + d.getDayOfWeek()
                            + ", not a weekend day");
                }
                working.add(d);
            }
        }
        for (LocalDate d : working) {
            if (holidays.containsKey(d)) {
                problems.add(d + " is both a holiday (" + holidays.get(d) + ") and a make-up working day");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        }
        return new WorkingDayCalendar(sources, holidays, working);
    }

    private static LocalDate date(JsonNode n, String path, List<String> problems) {
        try {
            return LocalDate.parse(n.asText());
        } catch (RuntimeException e) {
            problems.add(path + ": '" + n.asText() + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    /** The years the calendar knows. */
    public Set<Integer> years() {
        return sources.keySet();
    }

    /**
     * Whether the day is a working day.
     *
     * @throws CalendarUnknownException for a day in a year the calendar does not list
     */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (!sources.containsKey(day.getYear())) {
            throw new CalendarUnknownException(day.getYear(), years());
        }
        if (workingWeekends.contains(day)) {
            return true;
        }
        if (holidays.containsKey(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a period of {@code workingDays} working days that starts on {@code first} (counted if it is a
     * working day), e.g. a 公示 of 5 working days published on Wednesday 2026-09-30 ends on Monday 2026-10-12: the
     * National Day holiday 10-01 to 10-07 does not count, Saturday 10-10 (调休上班) does.
     */
    public LocalDate periodEnd(LocalDate first, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a period lasts at least one working day, got " + workingDays);
        }
        LocalDate d = first;
        int counted = 0;
        while (true) {
            if (isWorkingDay(d)) {
                counted++;
                if (counted == workingDays) {
                    return d;
                }
            }
            d = d.plusDays(1);
        }
    }

    /** The working days from {@code from} to {@code to}, both included. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Asked about a year the calendar data do not cover. */
    public static final class CalendarUnknownException extends IllegalStateException {

        private final int year;

        CalendarUnknownException(int year, Set<Integer> known) {
            super("the working-day calendar has no data for " + year + " (it knows " + known
                    + "); add that year's holiday notice to the calendar file");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }
}
