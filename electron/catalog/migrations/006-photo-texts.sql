-- Photos' search documents keep their text beside the index. A contentless_delete index looks
-- every inserted rowid up in case it replaces a row (about 40 µs for a rowid inside the range
-- rather than past its end), and a rewritten document keeps its date key: tagging or captioning
-- 10,000 photos spent half a second there. Over an external content table, a document is taken
-- out with FTS5's 'delete' command and its old text, and put back as a plain insert.
DROP TRIGGER search_photo_delete;
DROP TABLE photo_search;

CREATE TABLE photo_texts (
  key INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);

-- As before: rowids sort like (capture second, photo id); prefixes of 1 to 4 letters indexed.
CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = 'photo_texts',
  content_rowid = 'key',
  detail = none,
  prefix = '1 2 3 4'
);

CREATE TRIGGER search_photo_delete AFTER DELETE ON photos BEGIN
  INSERT INTO photo_search (photo_search, rowid, body)
    SELECT 'delete', key, body FROM photo_texts WHERE key = OLD.search_key;
  DELETE FROM photo_texts WHERE key = OLD.search_key;
  DELETE FROM search_dirty WHERE photo_id = OLD.id;
END;

UPDATE photos SET search_key = NULL;
INSERT OR REPLACE INTO settings (key, value) VALUES ('search.rebuild', '1');
