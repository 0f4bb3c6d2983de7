-- The confidential documents of a bilan (L6313-4, R6313-4 3°): the versions of its written synthesis, the
-- consultant's notes of each interview, and the log of every read of either. Destruction (R6313-7) blanks the
-- content and sets destroyed_time; the rows themselves stay as metadata.

CREATE TABLE synthesis_versions (
    bilan_id                 uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    version                  integer NOT NULL CHECK (version > 0),
    circumstances            text NOT NULL DEFAULT '',
    skills_and_options       text NOT NULL DEFAULT '',
    project_and_steps        text NOT NULL DEFAULT '',
    beneficiary_observations text NOT NULL DEFAULT '',
    deliver_time             timestamptz,
    delivery_method          smallint,
    destroyed_time           timestamptz,
    row_version              integer NOT NULL DEFAULT 1,
    create_time              timestamptz NOT NULL,
    update_time              timestamptz NOT NULL,
    PRIMARY KEY (bilan_id, version),
    CONSTRAINT synthesis_delivered_with_method CHECK ((deliver_time IS NULL) = (delivery_method IS NULL))
);

CREATE TABLE interview_notes (
    interview_id   uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    bilan_id       uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    text           text NOT NULL DEFAULT '',
    destroyed_time timestamptz,
    row_version    integer NOT NULL DEFAULT 1,
    update_time    timestamptz NOT NULL
);

CREATE INDEX interview_notes_by_bilan ON interview_notes (bilan_id);

-- role: 1 admin, 2 consultant, 3 support, 4 API client (the API's AccessorRole).
CREATE TABLE confidential_accesses (
    id                     uuid PRIMARY KEY,
    bilan_id               uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    resource               text NOT NULL,
    actor                  text NOT NULL,
    role                   smallint NOT NULL,
    access_time            timestamptz NOT NULL,
    disclosure_consent_id  uuid
);

CREATE INDEX confidential_accesses_by_bilan ON confidential_accesses (bilan_id, access_time, id);
