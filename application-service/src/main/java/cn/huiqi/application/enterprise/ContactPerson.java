package cn.huiqi.application.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The enterprise's contact person: personal data, shown in full to the enterprise and systems, masked to officials. */
@Schema(name = "ContactPerson")
public record ContactPerson(
        @Schema(example = "张伟") @NotBlank @Size(max = 50) String name,
        @Schema(description = "A mainland mobile number (11 digits, 1[3-9]...) or a landline with its area code", example = "13812345678") @Pattern(regexp = MOBILE
                + "|"
                + LANDLINE, message = "must be a mainland mobile number (1[3-9] and 9 digits) or a landline such as 0431-81234567") String phone,
        @Schema(example = "zhang.wei@example.com") @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") @Size(max = 200) String email) {

    static final String MOBILE = "1[3-9]\\d{9}";
    static final String LANDLINE = "0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";

    Map<String, String> toColumn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name.strip());
        m.put("phone", phone);
        m.put("email", email);
        return m;
    }

    static ContactPerson ofColumn(Map<String, String> column) {
        return column == null ? null : new ContactPerson(column.get("name"), column.get("phone"), column.get("email"));
    }

    /** As an official sees it without asking: 张**, 138****5678, z***@example.com. */
    ContactPerson masked() {
        return new ContactPerson(maskName(name), maskPhone(phone), maskEmail(email));
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
