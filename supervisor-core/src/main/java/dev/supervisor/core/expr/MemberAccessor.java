package dev.supervisor.core.expr;

/**
 * Gives expressions read access to the members of a host type, explicitly: nothing is reachable by reflection.
 * For an object, the accessor of the most specific registered type it is an instance of answers. An
 * {@link IllegalArgumentException} is reported with its message, any other exception without it (as the cause).
 *
 * @param <T> the host type
 */
@FunctionalInterface
public interface MemberAccessor<T> {
    /**
     * @param target the object
     * @param member the member name after the dot
     * @return the member's value in the language's types
     * @throws IllegalArgumentException if there is no such member
     */
    Object get(T target, String member);
}
