-- Kadar catalog, version 6: prefix indexes for the words people type while searching.
-- Every query word is a prefix ("stip" finds "Štip"), and without these FTS5 merges every
-- word that starts with it: a two-letter word or "DSC_22" took 90-180 ms over a million photos.
-- Prefixes of 1 to 4 letters are stored; longer ones match few enough words to merge.

DROP TABLE photo_search;
CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1,
  prefix = '1 2 3 4'
);

UPDATE photos SET search_key = NULL;
INSERT INTO settings (key, value) VALUES ('search.rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = '1';
