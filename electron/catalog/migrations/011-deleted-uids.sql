-- What people deleted, by uid, so a catalog rebuilt from library folders does not bring it back
-- (issue #12). A folder's kadar-archive.json or a photo's sidecar may be older than a deletion
-- (the folder was offline when it happened); the newer files carry these tombstones, the
-- catalog keeps them, and an older file's event, project... with a tombstoned uid is not made
-- again (electron/longevity/archive/import-archive.ts, restore-photo.ts).
CREATE TABLE deleted_uids (
  uid TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('event', 'project', 'organisation', 'document', 'gallery')),
  deleted_at TEXT NOT NULL
) WITHOUT ROWID;

-- Kept by triggers, as the uids themselves are: a deletion (by a person, a merge, or a cascade
-- from an event's deletion to its documents) leaves a tombstone, and a row coming back with its
-- uid (an undo of the deletion, an explicit archive import) lifts it.

CREATE TRIGGER events_deleted AFTER DELETE ON events WHEN OLD.uid IS NOT NULL BEGIN
  INSERT OR REPLACE INTO deleted_uids (uid, kind, deleted_at)
  VALUES (OLD.uid, 'event', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER events_undeleted AFTER INSERT ON events WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM deleted_uids WHERE uid = NEW.uid;
END;

CREATE TRIGGER projects_deleted AFTER DELETE ON projects WHEN OLD.uid IS NOT NULL BEGIN
  INSERT OR REPLACE INTO deleted_uids (uid, kind, deleted_at)
  VALUES (OLD.uid, 'project', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER projects_undeleted AFTER INSERT ON projects WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM deleted_uids WHERE uid = NEW.uid;
END;

CREATE TRIGGER organisations_deleted AFTER DELETE ON organisations WHEN OLD.uid IS NOT NULL BEGIN
  INSERT OR REPLACE INTO deleted_uids (uid, kind, deleted_at)
  VALUES (OLD.uid, 'organisation', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER organisations_undeleted AFTER INSERT ON organisations WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM deleted_uids WHERE uid = NEW.uid;
END;

CREATE TRIGGER documents_deleted AFTER DELETE ON documents WHEN OLD.uid IS NOT NULL BEGIN
  INSERT OR REPLACE INTO deleted_uids (uid, kind, deleted_at)
  VALUES (OLD.uid, 'document', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER documents_undeleted AFTER INSERT ON documents WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM deleted_uids WHERE uid = NEW.uid;
END;

CREATE TRIGGER galleries_deleted AFTER DELETE ON galleries WHEN OLD.uid IS NOT NULL BEGIN
  INSERT OR REPLACE INTO deleted_uids (uid, kind, deleted_at)
  VALUES (OLD.uid, 'gallery', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER galleries_undeleted AFTER INSERT ON galleries WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM deleted_uids WHERE uid = NEW.uid;
END;
