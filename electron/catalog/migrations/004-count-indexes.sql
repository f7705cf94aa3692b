-- Kadar catalog, version 4: indexes for the counts and groupings the library browser asks
-- for at every start and refresh.

-- Per-root counts of missing and failed photos read a few index entries, not the whole root.
DROP INDEX photos_missing;
CREATE INDEX photos_missing ON photos (root_id) WHERE missing_since IS NOT NULL;
DROP INDEX photos_error;
CREATE INDEX photos_error ON photos (root_id) WHERE error_code IS NOT NULL;

-- The grid's day headings and the date tree count photos per local day.
CREATE INDEX photos_day ON photos (substr(taken_at, 1, 10));

-- "Has GPS": the filter pages by date and the statistics count them.
CREATE INDEX photos_gps_taken ON photos (taken_at, id) WHERE gps_latitude IS NOT NULL;
