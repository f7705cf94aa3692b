-- Kadar catalog, version 2: people, organisations, projects, events and their documents.

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

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT,
  city TEXT,
  country TEXT,
  website TEXT
);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT UNIQUE,
  programme TEXT,
  starts_on TEXT,
  ends_on TEXT,
  description TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE project_partners (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'partner' CHECK (role IN ('lead', 'partner', 'associate')),
  PRIMARY KEY (project_id, organisation_id)
) WITHOUT ROWID;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  venue TEXT,
  city TEXT,
  organiser_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX events_starts ON events (starts_on);

CREATE TABLE project_events (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, event_id)
) WITHOUT ROWID;
CREATE INDEX project_events_event ON project_events (event_id);

CREATE TABLE event_photos (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, photo_id)
) WITHOUT ROWID;
CREATE INDEX event_photos_photo ON event_photos (photo_id);

-- Documents (PDF invitations, agendas, reports) stay where they are, like photos.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  path TEXT NOT NULL,
  mime TEXT,
  file_size INTEGER,
  event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  CHECK ((event_id IS NULL) <> (project_id IS NULL))
);
CREATE INDEX documents_event ON documents (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX documents_project ON documents (project_id) WHERE project_id IS NOT NULL;
