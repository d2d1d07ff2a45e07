package dev.likeness.common;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.util.function.BooleanSupplier;

/**
 * A production start without a database URL otherwise fails with Quarkus's "Bean is not active:
 * SYNTHETIC bean ... AgroalDataSource", which does not say what to set. This fails at the first read
 * of the URL with the variable's name instead. Dev and test have their own URL; the build, which
 * also reads configuration, is left alone.
 */
@Priority(Priorities.APPLICATION)
public class DatasourceUrlRequirement implements ConfigSourceInterceptor {

    static final String URL = "quarkus.datasource.jdbc.url";

    private final BooleanSupplier runningInProduction;

    public DatasourceUrlRequirement() {
        this(() -> LaunchMode.current() == LaunchMode.NORMAL && ExecutionMode.current() != ExecutionMode.UNSET);
    }

    DatasourceUrlRequirement(BooleanSupplier runningInProduction) {
        this.runningInProduction = runningInProduction;
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (URL.equals(name) && (value == null || value.getValue() == null || value.getValue().isBlank())
                && runningInProduction.getAsBoolean()) {
            throw new InvalidSettingException(URL, "is not set: set QUARKUS_DATASOURCE_JDBC_URL to the PostgreSQL "
                    + "database, e.g. jdbc:postgresql://db.example.internal:5432/likeness, with "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
        }
        return value;
    }
}
