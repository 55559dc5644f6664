package dev.supervisor.spring.boot.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an API endpoint needs, as {@code resource:action} of {@link dev.supervisor.auth.rbac.Permission}
 * (for example {@code workflows:execute}). A request without a caller is answered 401, a caller whose roles do not
 * grant it 403. An endpoint without this annotation is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiPermission {
    /** @return the permission, {@code resource:action} */
    String value();
}
