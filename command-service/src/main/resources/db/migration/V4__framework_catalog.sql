-- The indicators of every published framework version, as the command side needs them to start an assessment
-- (the version exists) and to record which indicators it must rate. Maintained by a subscribing event processor
-- in the same transaction as the FrameworkVersionPublishedEvent, so it is never behind.
CREATE TABLE framework_indicator (
    framework_code    VARCHAR(64) NOT NULL,
    framework_version INTEGER     NOT NULL,
    seq_no            INTEGER     NOT NULL,
    indicator_code    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_framework_indicator PRIMARY KEY (framework_code, framework_version, indicator_code)
);
