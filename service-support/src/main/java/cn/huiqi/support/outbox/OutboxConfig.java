package cn.huiqi.support.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay runs in this service ({@code huiqi.outbox.*}). */
@ConfigMapping(prefix = "huiqi.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all; tests switch it off to play "the relay died after the commit". */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between polls when the outbox is empty. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Events published per batch (one broker round-trip and one update). */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker's acknowledgement of a batch before trying again. */
    @WithDefault("30s")
    Duration sendTimeout();
}
