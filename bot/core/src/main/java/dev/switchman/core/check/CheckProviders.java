package dev.switchman.core.check;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of check kinds: one factory from kind to provider, replaceable in tests. */
public final class CheckProviders {

    private final Map<String, CheckProvider> byKind;

    public CheckProviders(Collection<? extends CheckProvider> providers) {
        Map<String, CheckProvider> m = new TreeMap<>();
        for (CheckProvider p : providers) {
            CheckProvider previous = m.put(p.kind(), p);
            if (previous != null) {
                throw new IllegalStateException("two providers for check kind " + p.kind() + ": "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        this.byKind = Collections.unmodifiableMap(m);
    }

    /** Every provider on the class path. */
    public static CheckProviders load() {
        return load(CheckProviders.class.getClassLoader());
    }

    public static CheckProviders load(ClassLoader loader) {
        return new CheckProviders(ServiceLoader.load(CheckProvider.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    public Optional<CheckProvider> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Collection<CheckProvider> all() {
        return byKind.values();
    }

    public java.util.Set<String> kinds() {
        return byKind.keySet();
    }
}
