package org.pdcaledger.query.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the event store schema in the test's in-memory H2 database, as command-service does at start in a real
 * deployment (the migrations ship in service-support).
 */
public class EventStoreSchema implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return bean;
    }
}
