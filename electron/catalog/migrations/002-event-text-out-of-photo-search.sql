-- Photos' search documents hold their own text only. Their event's, projects' and partners'
-- names are found through the event's document in archive_search at query time
-- (electron/catalog/search/event-matches.ts), so moving photos between events, or renaming an
-- event, a project or an organisation, rewrites one document per event instead of one per photo
-- (undoing a 10,000-photo assignment rewrote 10,000 documents; renaming the archive's own
-- organisation, 351,020).

-- A photo's event no longer changes its document.
DROP TRIGGER search_photo_update;
CREATE TRIGGER search_photo_update AFTER UPDATE OF
  file_name, folder_id, taken_at, camera_id, lens, title, caption, keywords, creator, credit,
  city, location, region, country, event_name, user_title, user_caption ON photos
BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;

DROP TRIGGER search_event_update;
CREATE TRIGGER search_event_update AFTER UPDATE OF
  title, venue, city, country, organiser_id, description ON events
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4);
END;

-- An event's document names its projects and their partners.
DROP TRIGGER search_project_update;
CREATE TRIGGER search_project_update AFTER UPDATE OF
  name, code, programme, description ON projects
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 1);
  INSERT OR IGNORE INTO archive_dirty SELECT event_id * 4 FROM project_events
    WHERE project_id = NEW.id AND (OLD.name, OLD.code, OLD.programme) IS NOT (NEW.name, NEW.code, NEW.programme);
END;
DROP TRIGGER search_project_event_insert;
CREATE TRIGGER search_project_event_insert AFTER INSERT ON project_events BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.event_id * 4), (NEW.project_id * 4 + 1);
END;
DROP TRIGGER search_project_event_delete;
CREATE TRIGGER search_project_event_delete AFTER DELETE ON project_events BEGIN
  INSERT OR IGNORE INTO archive_dirty
    SELECT id * 4 FROM events WHERE id = OLD.event_id
    UNION ALL SELECT id * 4 + 1 FROM projects WHERE id = OLD.project_id;
END;
DROP TRIGGER search_partner_insert;
CREATE TRIGGER search_partner_insert AFTER INSERT ON project_partners BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.project_id * 4 + 1);
  INSERT OR IGNORE INTO archive_dirty
    SELECT event_id * 4 FROM project_events WHERE project_id = NEW.project_id;
END;
DROP TRIGGER search_partner_delete;
CREATE TRIGGER search_partner_delete AFTER DELETE ON project_partners BEGIN
  INSERT OR IGNORE INTO archive_dirty SELECT id * 4 + 1 FROM projects WHERE id = OLD.project_id;
  INSERT OR IGNORE INTO archive_dirty
    SELECT event_id * 4 FROM project_events WHERE project_id = OLD.project_id;
END;

DROP TRIGGER search_organisation_update;
CREATE TRIGGER search_organisation_update AFTER UPDATE OF
  name, short_name, city, country ON organisations
BEGIN
  INSERT OR IGNORE INTO archive_dirty VALUES (NEW.id * 4 + 2);
  INSERT OR IGNORE INTO archive_dirty SELECT id * 4 FROM events WHERE organiser_id = NEW.id;
  INSERT OR IGNORE INTO archive_dirty
    SELECT project_id * 4 + 1 FROM project_partners WHERE organisation_id = NEW.id;
  INSERT OR IGNORE INTO archive_dirty
    SELECT pe.event_id * 4 FROM project_partners pp
      JOIN project_events pe ON pe.project_id = pp.project_id
      WHERE pp.organisation_id = NEW.id AND OLD.name IS NOT NEW.name;
END;

-- The photos of a set of events (a search's matching events, a project's, an organisation's)
-- in search-key order, read from the index alone: a page of them is the first keys of each
-- event's run, sorted, and only those photos' rows are read.
CREATE INDEX photos_event_key ON photos (event_id, search_key);

-- Every photo document loses the event's text.
INSERT OR REPLACE INTO settings (key, value) VALUES ('search.rebuild', '1');
