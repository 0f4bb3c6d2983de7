-- Every error the API answers, one row per correlation id, for support (SupportService.LookupError and
-- GetBilanDiagnostics). Written best effort by Api/ErrorMappingInterceptor, shared by every server instance;
-- rows older than 30 days are purged hourly (Data/ErrorLogPurge). Never any message text: the details of an
-- unexpected failure stay in the log of `instance`.
CREATE TABLE error_log (
    correlation_id  text PRIMARY KEY,
    create_time     timestamptz NOT NULL,
    method          text NOT NULL,
    status_code     smallint NOT NULL,
    reason          text NOT NULL,
    actor           text NOT NULL,
    resource_name   text,
    instance        text NOT NULL
);

-- The errors about a resource, latest first. text_pattern_ops serves both `resource_name = 'bilans/x'` and
-- the prefix `resource_name LIKE 'bilans/x/%'` (its interviews) whatever the database's collation.
CREATE INDEX error_log_by_resource ON error_log (resource_name text_pattern_ops, create_time);

-- The hourly purge of old rows.
CREATE INDEX error_log_by_time ON error_log (create_time);
