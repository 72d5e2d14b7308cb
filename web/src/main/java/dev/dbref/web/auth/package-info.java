/**
 * Who calls: the bearer token of each request is verified here, before routing and before any
 * database work, and becomes the domain's {@link dev.dbref.domain.model.Caller}, which the handlers
 * pass to the use cases. The domain decides what that caller may do.
 */
package dev.dbref.web.auth;
