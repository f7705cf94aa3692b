-- Export presets: the settings are one JSON document checked by the contract
-- (shared/api/domains/export-presets.ts), so a new setting needs no migration.
CREATE TABLE export_presets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  settings TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

INSERT INTO export_presets (name, settings, builtin, created_at) VALUES
  ('Website',
   '{"size":{"fit":"long-edge","longEdge":2048},"format":"jpeg","quality":85,"sharpen":false,"fileName":"{event-slug}-{seq:03}","metadata":"all-but-location","watermark":{"kind":"none"}}',
   1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Newsletter',
   '{"size":{"fit":"long-edge","longEdge":1200},"format":"jpeg","quality":80,"sharpen":true,"fileName":"{event-slug}-{seq:03}","metadata":"credit-only","watermark":{"kind":"none"}}',
   1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Full-size copy',
   '{"size":{"fit":"original"},"format":"jpeg","quality":92,"sharpen":false,"fileName":"{original}","metadata":"all-but-location","watermark":{"kind":"none"}}',
   1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- A saved selection: photos in the order a person gave them, with a cover.
CREATE TABLE galleries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  cover_photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE gallery_photos (
  gallery_id INTEGER NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (gallery_id, photo_id)
) WITHOUT ROWID;
CREATE INDEX gallery_photos_order ON gallery_photos (gallery_id, position);
CREATE INDEX gallery_photos_photo ON gallery_photos (photo_id);

-- What was published where. Not an edit: the history of exports is a record of the world,
-- kept when the preset, the event or the photos change or go.
CREATE TABLE exports (
  id INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('event', 'project', 'gallery', 'photos')),
  -- The event's, project's or gallery's id (kept when that is deleted); NULL for a selection.
  source_id INTEGER,
  -- A selection's photo ids (JSON), to export it again.
  source_photos TEXT,
  title TEXT NOT NULL,
  preset_id INTEGER REFERENCES export_presets (id) ON DELETE SET NULL,
  preset_name TEXT NOT NULL,
  settings TEXT NOT NULL,
  out_dir TEXT NOT NULL,
  with_zip INTEGER NOT NULL DEFAULT 0,
  -- Set while the export runs: the folder it writes into, removed if the run never finished.
  staging_dir TEXT,
  -- The process writing it: a running export whose process is gone left debris.
  pid INTEGER,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  file_count INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  skipped TEXT NOT NULL DEFAULT '[]',
  error TEXT
);
CREATE INDEX exports_source ON exports (source_kind, source_id);
CREATE INDEX exports_running ON exports (status) WHERE status = 'running';

CREATE TABLE export_files (
  export_id INTEGER NOT NULL REFERENCES exports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  -- What the image was made from (the original's fingerprint and the text embedded):
  -- a photo whose hash differs now changed since it was exported.
  source_hash TEXT NOT NULL,
  PRIMARY KEY (export_id, position)
) WITHOUT ROWID;
CREATE INDEX export_files_photo ON export_files (photo_id) WHERE photo_id IS NOT NULL;
