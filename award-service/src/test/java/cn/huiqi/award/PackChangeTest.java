package cn.huiqi.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.huiqi.award.ledger.AwardService;
import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestUscc;

/**
 * A new pack version in which 门头沟 AI 6a pays up to 360,000 (was 300,000) and 6b up to 150,000 (was 200,000): what
 * award-service does at start with it (the same method its startup calls), against the awards computed with the
 * current pack.
 */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class PackChangeTest {

    private static final String NEW_VERSION = "sha256:" + "ab".repeat(32);

    @Inject
    AwardService awards;

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    @Test
    void theOpenAwardsOfChangedClausesAreRecomputedOnceWithTheReason() throws Exception {
        UUID raised = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID unchanged = UUID.randomUUID();
        String first = TestUscc.random();
        String second = TestUscc.random();
        deliver(true, Events.chosen(first, raised, 2025, Events.PARTNER));
        deliver(true, Events.talent(first, unchanged, 2026, 1, 0, 0));
        deliver(true, Events.chosen(second, paid, 2025, Events.KEY_AI));
        deliver(false, Events.approved(second, paid, Events.KEY_AI, 2025, "200000.00"));
        deliver(false, Events.disbursed(second, paid, Events.KEY_AI, 2025, "200000.00"));
        String third = TestUscc.random();
        deliver(true, Events.chosen(third, withdrawn, 2025, Events.KEY_AI));
        deliver(false, Events.withdrawn(third, withdrawn, Events.KEY_AI, 2025));
        String oldVersion = LedgerRaceTest.award(raised).getString("packVersion");

        PolicyPack changed = changedPack();
        awards.recomputeForPack(changed, NEW_VERSION);

        String reason = "政策包版本变更 " + oldVersion.substring(7, 19) + "→" + "ab".repeat(6);
        JsonPath topUp = LedgerRaceTest.award(raised);
        assertThat(topUp.getList("entries.kind")).containsExactly("PROPOSED", "TOP_UP");
        assertThat(topUp.getString("entries[1].amount")).isEqualTo("60000.00");
        assertThat(topUp.getString("entries[1].reason")).isEqualTo(reason);
        assertThat(topUp.getString("held")).isEqualTo("360000.00");
        JsonPath clawback = LedgerRaceTest.award(paid);
        assertThat(clawback.getList("entries.kind")).containsExactly("PROPOSED", "GRANTED", "DISBURSED",
                "CLAWED_BACK");
        assertThat(clawback.getString("entries[3].amount")).isEqualTo("50000.00");
        assertThat(clawback.getString("entries[3].reason")).isEqualTo(reason);
        assertThat(clawback.getString("held")).isEqualTo("150000.00");
        assertThat(LedgerRaceTest.award(withdrawn).getList("entries.kind")).containsExactly("PROPOSED", "RELEASED");
        assertThat(LedgerRaceTest.award(unchanged).getList("entries")).hasSize(1);
        assertThat(LedgerRaceTest.ledger(first).getBoolean("balances.balanced")).isTrue();
        assertThat(LedgerRaceTest.ledger(second).getBoolean("balances.balanced")).isTrue();

        // a restart with the same pack writes nothing more
        awards.recomputeForPack(changed, NEW_VERSION);
        assertThat(LedgerRaceTest.award(raised).getList("entries")).hasSize(2);
        assertThat(LedgerRaceTest.award(paid).getList("entries")).hasSize(4);
        // and the current pack, for the awards it did not compute, changes nothing either
        awards.recomputeForPack(awards.pack(), awards.packVersion());
        assertThat(LedgerRaceTest.award(unchanged).getList("entries")).hasSize(1);
    }

    private void deliver(boolean determination, EventEnvelope event) {
        if (determination) {
            eligibility.onEligibility(EventCodec.encode(event));
        } else {
            applications.onApplication(EventCodec.encode(event));
        }
    }

    /** The repository's pack with the two fixed amounts of 第六条 changed, loaded from a copy. */
    private static PolicyPack changedPack() throws IOException {
        Path source = Path.of("..", "policies");
        Path copy = Files.createTempDirectory("huiqi-pack-v2");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path mentougou = copy.resolve("cn-bj-mentougou-ai.yaml");
        String yaml = Files.readString(mentougou);
        assertThat(yaml).contains("          amount: 300000\n").contains("          amount: 200000\n");
        Files.writeString(mentougou, yaml.replace("          amount: 300000\n", "          amount: 360000\n")
                .replace("          amount: 200000\n", "          amount: 150000\n"));
        return PolicyPackLoader.fromDirectory(copy);
    }
}
