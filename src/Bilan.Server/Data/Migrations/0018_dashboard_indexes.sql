-- The dashboard's alerts (AlertService.ListAlerts, on every page view): the EDOF dossiers with a deadline still open,
-- a few among every CPF line ever funded. The predicate is EdofDeadlineAlerts' WHERE, word for word.
CREATE INDEX fundings_open_edof ON fundings (bilan_id)
    WHERE edof_state IS NOT NULL AND (edof_answer_date IS NULL OR edof_entry_declared_date IS NULL OR edof_exit_declared_date IS NULL);

-- The last activity of a bilan in progress (IdleBilanAlerts: max(create_time) of its events), one index read
-- whatever the length of its history.
CREATE INDEX bilan_events_by_bilan_time ON bilan_events (bilan_id, create_time);
