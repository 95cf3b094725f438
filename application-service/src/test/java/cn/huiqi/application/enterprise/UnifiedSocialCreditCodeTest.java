package cn.huiqi.application.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiqi.infra.TestUscc;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91350100M000100Y43", "91220101MA0Y5CGQ2L"})
    void acceptsValidCodes(String code) {
        assertThat(UnifiedSocialCreditCode.check(code)).isEmpty();
    }

    @Test
    void acceptsEveryGeneratedCode() {
        for (int i = 0; i < 1000; i++) {
            String code = TestUscc.random();
            assertThat(UnifiedSocialCreditCode.check(code)).as(code).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "91110000600037341, length",
            "91110000600037341LX, length",
            "91110000600O37341L, charset",
            "9111000060003734IL, charset",
            "91AB0000600037341L, division-code",
            "91110000600037342L, organization-code-check",
            "91110000600037341M, check-digit",
            "91220101MA0Y5CGQ2K, check-digit"})
    void namesTheBrokenRule(String code, String rule) {
        assertThat(UnifiedSocialCreditCode.check(code)).get()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(rule))
                .satisfies(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void checkDigitMessageSaysWhatWasExpected() {
        assertThat(UnifiedSocialCreditCode.check("91110000600037341M")).get()
                .extracting(UnifiedSocialCreditCode.Violation::message)
                .isEqualTo("character 18 is the check character (GB 32100-2015): expected 'L', got 'M'");
    }

    @Test
    void normalizeTrimsAndUpperCases() {
        assertThat(UnifiedSocialCreditCode.normalize(" 91110000600037341l ")).isEqualTo("91110000600037341L");
    }
}
