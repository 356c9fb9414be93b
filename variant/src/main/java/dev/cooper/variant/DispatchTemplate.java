package dev.cooper.variant;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The class file that every compiled dispatch is defined from; never loaded under its own name.
 *
 * <p>{@link DispatchTree} reads this class's bytes and defines them again, once per built handler,
 * as a hidden class whose class data is that handler's dispatch tree. Each definition is a class
 * of its own with its own {@link #TREE}: a {@code static final} field, which the JIT treats as a
 * constant, so the tree and the branches bound into it are inlined into {@link #dispatch}.
 */
final class DispatchTemplate implements Dispatcher {
    /** The dispatch tree, of type {@code (Object)Object}: this definition's class data. */
    private static final MethodHandle TREE;

    static {
        try {
            TREE = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object dispatch(Object message) {
        try {
            return TREE.invokeExact(message);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A branch threw a checked exception past the compiler; pass it on unchanged.
            throw DispatchTree.rethrow(e);
        }
    }
}
