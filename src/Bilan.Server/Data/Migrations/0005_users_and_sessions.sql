-- Staff users (administrators, consultants, support) and their login sessions. Roles hold the numbers of
-- Bilan.Server.Auth.StaffRole, which the proto enum StaffRole shares. Users are never deleted: one who leaves
-- is disabled, so that the history keeps naming who did what.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    display_name  text COLLATE "fr-x-icu" NOT NULL,
    role          smallint NOT NULL CHECK (role BETWEEN 1 AND 3),
    -- The consultant a consultant user is; at most one user per consultant.
    consultant_id uuid CONSTRAINT users_consultant_unique UNIQUE REFERENCES consultants (id),
    -- ASP.NET Core Identity's PasswordHasher format (salted PBKDF2): never the password itself.
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    -- Failed logins since the last success or the last lock; locked_until is set while a lock lasts (and
    -- may remain, in the past, until the next login attempt clears it).
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    version       integer NOT NULL DEFAULT 1,
    create_time   timestamptz NOT NULL,
    update_time   timestamptz NOT NULL,
    CONSTRAINT consultant_link CHECK ((role = 2) = (consultant_id IS NOT NULL))
);

-- One user per e-mail address, compared case-insensitively, enabled or not. The write that breaks it gets
-- this index's name in its unique violation and answers ALREADY_EXISTS. The same index finds the user at
-- login, serves the e-mail prefix filter and the listing order (keyset on lower(email), id).
CREATE UNIQUE INDEX users_email_unique ON users ((lower(email) COLLATE "C"));

-- One row per open session. Only the SHA-256 of the token is kept: a copy of this table opens no session.
-- A session ends when deleted (logout, user disabled, password reset), when idle too long, or at its
-- absolute expiry; ended rows are deleted at the user's next login or when their token is next presented.
CREATE TABLE sessions (
    id                   uuid PRIMARY KEY,
    token_hash           bytea NOT NULL CONSTRAINT sessions_token_hash_unique UNIQUE,
    user_id              uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    create_time          timestamptz NOT NULL,
    last_seen_time       timestamptz NOT NULL,
    absolute_expire_time timestamptz NOT NULL
);

-- Ending every session of a user (DisableUser, ResetPassword) and the clean-up at login.
CREATE INDEX sessions_by_user ON sessions (user_id);
