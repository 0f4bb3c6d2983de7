-- The dashboard's next interviews (SummarizeBilans): scheduled interviews (status 1) in start order.
CREATE INDEX interviews_upcoming ON interviews (start_time, id) WHERE status = 1;
