package dev.eagerdsl.bench.support;

import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** Table names in lower case ({@code Book} → {@code book}), for a MariaDB server that compares them case-sensitively. */
final class LowerCaseTables extends PhysicalNamingStrategyStandardImpl {

    private static final long serialVersionUID = 1L;

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment context) {
        return name == null ? null : Identifier.toIdentifier(name.getText().toLowerCase(Locale.ROOT), name.isQuoted());
    }
}
