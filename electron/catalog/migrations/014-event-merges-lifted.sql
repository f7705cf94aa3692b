-- An event that comes back with its uid (an explicit archive import, a newer folder's file)
-- was not merged away after all: where migration 013 said it went no longer holds.
CREATE TRIGGER events_unmerged AFTER INSERT ON events WHEN NEW.uid IS NOT NULL BEGIN
  DELETE FROM event_merges WHERE source_uid = NEW.uid;
END;
