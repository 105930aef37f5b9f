package org.pdcaledger.kernel.common;

import java.util.Locale;
import java.util.regex.Pattern;

import org.axonframework.serialization.Revision;

/**
 * The public, versioned name of an event type, as integrators see it in the CloudEvents {@code type} attribute:
 * {@code pdca.<feature>.<event-in-kebab-case>.v<revision>}, for example
 * {@code pdca.initiative.measurement-recorded.v1} for {@code initiative.MeasurementRecordedEvent} at revision 1.
 * <p>
 * The name is derived from the class so that it cannot drift from the code; the revision comes from the
 * {@link Revision} annotation every event carries.
 */
public final class EventTypeName {

    private static final String PREFIX = "pdca.";
    private static final String KERNEL_PACKAGE = "org.pdcaledger.kernel.";
    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private EventTypeName() {
    }

    public static String of(Class<?> eventClass) {
        String packageName = eventClass.getPackageName();
        if (!packageName.startsWith(KERNEL_PACKAGE)) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a shared-kernel event");
        }
        String simpleName = eventClass.getSimpleName();
        if (!simpleName.endsWith("Event")) {
            throw new IllegalArgumentException(eventClass.getName() + " does not end in 'Event'");
        }
        Revision revision = eventClass.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @Revision");
        }
        String feature = packageName.substring(KERNEL_PACKAGE.length()).replace('.', '-');
        String stem = simpleName.substring(0, simpleName.length() - "Event".length());
        String kebab = CAMEL_BOUNDARY.matcher(stem).replaceAll("-").toLowerCase(Locale.ROOT);
        return PREFIX + feature + "." + kebab + ".v" + revision.value();
    }
}
