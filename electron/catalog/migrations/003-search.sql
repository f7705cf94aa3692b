-- Kadar catalog, version 3: full-text search.

-- One document per photo: its own text plus its events' and projects', folded to plain Latin
-- lower case (see shared/text/fold-text.ts) so "Niš", "Nis" and "Ниш" match alike.
CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1
);

-- The body is folded in JavaScript, so the catalog fills this index after migrating.
INSERT INTO settings (key, value) VALUES ('search.rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = '1';
