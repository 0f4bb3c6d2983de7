-- Consents (L6313-4): the beneficiary's consent to the bilan itself, recorded before it starts, and their
-- explicit agreements to disclose the synthesis (and detailed results) to a third party.

-- At most one consent to the bilan; method is a ConsentMethod value (1..4).
CREATE TABLE bilan_consents (
    bilan_id                    uuid PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
    consent_date                date NOT NULL,
    method                      smallint NOT NULL,
    -- The beneficiary agreed in writing to have documents kept for the follow-up of their situation (R6313-7).
    keep_documents_for_follow_up boolean NOT NULL,
    recorded_by                 text NOT NULL,
    create_time                 timestamptz NOT NULL,
    row_version                 integer NOT NULL DEFAULT 1
);

-- Each agreement names one recipient: an organisation of the system, or a CEP operator by name.
CREATE TABLE disclosure_consents (
    id              uuid PRIMARY KEY,
    bilan_id        uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    organization_id uuid REFERENCES organizations (id),
    cep_operator    text,
    scope           smallint NOT NULL,
    -- How the agreement was given (never the synthesis itself).
    evidence        text NOT NULL CHECK (char_length(evidence) <= 500),
    consent_date    date NOT NULL,
    create_time     timestamptz NOT NULL,
    revoke_time     timestamptz,
    version         integer NOT NULL DEFAULT 1,
    CONSTRAINT disclosure_one_recipient CHECK ((organization_id IS NULL) <> (cep_operator IS NULL))
);

CREATE INDEX disclosure_consents_by_bilan ON disclosure_consents (bilan_id, create_time, id);
CREATE INDEX disclosure_consents_active_by_organization ON disclosure_consents (bilan_id, organization_id)
    WHERE revoke_time IS NULL;
