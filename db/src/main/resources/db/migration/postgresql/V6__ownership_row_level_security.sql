-- Ownership enforced by the database as well as by the domain (API.md, "Security and safe
-- retries"): a defect in the service cannot change another caller's rows. The unit of work binds
-- the caller to each write transaction with set_config('app.subject' | 'app.admin', ..., true);
-- transaction-local, so it holds through PgBouncer in transaction mode and never leaks to the
-- next borrower of a connection.
--
-- The rule: a row with an owner changes only in a transaction bound to that owner or to admin. A
-- row without one changes for admin, or in a transaction bound to no caller (authentication off).
-- A transaction that forgot to bind its caller therefore cannot touch an owned row. A post belongs
-- to its user's owner. Everyone may read.
--
-- FORCE: the owner of the tables (who migrates) is bound by the policies too. A superuser never is.
-- "owner_subject IS NOT DISTINCT FROM the bound subject" says both halves of the rule at once: an
-- owner equals the subject, and NULL (no owner) matches NULL (no caller bound). Each
-- current_setting is wrapped in (SELECT ...): an initPlan evaluated once per statement, not per
-- row, so the planner keeps using the indexes. SQLite has no row-level security: there the
-- domain's rule is the only guard (V6 there is empty).

/* [jooq ignore start] */
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE posts FORCE ROW LEVEL SECURITY;

CREATE POLICY users_read ON users FOR SELECT USING (true);
CREATE POLICY users_owner_inserts ON users FOR INSERT
    WITH CHECK ((SELECT current_setting('app.admin', true)) = 'true'
        OR owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), '')));
CREATE POLICY users_owner_updates ON users FOR UPDATE
    USING ((SELECT current_setting('app.admin', true)) = 'true'
        OR owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), '')))
    WITH CHECK ((SELECT current_setting('app.admin', true)) = 'true'
        OR owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), '')));
CREATE POLICY users_owner_deletes ON users FOR DELETE
    USING ((SELECT current_setting('app.admin', true)) = 'true'
        OR owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), '')));

CREATE POLICY posts_read ON posts FOR SELECT USING (true);
CREATE POLICY posts_owner_inserts ON posts FOR INSERT
    WITH CHECK ((SELECT current_setting('app.admin', true)) = 'true'
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = posts.user_id
            AND u.owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), ''))));
CREATE POLICY posts_owner_updates ON posts FOR UPDATE
    USING ((SELECT current_setting('app.admin', true)) = 'true'
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = posts.user_id
            AND u.owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), ''))));
CREATE POLICY posts_owner_deletes ON posts FOR DELETE
    USING ((SELECT current_setting('app.admin', true)) = 'true'
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = posts.user_id
            AND u.owner_subject IS NOT DISTINCT FROM (SELECT NULLIF(current_setting('app.subject', true), ''))));
/* [jooq ignore stop] */
