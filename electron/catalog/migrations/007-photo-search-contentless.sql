-- Back to a contentless index without a copy of each document's text (migration 006 kept one,
-- 215 MB at a million photos). What made rewriting documents slow was not the index kind but
-- the order: FTS5 writes its pending terms out whenever a rowid is not above the last one
-- written in the transaction, so documents rewritten newest first became a segment each.
-- electron/catalog/search/photo-documents.ts now deletes, then inserts, in ascending key order.
DROP TRIGGER search_photo_delete;
DROP TABLE photo_search;
DROP TABLE photo_texts;

CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1,
  detail = none,
  prefix = '1 2 3 4'
);

CREATE TRIGGER search_photo_delete AFTER DELETE ON photos BEGIN
  DELETE FROM photo_search WHERE rowid = OLD.search_key;
  DELETE FROM search_dirty WHERE photo_id = OLD.id;
END;

UPDATE photos SET search_key = NULL;
INSERT OR REPLACE INTO settings (key, value) VALUES ('search.rebuild', '1');
