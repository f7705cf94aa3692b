-- Kadar catalog, version 1: the baseline.
-- Dates are ISO-8601 text. Photo times are local wall-clock time as the camera recorded it
-- ("2015-11-28T18:03:12.250"), with the UTC offset in a separate column when the file had one.
-- What files say and what people type are kept apart: the indexer writes the file columns of
-- photos, people write the user_* columns and everything else through the edit history
-- (edits), and a rescan never touches what people wrote.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

---------------------------------------------------------------------------------------------
-- The library: folders of photos, indexed in place.

CREATE TABLE roots (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- offline: the folder could not be reached (unmounted drive); its photos keep everything.
  status TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline')),
  added_at TEXT NOT NULL,
  last_scan_started_at TEXT,
  last_scan_completed_at TEXT
);

CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  root_id INTEGER NOT NULL REFERENCES roots (id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES folders (id) ON DELETE CASCADE,
  -- '/'-separated path relative to the root; '' is the root folder itself.
  rel_path TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (root_id, rel_path)
);
CREATE INDEX folders_parent ON folders (parent_id);

CREATE TABLE cameras (
  id INTEGER PRIMARY KEY,
  make TEXT NOT NULL,
  model TEXT NOT NULL,
  UNIQUE (make, model)
);

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT,
  city TEXT,
  country TEXT,
  website TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX organisations_name ON organisations (name COLLATE NOCASE);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  -- 'HH:MM' where known.
  start_time TEXT,
  end_time TEXT,
  venue TEXT,
  city TEXT,
  country TEXT,
  organiser_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  description TEXT,
  cover_photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX events_starts ON events (starts_on, id);
CREATE INDEX events_organiser ON events (organiser_id) WHERE organiser_id IS NOT NULL;

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  root_id INTEGER NOT NULL REFERENCES roots (id) ON DELETE CASCADE,
  folder_id INTEGER NOT NULL REFERENCES folders (id),
  rel_path TEXT NOT NULL,
  file_name TEXT NOT NULL,
  -- What the file says (see shared/catalog/photo-fields.ts, the one list of these columns).
  file_size INTEGER NOT NULL,
  file_mtime INTEGER NOT NULL,
  sidecar_mtime INTEGER,
  fingerprint TEXT,
  format TEXT,
  name_prefix TEXT,
  name_number INTEGER,
  taken_at TEXT NOT NULL,
  taken_at_offset TEXT,
  taken_at_source TEXT NOT NULL CHECK (
    taken_at_source IN ('DateTimeOriginal', 'CreateDate', 'DateCreated', 'FileName', 'FileTime')
  ),
  camera_id INTEGER REFERENCES cameras (id),
  lens TEXT,
  focal_length REAL,
  f_number REAL,
  exposure_time REAL,
  iso INTEGER,
  orientation INTEGER,
  width INTEGER,
  height INTEGER,
  gps_latitude REAL,
  gps_longitude REAL,
  gps_altitude REAL,
  title TEXT,
  caption TEXT,
  keywords TEXT NOT NULL DEFAULT '[]',
  creator TEXT,
  credit TEXT,
  copyright TEXT,
  city TEXT,
  location TEXT,
  region TEXT,
  country TEXT,
  event_name TEXT,
  rating INTEGER,
  thumb_key TEXT,
  error_code TEXT,
  error TEXT,
  warnings TEXT,
  -- What people typed: wins over the file's value where set ('' clears a file's text).
  user_title TEXT,
  user_caption TEXT,
  user_rating INTEGER CHECK (user_rating BETWEEN 0 AND 5),
  -- A photo belongs to at most one event.
  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
  -- Bookkeeping.
  search_key INTEGER,
  added_at TEXT NOT NULL,
  indexed_at TEXT NOT NULL,
  missing_since TEXT,
  UNIQUE (root_id, rel_path)
);
CREATE INDEX photos_taken ON photos (taken_at, id);
CREATE INDEX photos_root_taken ON photos (root_id, taken_at, id);
CREATE INDEX photos_folder ON photos (folder_id);
CREATE INDEX photos_camera_taken ON photos (camera_id, taken_at, id);
CREATE INDEX photos_name ON photos (file_name COLLATE NOCASE, id);
CREATE INDEX photos_fingerprint ON photos (fingerprint) WHERE fingerprint IS NOT NULL;
-- Per-root counts of missing and failed photos read a few index entries, not the whole root.
CREATE INDEX photos_missing ON photos (root_id) WHERE missing_since IS NOT NULL;
CREATE INDEX photos_error ON photos (root_id) WHERE error_code IS NOT NULL;
-- The grid's day headings and the date tree count photos per local day.
CREATE INDEX photos_day ON photos (substr(taken_at, 1, 10));
-- "Has GPS": the filter pages by date and the statistics count them.
CREATE INDEX photos_gps_taken ON photos (taken_at, id) WHERE gps_latitude IS NOT NULL;
-- An event's photos, and the photos in no event, page by date straight off this index.
CREATE INDEX photos_event_taken ON photos (event_id, taken_at, id);

-- Photos per root and local day, kept by triggers: the date tree and the grid's day headings
-- of the whole library or one root read a few thousand rows instead of every photo.
CREATE TABLE photo_day_counts (
  root_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  photos INTEGER NOT NULL CHECK (photos > 0),
  PRIMARY KEY (root_id, day)
) WITHOUT ROWID;

CREATE TRIGGER photo_day_counts_insert AFTER INSERT ON photos BEGIN
  INSERT INTO photo_day_counts (root_id, day, photos)
    VALUES (NEW.root_id, substr(NEW.taken_at, 1, 10), 1)
    ON CONFLICT (root_id, day) DO UPDATE SET photos = photos + 1;
END;

CREATE TRIGGER photo_day_counts_delete AFTER DELETE ON photos BEGIN
  DELETE FROM photo_day_counts
    WHERE root_id = OLD.root_id AND day = substr(OLD.taken_at, 1, 10) AND photos = 1;
  UPDATE photo_day_counts SET photos = photos - 1
    WHERE root_id = OLD.root_id AND day = substr(OLD.taken_at, 1, 10);
END;

CREATE TRIGGER photo_day_counts_update AFTER UPDATE OF root_id, taken_at ON photos
  WHEN OLD.root_id IS NOT NEW.root_id
    OR substr(OLD.taken_at, 1, 10) IS NOT substr(NEW.taken_at, 1, 10)
BEGIN
  DELETE FROM photo_day_counts
    WHERE root_id = OLD.root_id AND day = substr(OLD.taken_at, 1, 10) AND photos = 1;
  UPDATE photo_day_counts SET photos = photos - 1
    WHERE root_id = OLD.root_id AND day = substr(OLD.taken_at, 1, 10);
  INSERT INTO photo_day_counts (root_id, day, photos)
    VALUES (NEW.root_id, substr(NEW.taken_at, 1, 10), 1)
    ON CONFLICT (root_id, day) DO UPDATE SET photos = photos + 1;
END;

-- Hierarchical keywords ("Places|Serbia|Niš"). Root tags have no parent.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES tags (id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_unique ON tags (ifnull(parent_id, 0), name COLLATE NOCASE);

-- taken_at is copied from photos so a tag's photos page by date straight off an index.
CREATE TABLE photo_tags (
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('file', 'user')),
  taken_at TEXT,
  PRIMARY KEY (photo_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX photo_tags_tag_taken ON photo_tags (tag_id, taken_at, photo_id);

CREATE TRIGGER photo_tags_taken_at AFTER INSERT ON photo_tags
BEGIN
  UPDATE photo_tags SET taken_at = (SELECT taken_at FROM photos WHERE id = NEW.photo_id)
  WHERE photo_id = NEW.photo_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER photos_taken_at_to_tags AFTER UPDATE OF taken_at ON photos
BEGIN
  UPDATE photo_tags SET taken_at = NEW.taken_at WHERE photo_id = NEW.id;
END;

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  notes TEXT
);

CREATE TABLE photo_people (
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (photo_id, person_id)
) WITHOUT ROWID;
CREATE INDEX photo_people_person ON photo_people (person_id);

CREATE TABLE index_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('index', 'rescan')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
  found INTEGER NOT NULL DEFAULT 0,
  indexed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  missing INTEGER NOT NULL DEFAULT 0,
  moved INTEGER NOT NULL DEFAULT 0,
  message TEXT
);

-- Folders and roots the last runs could not read.
CREATE TABLE scan_issues (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES index_runs (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX scan_issues_run ON scan_issues (run_id);

---------------------------------------------------------------------------------------------
-- The archive: projects, their partners and events, and the documents of both.

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT UNIQUE,
  programme TEXT,
  starts_on TEXT,
  ends_on TEXT,
  description TEXT,
  created_at TEXT NOT NULL,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE project_partners (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'partner' CHECK (role IN ('lead', 'partner', 'associate')),
  -- The order partners are listed in (the lead first, as the application form had them).
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX project_partners_organisation ON project_partners (organisation_id);

CREATE TABLE project_events (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, event_id)
) WITHOUT ROWID;
CREATE INDEX project_events_event ON project_events (event_id);

-- Invitations, agendas, reports. A copy lives in the catalog's documents folder
-- (stored_name); a linked one stays where it is, under a library root, like photos.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  page_count INTEGER,
  storage TEXT NOT NULL CHECK (storage IN ('copy', 'link')),
  stored_name TEXT,
  root_id INTEGER REFERENCES roots (id),
  rel_path TEXT,
  event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  CHECK ((event_id IS NULL) <> (project_id IS NULL)),
  CHECK ((storage = 'copy') = (stored_name IS NOT NULL)),
  CHECK ((storage = 'link') = (root_id IS NOT NULL AND rel_path IS NOT NULL))
);
CREATE INDEX documents_event ON documents (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX documents_project ON documents (project_id) WHERE project_id IS NOT NULL;

-- A document's text (PDFs), apart from its row: lists of documents never read it.
CREATE TABLE document_text (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);

---------------------------------------------------------------------------------------------
-- The edit history: every edit a person makes is one step, with the rows it changed before
-- and after, so it can be undone and redone, also after a restart.

CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  at TEXT NOT NULL,
  -- JSON: the row changes, in the order they were made (see electron/edits/changes.ts).
  changes TEXT NOT NULL,
  -- Entity kinds the step touched, comma-separated, for refreshing views after undo/redo.
  kinds TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

---------------------------------------------------------------------------------------------
-- Search. Every text the catalog searches is folded in JavaScript (shared/text/fold-text.ts:
-- "Niš", "Nis" and "Ниш" alike), so triggers only note what changed, in the dirty queues below,
-- and the writing transaction refreshes those documents before it commits
-- (electron/catalog/search/). No repository has to remember to.

-- One document per photo: its own text, its folder, tags, people, and its event's and that
-- event's projects' names. Its rowid sorts like (capture second, photo id), so "newest matches
-- first" reads the first matches in key order; photos.search_key remembers it. Prefixes of 1
-- to 4 letters are indexed because every query word is a prefix ("stip" finds "Štip").
CREATE VIRTUAL TABLE photo_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1,
  detail = none,
  prefix = '1 2 3 4'
);

-- One document per event, project and organisation (with its documents' titles), for finding
-- them by name. rowid = id * 4 + kind.
CREATE VIRTUAL TABLE archive_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1,
  prefix = '1 2 3'
);

-- One per attached document: its title, file name and text. A word in an event's invitation
-- finds the event, and so its photos. rowid = the document's id.
CREATE VIRTUAL TABLE document_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1
);

CREATE TABLE search_dirty (photo_id INTEGER PRIMARY KEY) WITHOUT ROWID;
-- key = id * 4 + kind (0 event, 1 project, 2 organisation: archive_search's rowid; 3 document).
CREATE TABLE archive_dirty (key INTEGER PRIMARY KEY) WITHOUT ROWID;

-- Photos: their own text.
CREATE TRIGGER search_photo_insert AFTER INSERT ON photos BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;
CREATE TRIGGER search_photo_update AFTER UPDATE OF
  file_name, folder_id, taken_at, camera_id, lens, title, caption, keywords, creator, credit,
  city, location, region, country, event_name, user_title, user_caption, event_id ON photos
BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;
CREATE TRIGGER search_photo_delete AFTER DELETE ON photos BEGIN
  DELETE FROM photo_search WHERE rowid = OLD.search_key;
  DELETE FROM search_dirty WHERE photo_id = OLD.id;
END;

-- A folder's path is part of its photos' text ("Modna revija Štip").
CREATE TRIGGER search_folder_update AFTER UPDATE OF rel_path ON folders BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos WHERE folder_id = NEW.id;
END;

-- Tags and people on photos.
CREATE TRIGGER search_photo_tag_insert AFTER INSERT ON photo_tags BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (NEW.photo_id);
END;
CREATE TRIGGER search_photo_tag_delete AFTER DELETE ON photo_tags BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos WHERE id = OLD.photo_id;
END;
CREATE TRIGGER search_tag_update AFTER UPDATE OF name, parent_id ON tags BEGIN
  INSERT OR IGNORE INTO search_dirty
    WITH RECURSIVE down(id) AS (
      SELECT NEW.id UNION SELECT t.id FROM tags t JOIN down ON t.parent_id = down.id)
    SELECT photo_id FROM photo_tags WHERE tag_id IN (SELECT id FROM down);
END;
CREATE TRIGGER search_photo_person_insert AFTER INSERT ON photo_people BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (NEW.photo_id);
END;
CREATE TRIGGER search_photo_person_delete AFTER DELETE ON photo_people BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos WHERE id = OLD.photo_id;
END;
CREATE TRIGGER search_person_update AFTER UPDATE OF name ON people BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT photo_id FROM photo_people WHERE person_id = NEW.id;
END;

-- Events: their photos' documents name them, and they have their own.
CREATE TRIGGER search_event_insert AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4);
END;
CREATE TRIGGER search_event_update AFTER UPDATE OF
  title, venue, city, country, organiser_id, description ON events
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4);
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos
    WHERE event_id = NEW.id
      AND (OLD.title, OLD.venue, OLD.city, OLD.country, OLD.organiser_id)
        IS NOT (NEW.title, NEW.venue, NEW.city, NEW.country, NEW.organiser_id);
END;
CREATE TRIGGER search_event_delete AFTER DELETE ON events BEGIN
  DELETE FROM archive_search WHERE rowid = OLD.id * 4;
  DELETE FROM archive_dirty WHERE key = OLD.id * 4;
END;

-- Projects and their partners, named in their events' photos' documents.
CREATE TRIGGER search_project_insert AFTER INSERT ON projects BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 1);
END;
CREATE TRIGGER search_project_update AFTER UPDATE OF
  name, code, programme, description ON projects
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 1);
  INSERT OR IGNORE INTO archive_dirty SELECT event_id * 4 FROM project_events
    WHERE project_id = NEW.id;
  INSERT OR IGNORE INTO search_dirty SELECT p.id FROM project_events pe
    JOIN photos p ON p.event_id = pe.event_id
    WHERE pe.project_id = NEW.id
      AND (OLD.name, OLD.code, OLD.programme) IS NOT (NEW.name, NEW.code, NEW.programme);
END;
CREATE TRIGGER search_project_delete AFTER DELETE ON projects BEGIN
  DELETE FROM archive_search WHERE rowid = OLD.id * 4 + 1;
  DELETE FROM archive_dirty WHERE key = OLD.id * 4 + 1;
END;
CREATE TRIGGER search_project_event_insert AFTER INSERT ON project_events BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.event_id * 4), (NEW.project_id * 4 + 1);
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER search_project_event_delete AFTER DELETE ON project_events BEGIN
  INSERT OR IGNORE INTO archive_dirty
    SELECT id * 4 FROM events WHERE id = OLD.event_id
    UNION ALL SELECT id * 4 + 1 FROM projects WHERE id = OLD.project_id;
  INSERT OR IGNORE INTO search_dirty SELECT id FROM photos WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER search_partner_insert AFTER INSERT ON project_partners BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.project_id * 4 + 1);
  INSERT OR IGNORE INTO search_dirty SELECT p.id FROM project_events pe
    JOIN photos p ON p.event_id = pe.event_id WHERE pe.project_id = NEW.project_id;
END;
CREATE TRIGGER search_partner_delete AFTER DELETE ON project_partners BEGIN
  INSERT OR IGNORE INTO archive_dirty SELECT id * 4 + 1 FROM projects WHERE id = OLD.project_id;
  INSERT OR IGNORE INTO search_dirty SELECT p.id FROM project_events pe
    JOIN photos p ON p.event_id = pe.event_id WHERE pe.project_id = OLD.project_id;
END;

-- Organisations: named by the events they organised and the projects they are partners in.
CREATE TRIGGER search_organisation_insert AFTER INSERT ON organisations BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 2);
END;
CREATE TRIGGER search_organisation_update AFTER UPDATE OF
  name, short_name, city, country ON organisations
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 2);
  INSERT OR IGNORE INTO archive_dirty SELECT id * 4 FROM events WHERE organiser_id = NEW.id;
  INSERT OR IGNORE INTO archive_dirty
    SELECT project_id * 4 + 1 FROM project_partners WHERE organisation_id = NEW.id;
  INSERT OR IGNORE INTO search_dirty
    SELECT p.id FROM events e JOIN photos p ON p.event_id = e.id
      WHERE e.organiser_id = NEW.id AND (OLD.name, OLD.short_name) IS NOT (NEW.name, NEW.short_name)
    UNION
    SELECT p.id FROM project_partners pp JOIN project_events pe ON pe.project_id = pp.project_id
      JOIN photos p ON p.event_id = pe.event_id
      WHERE pp.organisation_id = NEW.id AND OLD.name IS NOT NEW.name;
END;
CREATE TRIGGER search_organisation_delete AFTER DELETE ON organisations BEGIN
  DELETE FROM archive_search WHERE rowid = OLD.id * 4 + 2;
  DELETE FROM archive_dirty WHERE key = OLD.id * 4 + 2;
END;

-- Documents: their titles name their event or project; their text has its own index.
CREATE TRIGGER search_document_insert AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO archive_dirty
    VALUES (coalesce(NEW.event_id * 4, NEW.project_id * 4 + 1)), (NEW.id * 4 + 3);
END;
CREATE TRIGGER search_document_update AFTER UPDATE OF title, event_id, project_id ON documents
BEGIN
  INSERT OR IGNORE INTO archive_dirty
    VALUES (coalesce(OLD.event_id * 4, OLD.project_id * 4 + 1)),
      (coalesce(NEW.event_id * 4, NEW.project_id * 4 + 1)), (NEW.id * 4 + 3);
END;
CREATE TRIGGER search_document_delete AFTER DELETE ON documents BEGIN
  DELETE FROM document_search WHERE rowid = OLD.id;
  DELETE FROM archive_dirty WHERE key = OLD.id * 4 + 3;
  INSERT OR IGNORE INTO archive_dirty
    SELECT id * 4 FROM events WHERE id = OLD.event_id
    UNION ALL SELECT id * 4 + 1 FROM projects WHERE id = OLD.project_id;
END;
CREATE TRIGGER search_document_text_insert AFTER INSERT ON document_text BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.document_id * 4 + 3);
END;
CREATE TRIGGER search_document_text_delete AFTER DELETE ON document_text BEGIN
  INSERT OR IGNORE INTO archive_dirty SELECT id * 4 + 3 FROM documents WHERE id = OLD.document_id;
END;
