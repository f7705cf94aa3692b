-- Kadar catalog, version 5: search results page by date straight off the full-text index.
-- Each photo's document is stored under a key that sorts like (capture second, photo id), so
-- "newest matches first" reads the first 200 matches in key order instead of sorting them all.
-- photos.search_key remembers the key, to replace the document when the date changes.

ALTER TABLE photos ADD COLUMN search_key INTEGER;

DROP TABLE photo_search;
CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1
);

INSERT INTO settings (key, value) VALUES ('search.rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = '1';
