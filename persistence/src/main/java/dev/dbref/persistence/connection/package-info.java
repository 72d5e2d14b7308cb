/**
 * What a connection to the database is: its URL and dialect, the HikariCP pool per dialect, a
 * check that reaches the server, and SQL failures told in plain words. Depends on no other
 * package of the adapter.
 */
package dev.dbref.persistence.connection;
