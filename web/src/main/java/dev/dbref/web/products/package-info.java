/**
 * /products: routes, JSON mapping and list queries.
 */
package dev.dbref.web.products;
