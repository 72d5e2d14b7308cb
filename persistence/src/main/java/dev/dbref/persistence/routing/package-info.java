/**
 * Which server serves a unit of work, decided from what the request declared: every unit of work
 * of a write request on the primary, the reads of a read request on a standby that has replayed
 * what the request must see.
 */
package dev.dbref.persistence.routing;
