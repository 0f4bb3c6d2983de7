-- The event stream (BilanService.WatchBilanEvents) reads bilan_events from the database, so that it works with
-- several server instances and concurrent writers.
--
-- Event ids come from an identity column, taken when the row is inserted, not when its transaction commits:
-- a transaction holding id 5 can commit after one holding id 6. A watcher reading "id > last delivered" in
-- that window would deliver 6, move past 5, and never see 5. Ordering by the writing transaction's id does
-- not fix it alone either (a transaction may get its xid before another yet take a later event id).
--
-- So each event records its transaction, and the stream only reads events whose transaction is older than
-- every transaction still running (tx < pg_snapshot_xmin(pg_current_snapshot())): those transactions have all
-- ended, so that set of events is final, and it only ever grows by events with a larger tx. The stream is
-- ordered by (tx, id), and a cursor is a position (tx, id): nothing after it can appear before it later.
-- The cost is latency: an event waits until every transaction that began before it has ended.
--
-- Existing rows get the transaction of this migration: older than anything written after it, as they are.
ALTER TABLE bilan_events ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE INDEX bilan_events_in_stream_order ON bilan_events (tx, id);

-- Clients resume from an event id; deleting a bilan deletes its events (ON DELETE CASCADE), which must not
-- make a cursor naming one of them unusable. Each deleted event's position is kept here.
CREATE TABLE bilan_event_positions_deleted (
    id bigint PRIMARY KEY,
    tx xid8 NOT NULL
);

CREATE FUNCTION keep_deleted_bilan_event_positions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO bilan_event_positions_deleted (id, tx) SELECT id, tx FROM deleted_events ON CONFLICT (id) DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER bilan_events_keep_deleted_positions
    AFTER DELETE ON bilan_events REFERENCING OLD TABLE AS deleted_events
    FOR EACH STATEMENT EXECUTE FUNCTION keep_deleted_bilan_event_positions();
