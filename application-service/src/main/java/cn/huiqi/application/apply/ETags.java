package cn.huiqi.application.apply;

import java.util.List;
import java.util.Map;

import cn.huiqi.support.problem.ProblemException;

/** The application's version as an ETag, read back from If-Match. */
public final class ETags {

    private ETags() {
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3; none → null; anything else is a 400. */
    public static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "validation", "Invalid If-Match",
                    "If-Match must be the ETag of the application, e.g. \"3\", not " + ifMatch,
                    Map.of("violations", List.of(Map.of("field", "If-Match", "message", "not an ETag"))));
        }
    }
}
