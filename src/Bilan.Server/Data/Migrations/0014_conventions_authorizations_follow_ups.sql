-- Conditions of the start and of the close of a bilan (issue 7).

-- The tripartite convention between employer, employee and provider (R6313-8), one per bilan. The content is the
-- mandatory content of R6313-8; the dates record its sending, the employee's receipt (which opens the 10-day
-- window), the three signatures and the employee's explicit refusal.
CREATE TABLE tripartite_conventions (
    bilan_id              uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    title                 text NOT NULL,
    objective_and_content text NOT NULL,
    means                 text NOT NULL,
    duration_hours        numeric(6, 2) NOT NULL,
    period_start          date NOT NULL,
    period_end            date NOT NULL,
    conduct_and_follow_up text NOT NULL,
    results_handover      text NOT NULL,
    price_euros           numeric(12, 2) NOT NULL,
    payment_terms         text NOT NULL,
    sent_date             date,
    received_date         date,
    employee_signed_date  date,
    employer_signed_date  date,
    provider_signed_date  date,
    employee_refused_date date,
    create_time           timestamptz NOT NULL,
    update_time           timestamptz NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    CONSTRAINT convention_period CHECK (period_end >= period_start),
    CONSTRAINT convention_received_after_sent CHECK (received_date IS NULL OR (sent_date IS NOT NULL AND received_date >= sent_date))
);

-- The employee's request for the employer's authorisation of a CPF bilan on working time (D6323-4), and the
-- employer's answer (answer: 0 none, 1 granted, 2 refused). A bilan without a row has not asked yet.
CREATE TABLE working_time_authorizations (
    bilan_id     uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    request_date date NOT NULL,
    answer       smallint NOT NULL DEFAULT 0,
    answer_date  date,
    update_time  timestamptz NOT NULL,
    version      integer NOT NULL DEFAULT 1,
    CONSTRAINT authorization_answer_dated CHECK ((answer = 0) = (answer_date IS NULL))
);

-- The follow-up interview proposed at completion (R6313-4 3°): proposed for completion_date + delay_months.
CREATE TABLE follow_ups (
    bilan_id        uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    completion_date date NOT NULL,
    delay_months    smallint NOT NULL CHECK (delay_months BETWEEN 1 AND 12),
    declined_date   date,
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);

-- Bilans completed before this migration get the follow-up they would have been proposed (policy default 6
-- months), dated from their completion event (type 8, COMPLETED).
INSERT INTO follow_ups (bilan_id, completion_date, delay_months, create_time, update_time)
SELECT b.id, (e.create_time AT TIME ZONE 'Europe/Paris')::date, 6, e.create_time, e.create_time
FROM bilans b
JOIN LATERAL (
    SELECT create_time FROM bilan_events WHERE bilan_id = b.id AND type = 8 ORDER BY id DESC LIMIT 1
) e ON true
WHERE b.state IN (5, 6);
