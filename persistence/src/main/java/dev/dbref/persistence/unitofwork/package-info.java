/**
 * The unit of work: one pooled connection, one transaction, committed or rolled back, the
 * connection always returned; SQLite's write gate, failing fast while a server is down, SQLite's
 * statement watchdog.
 */
package dev.dbref.persistence.unitofwork;
