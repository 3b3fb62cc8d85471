package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.ScalarFunction;

/** A {@link ScalarFunction} whose body also receives the argument types (null while unbound). */
public final class TypedCode implements ScalarFunction, ArgumentTypeAware {

    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args, ArgumentTypes types, FunctionContext context);
    }

    /** The argument types of a call; 0 when unknown. */
    public record ArgumentTypes(long[] oids) {
        static final ArgumentTypes UNKNOWN = new ArgumentTypes(new long[0]);

        public long of(int index) {
            return index < oids.length ? oids[index] : 0;
        }
    }

    private final Body body;
    private final ArgumentTypes types;

    public TypedCode(Body body) {
        this(body, ArgumentTypes.UNKNOWN);
    }

    private TypedCode(Body body, ArgumentTypes types) {
        this.body = body;
        this.types = types;
    }

    /** The code itself, for wrappers that pass other arguments. */
    public Body body() {
        return body;
    }

    @Override
    public Object apply(Object[] args, FunctionContext context) {
        return body.apply(args, types, context);
    }

    @Override
    public ScalarFunction withArgumentTypes(long[] argumentTypes) {
        return new TypedCode(body, new ArgumentTypes(argumentTypes.clone()));
    }
}
