-- Quality (Qualiopi): the beneficiaries' satisfaction surveys and the complaints with their handling.

-- At most one survey per bilan. Scores 1..5 (0 = question not answered). Comments are the beneficiary's words:
-- they stay in this table (never in events or logs) and go when the bilan goes.
CREATE TABLE satisfaction_surveys (
    bilan_id         uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    overall_score    smallint NOT NULL CHECK (overall_score BETWEEN 1 AND 5),
    welcome_score    smallint NOT NULL DEFAULT 0 CHECK (welcome_score BETWEEN 0 AND 5),
    consultant_score smallint NOT NULL DEFAULT 0 CHECK (consultant_score BETWEEN 0 AND 5),
    methods_score    smallint NOT NULL DEFAULT 0 CHECK (methods_score BETWEEN 0 AND 5),
    goals_score      smallint NOT NULL DEFAULT 0 CHECK (goals_score BETWEEN 0 AND 5),
    comments         text NOT NULL DEFAULT '' CHECK (char_length(comments) <= 4000),
    answer_date      date NOT NULL,
    recorded_by      text NOT NULL,
    version          integer NOT NULL DEFAULT 1,
    create_time      timestamptz NOT NULL,
    update_time      timestamptz NOT NULL
);

-- Most recently answered first (keyset on answer_date, bilan_id).
CREATE INDEX satisfaction_surveys_newest ON satisfaction_surveys (answer_date DESC, bilan_id DESC);

-- Status: a ComplaintStatus value (1 received, 2 acknowledged, 3 in progress, 4 resolved, 5 rejected). The
-- deadlines are stored as computed when the complaint was received (or its received_date corrected), so that a
-- later change of policy does not move the deadlines already announced.
CREATE TABLE complaints (
    id                   uuid PRIMARY KEY,
    received_date        date NOT NULL,
    channel              smallint NOT NULL,
    complainant          smallint NOT NULL,
    complainant_name     text NOT NULL DEFAULT '',
    bilan_id             uuid REFERENCES bilans (id) ON DELETE SET NULL,
    subject              text NOT NULL CHECK (char_length(subject) <= 200),
    description          text NOT NULL CHECK (char_length(description) <= 4000),
    status               smallint NOT NULL CHECK (status BETWEEN 1 AND 5),
    acknowledge_deadline date NOT NULL,
    answer_deadline      date NOT NULL,
    acknowledge_date     date,
    answer_date          date,
    answer               text NOT NULL DEFAULT '',
    corrective_action    text NOT NULL DEFAULT '',
    version              integer NOT NULL DEFAULT 1,
    create_time          timestamptz NOT NULL,
    update_time          timestamptz NOT NULL
);

-- Most recently received first, with or without the status filter; open complaints for the alerts.
CREATE INDEX complaints_newest ON complaints (received_date DESC, id DESC);
CREATE INDEX complaints_by_status ON complaints (status, received_date DESC, id DESC);
CREATE INDEX complaints_by_bilan ON complaints (bilan_id) WHERE bilan_id IS NOT NULL;
-- The indicators count bilans by the time of their completion or abandonment.
CREATE INDEX bilan_events_by_type_time ON bilan_events (type, create_time);
