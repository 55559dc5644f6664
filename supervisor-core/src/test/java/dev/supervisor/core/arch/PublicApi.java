package dev.supervisor.core.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public API of a class, for the rule that it names no type of an {@code internal} package: its supertypes and
 * type parameters, and the types, parameters, return types, type arguments and thrown exceptions of its public
 * members (protected ones too unless the class is final). Record components are covered by their accessors and the
 * canonical constructor. And for the rule that what the engine hands out cannot be made by its users: a public
 * record of an API package is returned by the API only if it is an input value users make themselves.
 */
final class PublicApi {
    private PublicApi() {
    }

    /** @return true for a class in a package named {@code internal} or below one */
    static boolean isInternal(JavaClass c) {
        String p = "." + c.getPackageName() + ".";
        return p.contains(".internal.");
    }

    static ArchCondition<JavaClass> namesNoInternalType() {
        return new ArchCondition<>("name no type of an internal package in their public API") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!visible(c)) {
                    return;
                }
                for (Map.Entry<String, JavaType> used : signature(c)) {
                    for (JavaClass raw : used.getValue().getAllInvolvedRawTypes()) {
                        if (isInternal(raw)) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + used.getKey()
                                    + " uses " + raw.getName()));
                        }
                    }
                }
            }
        };
    }

    /**
     * @param inputs the records users construct as input (listed where the rule is declared)
     * @return the condition that no public method (protected too unless the class is final) returns, directly or as
     *         a type argument, a record of a non-internal package under {@code root} other than {@code inputs}
     */
    static ArchCondition<JavaClass> returnsNoRecordBut(String root, Set<Class<?>> inputs) {
        Set<String> allowed = inputs.stream().map(Class::getName).collect(Collectors.toSet());
        return new ArchCondition<>("return no record of " + root + " but the input values " + allowed) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!visible(c)) {
                    return;
                }
                boolean subclassable = !c.getModifiers().contains(JavaModifier.FINAL);
                for (JavaMethod m : c.getMethods()) {
                    boolean api = m.getModifiers().contains(JavaModifier.PUBLIC)
                            || subclassable && m.getModifiers().contains(JavaModifier.PROTECTED);
                    if (!api || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                        continue;
                    }
                    for (JavaClass raw : m.getReturnType().getAllInvolvedRawTypes()) {
                        if (raw.isRecord() && raw.getPackageName().startsWith(root) && !isInternal(raw)
                                && !allowed.contains(raw.getName())) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + ": method " + m.getName()
                                    + "() returns record " + raw.getName()));
                        }
                    }
                }
            }
        };
    }

    private static boolean visible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static List<Map.Entry<String, JavaType>> signature(JavaClass c) {
        List<Map.Entry<String, JavaType>> out = new ArrayList<>();
        c.getSuperclass().ifPresent(s -> out.add(Map.entry("superclass", s)));
        c.getInterfaces().forEach(i -> out.add(Map.entry("interface", i)));
        c.getTypeParameters().forEach(t -> out.add(Map.entry("type parameter " + t.getName(), t)));
        boolean subclassable = !c.getModifiers().contains(JavaModifier.FINAL);
        for (JavaMember m : c.getMembers()) {
            boolean api = m.getModifiers().contains(JavaModifier.PUBLIC)
                    || subclassable && m.getModifiers().contains(JavaModifier.PROTECTED);
            if (!api || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                    || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                continue;
            }
            if (m instanceof JavaField f) {
                out.add(Map.entry("field " + f.getName(), f.getType()));
            } else if (m instanceof JavaCodeUnit u) {
                String name = u.getName().equals("<init>") ? "constructor" : "method " + u.getName() + "()";
                out.add(Map.entry(name + " return type", u.getReturnType()));
                u.getParameterTypes().forEach(p -> out.add(Map.entry(name + " parameter", p)));
                u.getThrowsClause().getTypes().forEach(t -> out.add(Map.entry(name + " throws", t)));
                u.getTypeParameters().forEach(t -> out.add(Map.entry(name + " type parameter", t)));
            }
        }
        return out;
    }
}
