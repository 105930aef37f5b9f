package org.pdcaledger.command.eventstore;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The event-store contract on H2, the embedded default (in memory here; the schema and SQL are the same as the
 * file database that embedded-stores serves).
 */
class H2EventStoreContractTest extends EventStoreContract {

    @Override
    protected DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
