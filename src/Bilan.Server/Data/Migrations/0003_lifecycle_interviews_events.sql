-- The life of a bilan: its consultant, its interviews and its history.

-- Exclusion constraints on (consultant, time range) need GiST support for plain equality.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE bilans
    ADD CONSTRAINT bilans_consultant FOREIGN KEY (consultant_id) REFERENCES consultants (id),
    ADD COLUMN abandon_reason smallint;

CREATE TABLE interviews (
    id               uuid PRIMARY KEY,
    bilan_id         uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    -- Copied from the bilan so that the database itself forbids double bookings (below).
    beneficiary_id   uuid NOT NULL REFERENCES beneficiaries (id),
    consultant_id    uuid NOT NULL REFERENCES consultants (id),
    phase            smallint NOT NULL,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz NOT NULL,
    mode             smallint NOT NULL,
    status           smallint NOT NULL,
    held_minutes     smallint,
    version          integer NOT NULL DEFAULT 1,
    create_time      timestamptz NOT NULL,
    update_time      timestamptz NOT NULL,
    CONSTRAINT interview_in_order CHECK (end_time > start_time),
    -- A scheduled or held interview (status 1 or 2) holds its slot: neither the consultant nor the
    -- beneficiary can be in two interviews at once, whatever the number of concurrent bookings.
    CONSTRAINT consultant_not_double_booked EXCLUDE USING gist
        (consultant_id WITH =, tstzrange(start_time, end_time) WITH &&) WHERE (status IN (1, 2)),
    CONSTRAINT beneficiary_not_double_booked EXCLUDE USING gist
        (beneficiary_id WITH =, tstzrange(start_time, end_time) WITH &&) WHERE (status IN (1, 2))
);

CREATE INDEX interviews_by_bilan ON interviews (bilan_id, start_time, id);

-- Every change of a bilan, written in the transaction of the change (transactional outbox): the history,
-- the back-office timeline and the event stream read it. Never any confidential content.
CREATE TABLE bilan_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bilan_id       uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    type           smallint NOT NULL,
    actor          text NOT NULL,
    create_time    timestamptz NOT NULL,
    previous_state smallint NOT NULL,
    new_state      smallint NOT NULL,
    attributes     jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX bilan_events_by_bilan ON bilan_events (bilan_id, id);
