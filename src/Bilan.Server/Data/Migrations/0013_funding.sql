-- Funding (prise en charge) of bilans: one row per funding line, with the EDOF dossier of a CPF line in the same
-- row (at most one per line). Enum columns hold the domain's numeric values (FunderType, FundingStatus, EdofState).

CREATE TABLE fundings (
    id                       uuid PRIMARY KEY,
    bilan_id                 uuid NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
    funder_type              smallint NOT NULL,
    funder_name              text NOT NULL CHECK (char_length(funder_name) <= 200),
    amount_cents             bigint NOT NULL CHECK (amount_cents > 0),
    status                   smallint NOT NULL,
    requested_date           date NOT NULL,
    decide_date              date,
    paid_date                date,
    reference                text NOT NULL DEFAULT '' CHECK (char_length(reference) <= 100),
    refusal_reason           text,
    funded_hours             smallint NOT NULL DEFAULT 0 CHECK (funded_hours BETWEEN 0 AND 24),
    edof_number              text,
    edof_receive_date        date,
    edof_state               smallint,
    edof_state_reason        text,
    edof_state_date          date,
    edof_answer_date         date,
    edof_proposal_date       date,
    edof_start_date          date,
    edof_end_date            date,
    edof_entry_date          date,
    edof_entry_declared_date date,
    edof_exit_date           date,
    edof_exit_declared_date  date,
    version                  integer NOT NULL DEFAULT 1,
    create_time              timestamptz NOT NULL,
    update_time              timestamptz NOT NULL,
    CONSTRAINT edof_dossier_complete CHECK ((edof_number IS NULL) = (edof_receive_date IS NULL) AND (edof_number IS NULL) = (edof_state IS NULL)),
    -- Only a CPF line (funder type 1) has an EDOF dossier.
    CONSTRAINT edof_dossier_only_cpf CHECK (edof_number IS NULL OR funder_type = 1),
    CONSTRAINT paid_has_date CHECK (status <> 4 OR paid_date IS NOT NULL)
);

CREATE INDEX fundings_by_bilan ON fundings (bilan_id, create_time, id);
-- The BPF's income: lines paid in a period.
CREATE INDEX fundings_paid ON fundings (paid_date) WHERE paid_date IS NOT NULL;
-- One EDOF dossier number per line.
CREATE UNIQUE INDEX fundings_edof_number ON fundings (edof_number) WHERE edof_number IS NOT NULL;
