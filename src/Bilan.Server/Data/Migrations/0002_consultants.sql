-- The provider's consultants. Never deleted: one who leaves is made inactive, so that bilans keep naming them.

CREATE TABLE consultants (
    id           uuid PRIMARY KEY,
    display_name text COLLATE "fr-x-icu" NOT NULL,
    email        text NOT NULL,
    active       boolean NOT NULL DEFAULT true,
    version      integer NOT NULL DEFAULT 1,
    create_time  timestamptz NOT NULL,
    update_time  timestamptz NOT NULL
);

-- One consultant per e-mail address, compared case-insensitively, whether active or not. The write that
-- breaks it gets this index's name in its unique violation and answers ALREADY_EXISTS. In the C collation,
-- the same index also serves the case-insensitive e-mail prefix filter (lower(email) COLLATE "C" LIKE ...).
CREATE UNIQUE INDEX consultants_email_unique ON consultants ((lower(email) COLLATE "C"));

-- Alphabetical listing (keyset on display name, id), of everyone or of the active consultants only
-- (choosing whom to give a bilan), and the display name prefix filter.
CREATE INDEX consultants_alphabetical ON consultants (display_name, id);
CREATE INDEX consultants_active_alphabetical ON consultants (display_name, id) WHERE active;
CREATE INDEX consultants_display_name_prefix ON consultants ((lower(display_name) COLLATE "C"));
