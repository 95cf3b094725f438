package cn.huiqi.support.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Decimal numbers in request bodies become {@link java.math.BigDecimal}, never {@code double}: a claim's 0.61 or
 * 1234567.89 reaches the policy engine exactly as it was sent (the engine refuses binary floats).
 */
@Singleton
public class DecimalJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** The settings every JSON mapping of Huiqi shares: the REST layer's and the database columns'. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
