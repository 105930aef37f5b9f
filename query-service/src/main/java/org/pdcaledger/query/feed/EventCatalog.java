package org.pdcaledger.query.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.pdcaledger.kernel.common.EventTypeName;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every event type integrators can receive: the {@code *Event} records under {@code org.pdcaledger.kernel}, found on
 * the class path at start-up, each under its public type name ({@link EventTypeName}). A new event class appears
 * in the feed filters, the webhook filters and the AsyncAPI document without anyone listing it.
 */
@Component
public class EventCatalog {

    static final String KERNEL_PACKAGE = "org.pdcaledger.kernel";

    private final Map<String, Class<?>> byType;

    public EventCatalog() {
        this.byType = Collections.unmodifiableMap(scan());
    }

    /** Type name to event class, sorted by type name. */
    public Map<String, Class<?>> types() {
        return byType;
    }

    public boolean knows(String typeName) {
        return byType.containsKey(typeName);
    }

    /** The public type name of a payload class, or empty when it is not a kernel event. */
    public static Optional<String> typeNameOf(Class<?> payloadType) {
        try {
            return Optional.of(EventTypeName.of(payloadType));
        } catch (IllegalArgumentException notAnEvent) {
            return Optional.empty();
        }
    }

    private static Map<String, Class<?>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> {
            var metadata = reader.getClassMetadata();
            return metadata.getClassName().endsWith("Event") && metadata.isConcrete()
                    && !metadata.hasEnclosingClass() && "java.lang.Record".equals(metadata.getSuperClassName());
        });
        Map<String, Class<?>> types = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(KERNEL_PACKAGE)) {
            Class<?> eventClass = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    EventCatalog.class.getClassLoader());
            String typeName = EventTypeName.of(eventClass);
            Class<?> clash = types.put(typeName, eventClass);
            if (clash != null && clash != eventClass) {
                throw new IllegalStateException("two event classes share the type name " + typeName + ": "
                        + clash.getName() + " and " + eventClass.getName());
            }
        }
        return new LinkedHashMap<>(types);
    }
}
