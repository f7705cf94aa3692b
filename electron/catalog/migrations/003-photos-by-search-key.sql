-- Photos in search-key order (capture second, then id): a search's events that hold a large
-- share of all photos ("n", a common town) have their page among the first keys of this index,
-- checked by event, instead of sorting every key of theirs.
CREATE INDEX photos_search_key ON photos (search_key);
