-- An archive that outlives its catalog (issue #12): ids that stay the same in every catalog
-- and file that carries them, XMP sidecars per library folder, and what is still owed to them.

-- Stable ids. The row ids are the catalog's own and differ in a catalog rebuilt from sidecars
-- and kadar-archive.json; the uid is what those files name, so the same event found twice
-- (in two folders' files, or in a file and in a photo's sidecar) is one event. Set by triggers,
-- so no repository has to know; the edit history reads the row back with its uid, so an undo
-- and redo keep it.
ALTER TABLE events ADD COLUMN uid TEXT;
ALTER TABLE projects ADD COLUMN uid TEXT;
ALTER TABLE organisations ADD COLUMN uid TEXT;
ALTER TABLE documents ADD COLUMN uid TEXT;
ALTER TABLE galleries ADD COLUMN uid TEXT;
UPDATE events SET uid = lower(hex(randomblob(16)));
UPDATE projects SET uid = lower(hex(randomblob(16)));
UPDATE organisations SET uid = lower(hex(randomblob(16)));
UPDATE documents SET uid = lower(hex(randomblob(16)));
UPDATE galleries SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX events_uid ON events (uid);
CREATE UNIQUE INDEX projects_uid ON projects (uid);
CREATE UNIQUE INDEX organisations_uid ON organisations (uid);
CREATE UNIQUE INDEX documents_uid ON documents (uid);
CREATE UNIQUE INDEX galleries_uid ON galleries (uid);
CREATE TRIGGER events_uid AFTER INSERT ON events WHEN NEW.uid IS NULL BEGIN
  UPDATE events SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER projects_uid AFTER INSERT ON projects WHEN NEW.uid IS NULL BEGIN
  UPDATE projects SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER organisations_uid AFTER INSERT ON organisations WHEN NEW.uid IS NULL BEGIN
  UPDATE organisations SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER documents_uid AFTER INSERT ON documents WHEN NEW.uid IS NULL BEGIN
  UPDATE documents SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER galleries_uid AFTER INSERT ON galleries WHEN NEW.uid IS NULL BEGIN
  UPDATE galleries SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- XMP sidecars, switched on per library folder: NULL is off, else how sidecars are named
-- ('digikam': DSC_2208.JPG.xmp, 'lightroom': DSC_2208.xmp).
ALTER TABLE roots ADD COLUMN sidecars TEXT CHECK (sidecars IN ('digikam', 'lightroom'));

-- Photos whose sidecar may be out of date, kept by triggers as the search's dirty list is:
-- every way a photo's described values can change marks it, only in folders with sidecars on.
-- The sidecar writer drains it in batches (electron/longevity/sidecars/).
-- `mark` changes at every change, so a write that started before the latest change does not
-- clear it (the writer deletes the row only if the mark is still the one it read).
CREATE TABLE sidecar_dirty (photo_id INTEGER PRIMARY KEY, mark BLOB NOT NULL) WITHOUT ROWID;

CREATE TRIGGER sidecar_photo_update AFTER UPDATE OF
  user_title, user_caption, user_rating, user_flag, user_label, event_id,
  title, caption, keywords, creator, credit, copyright, city, location, event_name,
  rating, flag, label
ON photos WHEN (SELECT sidecars FROM roots WHERE id = NEW.root_id) IS NOT NULL BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark) VALUES (NEW.id, randomblob(8))
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;

CREATE TRIGGER sidecar_tag_insert AFTER INSERT ON photo_tags BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = NEW.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_tag_delete AFTER DELETE ON photo_tags BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = OLD.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_insert AFTER INSERT ON photo_people BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = NEW.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_delete AFTER DELETE ON photo_people BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = OLD.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_tag_removal_insert AFTER INSERT ON photo_tag_removals BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = NEW.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_tag_removal_delete AFTER DELETE ON photo_tag_removals BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = OLD.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_removal_insert AFTER INSERT ON photo_people_removals BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = NEW.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_removal_delete AFTER DELETE ON photo_people_removals BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id = OLD.photo_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;

-- What a sidecar says of its photo's event, project and tags comes from those rows.
CREATE TRIGGER sidecar_event_update AFTER UPDATE OF uid, title, starts_on, ends_on, venue, city
ON events BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.event_id = NEW.id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_project_update AFTER UPDATE OF uid, name, code, creator, credit, copyright
ON projects BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM project_events pe JOIN photos p ON p.event_id = pe.event_id
  JOIN roots r ON r.id = p.root_id
  WHERE pe.project_id = NEW.id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_project_event_insert AFTER INSERT ON project_events BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.event_id = NEW.event_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_project_event_delete AFTER DELETE ON project_events BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.event_id = OLD.event_id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_tag_path_update AFTER UPDATE OF path ON tags BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photo_tags pt JOIN photos p ON p.id = pt.photo_id
  JOIN roots r ON r.id = p.root_id
  WHERE pt.tag_id = NEW.id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_name_update AFTER UPDATE OF name ON people BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photo_people pp JOIN photos p ON p.id = pp.photo_id
  JOIN roots r ON r.id = p.root_id
  WHERE pp.person_id = NEW.id AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
