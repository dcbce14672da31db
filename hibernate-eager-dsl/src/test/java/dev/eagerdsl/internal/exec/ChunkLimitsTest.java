package dev.eagerdsl.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.RelatedException;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SQLServerDialect;
import org.junit.jupiter.api.Test;

/** No prefetch statement ever exceeds a database's IN-list or bind-parameter limit. */
class ChunkLimitsTest {

    @Test
    void defaultWhereTheDatabaseSetsNoTighterLimit() {
        assertThat(ChunkLimits.ownersPerStatement(new PostgreSQLDialect(), 1, null)).isEqualTo(1000);
        assertThat(ChunkLimits.ownersPerStatement(new MariaDBDialect(), 1, null)).isEqualTo(1000);
        assertThat(ChunkLimits.ownersPerStatement(new MySQLDialect(), 1, null)).isEqualTo(1000);
    }

    @Test
    void oracleInListLimitOfOneThousand() {
        // Oracle: 1,000 IN items (ORA-01795); Hibernate reports 1,000 parameters too, 100 are kept for the user's own
        assertThat(ChunkLimits.ownersPerStatement(new OracleDialect(), 1, "5000")).isEqualTo(900);
    }

    @Test
    void sqlServerParameterLimitLeavesRoomForUserParameters() {
        // Hibernate reports 2,048 bind parameters for SQL Server (the driver's limit is 2,100)
        assertThat(ChunkLimits.ownersPerStatement(new SQLServerDialect(), 1, "5000")).isEqualTo(1948);
        // composite keys bind several parameters per owner
        assertThat(ChunkLimits.ownersPerStatement(new SQLServerDialect(), 2, "5000")).isEqualTo(974);
    }

    @Test
    void postgresqlBindParameterLimit() {
        assertThat(ChunkLimits.ownersPerStatement(new PostgreSQLDialect(), 1, "100000")).isEqualTo(32667);
    }

    @Test
    void mariadbAndMysqlBindParameterLimit() {
        // Hibernate reports no limit for either; their protocol's is 65,535 parameters per prepared statement
        assertThat(ChunkLimits.ownersPerStatement(new MariaDBDialect(), 1, "100000")).isEqualTo(65435);
        assertThat(ChunkLimits.ownersPerStatement(new MySQLDialect(), 1, "100000")).isEqualTo(65435);
        assertThat(ChunkLimits.ownersPerStatement(new MariaDBDialect(), 2, "100000")).isEqualTo(32717);
    }

    @Test
    void h2TakesShortListsBecauseItChecksAnInListItemByItemOnEveryRow() {
        assertThat(ChunkLimits.ownersPerStatement(new H2Dialect(), 1, null)).isEqualTo(16);
        assertThat(ChunkLimits.ownersPerStatement(new H2Dialect(), 2, null)).isEqualTo(16);
    }

    @Test
    void configuredChunkSizeIsUsedWithinTheLimits() {
        assertThat(ChunkLimits.ownersPerStatement(new H2Dialect(), 1, "250")).isEqualTo(250);
    }

    @Test
    void aSettingThatIsNoNumberOfAtLeastOneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ChunkLimits.ownersPerStatement(new H2Dialect(), 1, "not a number"))
                .isInstanceOf(RelatedException.class)
                .hasMessage("eagerdsl.in_chunk_size=not a number (the Hibernate setting) is not a number of owners per statement: set a"
                        + " whole number of at least 1, or remove it for the default (16 on this database: 1000 on most, 16 on H2).");
        assertThatThrownBy(() -> ChunkLimits.ownersPerStatement(new PostgreSQLDialect(), 1, "0"))
                .isInstanceOf(RelatedException.class)
                .hasMessageStartingWith("eagerdsl.in_chunk_size=0 (the Hibernate setting) is not a number of owners per statement")
                .hasMessageEndingWith("(1000 on this database: 1000 on most, 16 on H2).");
    }
}
