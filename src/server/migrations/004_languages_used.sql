-- Every language a client had on screen during a measurement (issue 5: researchers compare mixed-language sessions).
-- Rows stored before this migration came from tablets that sent only the final language. Left nullable so bulk
-- loaders that predate the column still work; readers fall back to the single language.
ALTER TABLE measurements ADD COLUMN languages_used jsonb;
UPDATE measurements SET languages_used = jsonb_build_array(language);
