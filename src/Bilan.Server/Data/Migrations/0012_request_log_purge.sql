-- A request_id is remembered for 7 days (IdempotentRequests.RetryWindow); the hourly purge finds older ones here.
CREATE INDEX request_log_by_age ON request_log (create_time);
