-- Documents kept after a bilan ends (Code du travail R6313-7, decree 2023-1350): the synthesis sent to the CEP
-- operator, or the documents the beneficiary agreed in writing to have kept for their follow-up. At most 3 years:
-- on retain_until (a Paris date) the retention job destroys them and deletes the row.
CREATE TABLE retained_documents (
    bilan_id     uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    retain_until date NOT NULL,
    -- A RetentionReason value: 1 = synthesis sent to the CEP operator, 2 = the beneficiary's written agreement.
    reason       smallint NOT NULL CHECK (reason IN (1, 2)),
    create_time  timestamptz NOT NULL
);

-- The job looks for the rows whose retention is over.
CREATE INDEX retained_documents_by_date ON retained_documents (retain_until);
