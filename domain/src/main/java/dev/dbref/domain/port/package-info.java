/**
 * Ports: what the domain needs from the outside world. One repository per aggregate and the
 * {@link dev.dbref.domain.port.UnitOfWork}, which bounds one transaction. Adapters implement them.
 */
package dev.dbref.domain.port;
