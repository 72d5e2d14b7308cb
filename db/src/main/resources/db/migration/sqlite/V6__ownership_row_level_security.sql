-- SQLite has no row-level security: the domain's ownership rule is the only guard here (see
-- ../postgresql/V6__ownership_row_level_security.sql). Kept so both dialects share their versions.
SELECT 1;
