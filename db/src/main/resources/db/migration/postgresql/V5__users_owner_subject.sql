-- Whom a user, and each of its posts, belongs to: the `sub` of the token that created it, NULL
-- for a user created while authentication was off. Keep in step with
-- ../sqlite/V5__users_owner_subject.sql (SchemaParityTest).
ALTER TABLE users ADD COLUMN owner_subject VARCHAR(255);
