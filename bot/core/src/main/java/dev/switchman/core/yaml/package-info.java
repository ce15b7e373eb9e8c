/**
 * Strict YAML with source positions, for every file a user writes (runbooks, scenarios).
 *
 * <ol>
 *   <li>{@link dev.switchman.core.yaml.LocatedYaml#parse(java.nio.file.Path, Problems)} gives a tree of
 *       {@link dev.switchman.core.yaml.YamlNode}s ({@link dev.switchman.core.yaml.YamlMap},
 *       {@link dev.switchman.core.yaml.YamlList}, {@link dev.switchman.core.yaml.YamlScalar}), each with
 *       its {@link dev.switchman.core.yaml.SourceLocation} (file, 1-based line and column). Syntax
 *       errors, duplicate keys and aliases become problems, never exceptions.</li>
 *   <li>{@link dev.switchman.core.yaml.StrictMap} reads a mapping: required and optional keys, typed
 *       values (strings, ids, booleans, positive durations, instants, lists, string maps), then
 *       {@link dev.switchman.core.yaml.StrictMap#finish()} reports unknown keys with a did-you-mean.</li>
 *   <li>{@link dev.switchman.core.yaml.YamlValues} reads one node as a typed value (for list items).</li>
 *   <li>{@link dev.switchman.core.yaml.Problems} collects {@link dev.switchman.core.yaml.Problem}s
 *       ({@code file:line:col: error: message}); a loader returns a
 *       {@link dev.switchman.core.yaml.LoadResult} with the value (null on any error) and all problems.</li>
 * </ol>
 *
 * Messages follow one shape: {@code key: expected <what>, got <what was found>}.
 */
package dev.switchman.core.yaml;
