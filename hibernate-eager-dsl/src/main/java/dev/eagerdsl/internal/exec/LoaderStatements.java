package dev.eagerdsl.internal.exec;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.SubselectFetch;
import org.hibernate.loader.ast.internal.CollectionBatchLoaderArrayParam;
import org.hibernate.loader.ast.internal.CollectionBatchLoaderInPredicate;
import org.hibernate.loader.ast.spi.CollectionBatchLoader;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SqlTypedMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.internal.BaseExecutionContext;
import org.hibernate.sql.exec.internal.JdbcParameterBindingImpl;
import org.hibernate.sql.exec.internal.JdbcParameterBindingsImpl;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.sql.exec.spi.JdbcSelectExecutor;
import org.hibernate.sql.results.internal.RowTransformerStandardImpl;
import org.hibernate.sql.results.spi.ListResultsConsumer;
import org.hibernate.sql.results.spi.RowTransformer;

/**
 * A collection level's statement as Hibernate's own batch loader writes it (the one behind {@code @BatchSize}:
 * {@code CollectionBatchLoaderArrayParam}, {@code fk = any(?)}, on PostgreSQL; {@code CollectionBatchLoaderInPredicate},
 * {@code fk in (?, ...)}, elsewhere), run for exactly the level's keys, its rows read without de-duplicating the
 * loader's result list.
 *
 * <p>Why not the loader's own {@code load(key)}: it reads its rows with {@code UniqueSemantic.FILTER}, which keeps
 * its result list (one entry per collection) free of repeats by comparing each row's collection with every one
 * listed before it: rows × collections comparisons. Nothing for 16 keys; for 1,000 customers' 3,000 orders on
 * PostgreSQL, one statement of 1,000 keys took longer than four of 256 (7.57 ms against 6.58 ms per operation,
 * alternating in one JVM, where raw JDBC reads the 1,000 keys fastest); read without it, 5.80 ms. The plan never
 * reads that list, so it runs the statement with {@code UniqueSemantic.NONE}. Everything else is the loader's and
 * Hibernate's: the SQL (filters, {@code @SQLRestriction}, {@code @OrderBy}, the fetch graph the loader was built
 * with), the subselect-fetch registration, the initialization of each {@code PersistentCollection} as its rows are
 * read. Where the loader is not of a shape known here (another Hibernate version, a composite or converted key,
 * more keys than its parameters), and for a single key (which Hibernate loads with {@code fk = ?}), its own
 * {@code load} runs.
 */
final class LoaderStatements {

    /** What one loader class keeps, read from its fields. */
    private record Shape(Field select, Field statement, Field parameter, Field parameters, Field mapping, Field batchSize) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new HashMap<>();
    /** {@code JdbcSelectExecutor#list(select, bindings, context, rowTransformer, uniqueSemantic)}: its first type differs between 6.6 and 7 */
    private static final Method LIST;

    static {
        Method list = null;
        try {
            Shape array = new Shape(field(CollectionBatchLoaderArrayParam.class, "jdbcSelectOperation"),
                    field(CollectionBatchLoaderArrayParam.class, "sqlSelect"), field(CollectionBatchLoaderArrayParam.class, "jdbcParameter"),
                    null, field(CollectionBatchLoaderArrayParam.class, "arraySqlTypedMapping"), null);
            Shape in = new Shape(field(CollectionBatchLoaderInPredicate.class, "jdbcSelect"),
                    field(CollectionBatchLoaderInPredicate.class, "sqlAst"), null, field(CollectionBatchLoaderInPredicate.class, "jdbcParameters"),
                    null, field(CollectionBatchLoaderInPredicate.class, "sqlBatchSize"));
            for (Method m : JdbcSelectExecutor.class.getMethods()) {
                Class<?>[] p = m.getParameterTypes();
                if (m.getName().equals("list") && p.length == 5 && p[0].isAssignableFrom(array.select().getType())
                        && p[0].isAssignableFrom(in.select().getType())
                        && p[1] == JdbcParameterBindings.class && p[2] == ExecutionContext.class && p[3] == RowTransformer.class
                        && p[4] == ListResultsConsumer.UniqueSemantic.class) {
                    list = m;
                }
            }
            if (list != null) {
                SHAPES.put(CollectionBatchLoaderArrayParam.class, array);
                SHAPES.put(CollectionBatchLoaderInPredicate.class, in);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            list = null;
            SHAPES.clear();
        }
        LIST = list;
    }

    private LoaderStatements() {
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /**
     * @param loader a batch loader of {@code persister}
     * @param keys how many keys one statement is to take
     * @return whether {@link #load} can run this loader's statement for that many keys itself
     */
    static boolean handles(CollectionBatchLoader loader, CollectionPersister persister, int keys) {
        Shape shape = SHAPES.get(loader.getClass());
        // one key: the loader's own load hands it to Hibernate's single-key loader ("fk = ?"), as lazy loading would
        if (shape == null || keys < 2) {
            return false;
        }
        ForeignKeyDescriptor key = persister.getAttributeMapping().getKeyDescriptor();
        if (key.isEmbedded() || key.getJdbcTypeCount() != 1 || key.getKeyPart().getSingleJdbcMapping().getValueConverter() != null) {
            return false;
        }
        try {
            return shape.batchSize() == null || keys <= shape.batchSize().getInt(loader);
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /**
     * Runs the loader's statement for {@code keys}: every collection with rows is initialized by Hibernate as it
     * reads them; the caller initializes the others (no rows: empty), as the loader would.
     *
     * @param loader a loader {@link #handles} accepted for this many keys
     * @param persister its role
     * @param keys the collections' keys (their owners' foreign key values), at least one
     * @param session the session
     */
    static void load(CollectionBatchLoader loader, CollectionPersister persister, List<Object> keys,
                     SharedSessionContractImplementor session) {
        Shape shape = SHAPES.get(loader.getClass());
        try {
            SelectStatement statement = (SelectStatement) shape.statement().get(loader);
            JdbcParameterBindingsImpl bindings;
            JdbcParametersList parameters;
            if (shape.parameter() != null) {
                // one array of the keys
                JdbcParameter parameter = (JdbcParameter) shape.parameter().get(loader);
                SqlTypedMapping mapping = (SqlTypedMapping) shape.mapping().get(loader);
                Class<?> keyType = persister.getAttributeMapping().getKeyDescriptor().getKeyPart().getJavaType().getJavaTypeClass();
                Object[] values = (Object[]) java.lang.reflect.Array.newInstance(keyType, keys.size());
                for (int i = 0; i < values.length; i++) {
                    values[i] = keys.get(i);
                }
                parameters = JdbcParametersList.singleton(parameter);
                bindings = new JdbcParameterBindingsImpl(1);
                bindings.addBinding(parameter, new JdbcParameterBindingImpl(mapping.getJdbcMapping(), values));
            } else {
                // one parameter per key; the ones past the last key take the last key again (the statement is sized in powers of two)
                parameters = (JdbcParametersList) shape.parameters().get(loader);
                JdbcMapping mapping = persister.getAttributeMapping().getKeyDescriptor().getKeyPart().getSingleJdbcMapping();
                bindings = new JdbcParameterBindingsImpl(parameters.size());
                for (int i = 0; i < parameters.size(); i++) {
                    bindings.addBinding(parameters.get(i), new JdbcParameterBindingImpl(mapping, keys.get(Math.min(i, keys.size() - 1))));
                }
            }
            ExecutionContext context = new Context(session, SubselectFetch.createRegistrationHandler(
                    session.getPersistenceContextInternal().getBatchFetchQueue(), statement, parameters, bindings));
            LIST.invoke(session.getJdbcServices().getJdbcSelectExecutor(), shape.select().get(loader), bindings, context,
                    RowTransformerStandardImpl.instance(), ListResultsConsumer.UniqueSemantic.NONE);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The loader's execution context: the entities the statement loads are registered for subselect fetching, as Hibernate's own loaders do. */
    private static final class Context extends BaseExecutionContext {
        private final SubselectFetch.RegistrationHandler subselects;

        Context(SharedSessionContractImplementor session, SubselectFetch.RegistrationHandler subselects) {
            super(session);
            this.subselects = subselects;
        }

        @Override
        public void registerLoadingEntityHolder(EntityHolder holder) {
            if (subselects != null) {
                subselects.addKey(holder);
            }
        }

        @Override
        public boolean upgradeLocks() {
            return true;
        }
    }
}
