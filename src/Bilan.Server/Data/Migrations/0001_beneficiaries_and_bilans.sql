-- Beneficiaries, their situation periods, bilans, and the log that makes retried requests idempotent.
-- Enum columns hold the domain's numeric values (Bilan.Domain), which the proto enums share.

CREATE TABLE beneficiaries (
    id              uuid PRIMARY KEY,
    given_name      text COLLATE "fr-x-icu" NOT NULL,
    family_name     text COLLATE "fr-x-icu" NOT NULL,
    email           text NOT NULL,
    phone           text NOT NULL DEFAULT '',
    public_category smallint NOT NULL,
    employer_siret  char(14),
    employer_name   text,
    version         integer NOT NULL DEFAULT 1,
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL,
    CONSTRAINT employer_complete CHECK ((employer_siret IS NULL) = (employer_name IS NULL))
);

-- Alphabetical listing (keyset on family name, given name, id) and the prefix filters.
CREATE INDEX beneficiaries_alphabetical ON beneficiaries (family_name, given_name, id);
CREATE INDEX beneficiaries_family_name_prefix ON beneficiaries (lower(family_name) COLLATE "C");
CREATE INDEX beneficiaries_given_name_prefix ON beneficiaries (lower(given_name) COLLATE "C");
CREATE INDEX beneficiaries_email_prefix ON beneficiaries (lower(email) COLLATE "C");
CREATE INDEX beneficiaries_employer ON beneficiaries (employer_siret) WHERE employer_siret IS NOT NULL;

CREATE TABLE situation_periods (
    beneficiary_id   uuid NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    position         smallint NOT NULL,
    kind             smallint NOT NULL,
    start_date       date NOT NULL,
    end_date         date,
    doctor_agreement boolean NOT NULL DEFAULT false,
    PRIMARY KEY (beneficiary_id, position),
    CONSTRAINT period_in_order CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE bilans (
    id                 uuid PRIMARY KEY,
    beneficiary_id     uuid NOT NULL REFERENCES beneficiaries (id),
    state              smallint NOT NULL,
    working_time       smallint NOT NULL,
    funding_source     smallint NOT NULL,
    planned_hours      smallint NOT NULL CHECK (planned_hours BETWEEN 1 AND 24),
    planned_start_date date,
    planned_end_date   date,
    consultant_id      uuid,
    version            integer NOT NULL DEFAULT 1,
    create_time        timestamptz NOT NULL,
    update_time        timestamptz NOT NULL
);

-- Newest first, keyset on (create_time, id), with or without the usual filters.
CREATE INDEX bilans_newest ON bilans (create_time DESC, id DESC);
CREATE INDEX bilans_by_state ON bilans (state, create_time DESC, id DESC);
CREATE INDEX bilans_by_beneficiary ON bilans (beneficiary_id, create_time DESC, id DESC);
CREATE INDEX bilans_by_consultant ON bilans (consultant_id, create_time DESC, id DESC) WHERE consultant_id IS NOT NULL;

-- A mutating request carrying a request_id is recorded here in the same transaction as its work:
-- a retry finds the stored response instead of doing the work again.
CREATE TABLE request_log (
    request_id   uuid PRIMARY KEY,
    method       text NOT NULL,
    request_hash bytea NOT NULL,
    response     bytea,
    create_time  timestamptz NOT NULL
);
