/**
 * Network names shared by every check family: {@link dev.switchman.checks.net.Idna} turns the host
 * names runbooks and {@code probe} give into A-labels (UTS 46, non-transitional). Depends on nothing
 * else of ours; dns, tls, http, mail and ssh depend on it.
 */
package dev.switchman.checks.net;
