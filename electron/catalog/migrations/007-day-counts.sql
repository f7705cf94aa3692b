-- Kadar catalog, version 7: photos per root and local day, kept by triggers.
-- The date tree and the grid's day headings count photos per day; over a whole library that
-- read every photo's index entry (a tenth of a second per million photos) at every refresh.
-- These counts answer the whole library, or one root, from a few thousand rows.

CREATE TABLE photo_day_counts (
  root_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  photos INTEGER NOT NULL CHECK (photos > 0),
  PRIMARY KEY (root_id, day)
) WITHOUT ROWID;

INSERT INTO photo_day_counts (root_id, day, photos)
  SELECT root_id, substr(taken_at, 1, 10), count(*) FROM photos GROUP BY 1, 2;

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
