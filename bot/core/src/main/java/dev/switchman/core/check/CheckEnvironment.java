package dev.switchman.core.check;

import java.util.List;
import java.util.Map;

/**
 * What a provider may need from its surroundings beyond its parameters: resolver overrides
 * ({@code host:port}, from {@code --resolver} or configuration) and free-form settings.
 */
public record CheckEnvironment(List<String> resolvers, Map<String, String> settings) {

    public CheckEnvironment {
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public static CheckEnvironment defaults() {
        return new CheckEnvironment(List.of(), Map.of());
    }
}
