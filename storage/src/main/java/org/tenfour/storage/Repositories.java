package org.tenfour.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.TenFourHandles;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.extension.NoSuchExtensionException;

/**
 * The repositories of one {@link Jdbi}, each attached once and run on the handle of the call.
 *
 * <p>Why: JDBI's {@code onDemand} and {@code Handle#attach} build a handler for every method of the
 * interface, each with a copy of the configuration, on every call; with repositories of 20–40
 * methods that was about a third of a request thread's CPU in the ack mix ({@code bench/run.sh
 * ack}, measured with async-profiler). Here a repository is attached once per {@code Jdbi} with a
 * handle supplier whose handle is the one the calling thread has bound for the call ({@link
 * #onDemand}: a pooled connection of its own, or the thread's open handle as JDBI does; {@link
 * #bound}: a unit of work's). What a call does is what JDBI does: the same handlers, statements and
 * extension context.
 *
 * <p>Configure the {@code Jdbi} (mappers, plugins) before its first repository call: a repository
 * keeps the configuration of its first use.
 */
final class Repositories {
    private static final Map<Jdbi, Repositories> BY_JDBI =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Jdbi jdbi;
    private final ThreadBound supplier;
    private final Map<Class<?>, Object> attached = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> onDemand = new ConcurrentHashMap<>();

    private Repositories(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.supplier = new ThreadBound(jdbi);
    }

    static Repositories of(Jdbi jdbi) {
        return BY_JDBI.computeIfAbsent(jdbi, Repositories::new);
    }

    /** {@code type} whose every call runs on a connection of its own (or the thread's open one). */
    <R> R onDemand(Class<R> type) {
        return type.cast(
                onDemand.computeIfAbsent(
                        type,
                        t ->
                                proxy(
                                        t,
                                        (method, args) ->
                                                jdbi.withHandle(h -> call(h, t, method, args)))));
    }

    /** {@code type} working on {@code handle} (a unit of work's). */
    <R> R bound(Handle handle, Class<R> type) {
        return type.cast(proxy(type, (method, args) -> call(handle, type, method, args)));
    }

    private interface Call {
        Object run(Method method, Object[] args) throws Exception;
    }

    private static Object proxy(Class<?> type, Call call) {
        InvocationHandler handler =
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "toString" -> "TenFour repository " + type.getSimpleName();
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    }
                    return call.run(method, args);
                };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private Object call(Handle handle, Class<?> type, Method method, Object[] args)
            throws Exception {
        Object target = attached.computeIfAbsent(type, this::attach);
        Handle previous = supplier.bind(handle);
        try {
            return Proxy.getInvocationHandler(target).invoke(target, method, args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            supplier.restore(previous);
        }
    }

    private Object attach(Class<?> type) {
        Object extension =
                jdbi.getConfig(Extensions.class)
                        .findFor(type, supplier)
                        .orElseThrow(() -> new NoSuchExtensionException(type));
        if (!Proxy.isProxyClass(extension.getClass())) {
            throw new IllegalStateException(type + " is not an interface JDBI proxies");
        }
        return extension;
    }

    /**
     * The handle the calling thread bound for its current repository call, and the extension
     * contexts of the calls in progress on this thread (a default method calling another method of
     * its interface nests them).
     */
    private static final class ThreadBound implements HandleSupplier {
        private record Entered(Handle handle, ExtensionContext context) {}

        private final Jdbi jdbi;
        private final ThreadLocal<Handle> handle = new ThreadLocal<>();
        private final ThreadLocal<Deque<Entered>> entered =
                ThreadLocal.withInitial(ArrayDeque::new);

        ThreadBound(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        Handle bind(Handle h) {
            Handle previous = handle.get();
            handle.set(h);
            return previous;
        }

        void restore(Handle previous) {
            if (previous == null) {
                handle.remove();
            } else {
                handle.set(previous);
            }
        }

        @Override
        public Handle getHandle() {
            Handle h = handle.get();
            if (h == null) {
                throw new IllegalStateException("a repository called outside a Store call");
            }
            return h;
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            Handle h = handle.get();
            return h == null ? jdbi.getConfig() : h.getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
            Handle h = getHandle();
            Deque<Entered> stack = entered.get();
            stack.push(new Entered(h, context));
            TenFourHandles.useContext(h, context);
            try {
                return task.call();
            } finally {
                stack.pop();
                Entered outer = stack.peek();
                // the enclosing call's context if it was on this handle; otherwise the handle's own
                TenFourHandles.useContext(
                        h, outer != null && outer.handle().equals(h) ? outer.context() : null);
            }
        }
    }
}
