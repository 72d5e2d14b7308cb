/**
 * /users and /posts: users and the posts they own are one aggregate, as in the domain, and their
 * JSON embeds each other (include=), so they share a package rather than depend on each other in
 * a cycle.
 */
package dev.dbref.web.users;
