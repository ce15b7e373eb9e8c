/**
 * The {@code db.*} check family: {@code db.replication} (PostgreSQL logical and streaming,
 * MariaDB/MySQL, Redis), {@code db.parity} (range checksums computed inside each database,
 * bisected down to keys) and {@code db.writes}. Measurement only; statuses and observations are
 * documented in docs/checks-db.md. Depends on core's check SPI and {@code checks.connection}.
 */
package dev.switchman.checks.db;
