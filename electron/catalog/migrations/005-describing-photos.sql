-- Describing photos: keywords as a tree with full paths, people with their organisation and
-- role, what people removed of a file's keywords and people, saved searches, and a project's
-- credit defaults.

-- A tag's full path ("Place/Niš"), kept on the row: photos list their tags by path, and a
-- rename or a move rewrites the paths below it (electron/catalog/tags-repo.ts).
ALTER TABLE tags ADD COLUMN path TEXT NOT NULL DEFAULT '';
WITH RECURSIVE down(id, path) AS (
  SELECT id, name FROM tags WHERE parent_id IS NULL
  UNION ALL SELECT t.id, down.path || '/' || t.name FROM tags t JOIN down ON t.parent_id = down.id)
UPDATE tags SET path = (SELECT path FROM down WHERE down.id = tags.id);

-- A file's keyword a person removed: the next rescan does not bring it back. Its absence from
-- photo_tags is the removal; this row remembers it was the person's doing.
CREATE TABLE photo_tag_removals (
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (photo_id, tag_id)
) WITHOUT ROWID;

-- People: where they work and what they do; who is in a photo by the file (IPTC
-- PersonInImage) or by a person's tagging, and who a person removed.
ALTER TABLE people ADD COLUMN organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL;
ALTER TABLE people ADD COLUMN role TEXT;
ALTER TABLE photo_people ADD COLUMN source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('file', 'user'));
CREATE UNIQUE INDEX people_name ON people (name COLLATE NOCASE);
CREATE TABLE photo_people_removals (
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (photo_id, person_id)
) WITHOUT ROWID;

-- Searches kept in the sidebar ("smart albums"): a name and the filter, as the API's JSON.
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  filter TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What a project's photos carry unless a photo has its own.
ALTER TABLE projects ADD COLUMN creator TEXT;
ALTER TABLE projects ADD COLUMN credit TEXT;
ALTER TABLE projects ADD COLUMN copyright TEXT;
