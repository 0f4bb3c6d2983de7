-- Organizations (employers whose HR software calls the API) and their API keys. Never deleted: an
-- organization's bilans keep naming it, and a key that must stop working is revoked.

CREATE TABLE organizations (
    id           uuid PRIMARY KEY,
    display_name text COLLATE "fr-x-icu" NOT NULL,
    -- Optional; when set, held by one organization only. The write that breaks it gets this constraint's
    -- name in its unique violation and answers ALREADY_EXISTS.
    siret        char(14) CONSTRAINT organizations_siret_unique UNIQUE
                 CONSTRAINT organizations_siret_digits CHECK (siret ~ '^[0-9]{14}$'),
    version      integer NOT NULL DEFAULT 1,
    create_time  timestamptz NOT NULL,
    update_time  timestamptz NOT NULL
);

-- Alphabetical listing (keyset on display name, id) and the display name prefix filter.
CREATE INDEX organizations_alphabetical ON organizations (display_name, id);
CREATE INDEX organizations_display_name_prefix ON organizations ((lower(display_name) COLLATE "C"));

-- An API key is stored without its secret: key_hash is the SHA-256 of it (the secret has 256 random bits,
-- so a plain hash cannot be reversed, and finding a key is one read of the unique index); key_prefix is its
-- first 10 characters, shown in lists. version changes on revocation, not when last_used_time does.
CREATE TABLE api_keys (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    display_name    text COLLATE "fr-x-icu" NOT NULL,
    key_prefix      text NOT NULL,
    key_hash        bytea NOT NULL CONSTRAINT api_keys_hash_unique UNIQUE
                    CONSTRAINT api_keys_hash_sha256 CHECK (octet_length(key_hash) = 32),
    create_time     timestamptz NOT NULL,
    last_used_time  timestamptz,
    revoke_time     timestamptz,
    version         integer NOT NULL DEFAULT 1
);

-- An organization's keys, newest first (keyset on create time, id).
CREATE INDEX api_keys_by_organization ON api_keys (organization_id, create_time DESC, id DESC);
