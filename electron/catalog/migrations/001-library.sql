-- Kadar catalog, version 1: the photo library.
-- Dates are ISO-8601 text. Photo times are local wall-clock time as the camera recorded it
-- ("2015-11-28T18:03:12.250"), with the UTC offset in a separate column when the file had one.

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

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  root_id INTEGER NOT NULL REFERENCES roots (id) ON DELETE CASCADE,
  folder_id INTEGER NOT NULL REFERENCES folders (id),
  rel_path TEXT NOT NULL,
  file_name TEXT NOT NULL,
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
CREATE INDEX photos_missing ON photos (missing_since) WHERE missing_since IS NOT NULL;
CREATE INDEX photos_error ON photos (error_code) WHERE error_code IS NOT NULL;

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

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
