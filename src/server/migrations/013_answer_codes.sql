-- Issue 13 §3: the questionnaire-quality page reads every measurement's answers. Parsing 100,000 jsonb answer objects
-- takes seconds on PGlite; one character per item (src/shared/core/answerCodes.ts) reads in a fraction of that.
-- Written at ingest beside the answers (same row, so erased with them); rows stored before this migration or by bulk
-- loaders are filled at start (src/server/quality/answerCodes.ts), and readers fall back to the answers meanwhile.
ALTER TABLE measurements ADD COLUMN answer_codes text;
CREATE INDEX measurements_without_codes ON measurements (instrument_id, instrument_version)
  WHERE answer_codes IS NULL;
