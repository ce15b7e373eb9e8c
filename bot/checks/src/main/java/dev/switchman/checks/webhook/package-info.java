/**
 * {@code webhook.delivery}: synthetic payment-provider events, signed as the provider signs them, sent to
 * the old and new webhook endpoints during a migration. docs/checks-webhook.md.
 */
package dev.switchman.checks.webhook;
