/**
 * /openapi and /docs (Swagger UI from its webjar).
 */
package dev.dbref.web.docs;
