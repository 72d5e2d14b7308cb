-- Whom a user, and each of its posts, belongs to; same shape as ../postgresql/V5__users_owner_subject.sql.
ALTER TABLE users ADD COLUMN owner_subject VARCHAR(255);
