/**
 * /observe (readiness, liveness, metrics) and the guarded /debug/connections, over small
 * interfaces the composition root implements.
 */
package dev.dbref.web.observe;
