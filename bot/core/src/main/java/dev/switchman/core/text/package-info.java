/**
 * Small text helpers shared by every part that talks to people: {@link dev.switchman.core.text.Suggestions}
 * (the one did-you-mean). Depends on nothing else of ours; anything may use it.
 */
package dev.switchman.core.text;
