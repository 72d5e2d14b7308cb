-- Users and their posts on SQLite; same shape as ../postgresql/V2__users_and_posts.sql.
-- The cascade works only with PRAGMA foreign_keys=ON, which the pool sets on every connection.
CREATE TABLE users (
    id         INTEGER      NOT NULL CONSTRAINT users_pk PRIMARY KEY AUTOINCREMENT,
    email      VARCHAR(254) NOT NULL,
    email_key  VARCHAR(1024) NOT NULL,
    username   VARCHAR(50)  NOT NULL,
    full_name  VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX users_email_key_uq ON users (email_key);
CREATE INDEX users_username_idx ON users (username);
CREATE INDEX users_email_username_idx ON users (email, username);

CREATE TABLE posts (
    id         INTEGER      NOT NULL CONSTRAINT posts_pk PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT       NOT NULL CONSTRAINT posts_user_fk REFERENCES users (id) ON DELETE CASCADE,
    title      VARCHAR(200) NOT NULL,
    title_key  TEXT         NOT NULL,
    body       TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX posts_user_id_idx ON posts (user_id);
