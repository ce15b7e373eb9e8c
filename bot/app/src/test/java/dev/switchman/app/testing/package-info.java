/** Fixtures shared by the app's tests and ITs (a fresh PostgreSQL schema, ...); test code only. */
package dev.switchman.app.testing;
