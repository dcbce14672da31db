package dev.eagerdsl.spring.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.util.ClassUtils;

/** JDK proxies with every interface of the object they stand for, so that no {@code instanceof} check changes. */
final class Proxies {

    private Proxies() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(T target, InvocationHandler handler) {
        Class<?>[] interfaces = ClassUtils.getAllInterfaces(target);
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces, handler);
    }

    /** Calls {@code method} on {@code target}, throwing what it throws. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
