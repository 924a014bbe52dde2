package vn.phaodai.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL and points the data source at it, unless the standard
 * {@code spring.datasource.url} names an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    EmbeddedPostgres embeddedPostgres(@Value("${phaodai.data-dir:./data}") Path dataDir,
                                      EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, properties.port(),
                properties.settings(), properties.serverVersion());
        server.createDatabase(properties.database());
        return server;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres server, EmbeddedDatabaseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(properties.database()));
        ds.setUsername(server.username());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(properties.poolSize());
        ds.setPoolName("phaodai-embedded");
        return ds;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
