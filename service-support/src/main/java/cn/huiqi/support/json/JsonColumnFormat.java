package cn.huiqi.support.json;

import jakarta.inject.Singleton;

import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How JSON columns ({@code jsonb}: claims, facts, reasons, traces) are written and read: a mapper of their own,
 * independent of the REST layer's, with decimals read back as {@link java.math.BigDecimal} so a fact stored and read
 * again is the same exact value.
 */
@Singleton
@JsonFormat
@PersistenceUnitExtension
public class JsonColumnFormat extends JacksonJsonFormatMapper {

    public JsonColumnFormat() {
        super(DecimalJson.configure(new ObjectMapper())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }
}
