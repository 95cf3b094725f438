package cn.huiqi.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Department scoping. A clause names its responsible departments in {@code department.zh}, several separated by 、
 * or ，(e.g. "市科技局、市财政局"); an official's token lists department names spelled the same way. Names match
 * exactly: 科技局 (a district bureau) is not 市科技局 (the municipal one).
 */
public final class Departments {

    private Departments() {
    }

    /** The departments a clause's {@code department.zh} names. */
    public static List<String> of(String clauseDepartment) {
        if (clauseDepartment == null) {
            return List.of();
        }
        return Arrays.stream(clauseDepartment.split("[、，,;；]")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Whether one of {@code officialDepartments} is responsible for the clause. */
    public static boolean covers(Collection<String> officialDepartments, String clauseDepartment) {
        List<String> responsible = of(clauseDepartment);
        return officialDepartments.stream().map(String::strip).anyMatch(responsible::contains);
    }
}
