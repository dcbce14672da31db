package dev.eagerdsl.internal.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/** Reads association values without initializing anything. */
final class Values {

    private Values() {
    }

    static Object read(SharedSessionContractImplementor session, Object entity, String attribute) {
        Object real = entity instanceof HibernateProxy p ? p.getHibernateLazyInitializer().getImplementation() : entity;
        EntityPersister persister = session.getEntityPersister(null, real);
        int dot = attribute.indexOf('.');
        if (dot < 0) {
            return persister.getPropertyValue(real, attribute);
        }
        // an association inside an embeddable: a null embeddable means a null association
        Object value = persister.getPropertyValue(real, attribute.substring(0, dot));
        for (String part : attribute.substring(dot + 1).split("\\.")) {
            if (value == null) {
                return null;
            }
            value = field(value.getClass(), part, value);
        }
        return value;
    }

    /** @return the value of the field {@code name} of {@code target} (an embeddable, say), read directly */
    static Object field(Object target, String name) {
        return field(target.getClass(), name, target);
    }

    /** @return whether {@code value} is an entity (or a proxy of one) of this session's factory */
    static boolean isEntity(SharedSessionContractImplementor session, Object value) {
        if (value instanceof HibernateProxy) {
            return true;
        }
        return session.getFactory().getMappingMetamodel().findEntityDescriptor(value.getClass()) != null;
    }

    /** Calls a no-argument method by name: for the few Hibernate methods whose return type differs between 6.6 and 7. */
    static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + target.getClass().getName() + "." + method + "()", e);
        }
    }

    private static Object field(Class<?> type, String name, Object target) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + name, e);
            }
        }
        throw new IllegalStateException("No field " + name + " on " + type.getName());
    }

    /** @return whether {@code value} is a reference to an entity that is not loaded yet (a proxy, or a bytecode-enhanced proxy) */
    static boolean isUninitializedProxy(Object value) {
        if (value instanceof HibernateProxy p) {
            LazyInitializer li = p.getHibernateLazyInitializer();
            return li.isUninitialized();
        }
        return value instanceof PersistentAttributeInterceptable i
                && i.$$_hibernate_getInterceptor() instanceof EnhancementAsProxyLazinessInterceptor;
    }

    /** @return the entity name and id of an uninitialized reference ({@link #isUninitializedProxy}) */
    static EntityKey keyOf(SharedSessionContractImplementor session, Object reference) {
        String entityName;
        Object id;
        if (reference instanceof HibernateProxy p) {
            LazyInitializer li = p.getHibernateLazyInitializer();
            entityName = li.getEntityName();
            id = li.getInternalIdentifier();
        } else {
            var interceptor = (EnhancementAsProxyLazinessInterceptor) ((PersistentAttributeInterceptable) reference).$$_hibernate_getInterceptor();
            entityName = interceptor.getEntityName();
            id = interceptor.getIdentifier();
        }
        return session.generateEntityKey(id, session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName));
    }

    /** The entity behind an initialized proxy, or the value itself; {@code null} for an uninitialized one. */
    static Object real(Object value) {
        if (value instanceof HibernateProxy p) {
            LazyInitializer li = p.getHibernateLazyInitializer();
            return li.isUninitialized() ? null : li.getImplementation();
        }
        return isUninitializedProxy(value) ? null : value;
    }

    /** The elements of a collection or the values of a map, real entities, without nulls. */
    static void addElements(Object collection, List<Object> out) {
        Collection<?> elements = collection instanceof Map<?, ?> m ? m.values() : (Collection<?>) collection;
        for (Object e : elements) {
            Object r = real(e);
            if (r != null) {
                out.add(r);
            }
        }
    }

    static List<Object> distinct(List<?> in) {
        Map<Object, Boolean> seen = new IdentityHashMap<>(in.size() * 2);
        List<Object> out = new ArrayList<>(in.size());
        for (Object o : in) {
            if (o != null && seen.put(o, Boolean.TRUE) == null) {
                out.add(o);
            }
        }
        return out;
    }

    static boolean isInitialized(Object value) {
        return Hibernate.isInitialized(value);
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>((all.size() + size - 1) / size);
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
