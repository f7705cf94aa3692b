-- A person's photos in search-key order from their links alone: a page of someone in 20,000
-- photos read the 20,000 photos' rows to sort them. The key follows the photo's (triggers).
ALTER TABLE photo_people ADD COLUMN search_key INTEGER;
UPDATE photo_people SET search_key = (SELECT search_key FROM photos WHERE id = photo_id);
CREATE INDEX photo_people_key ON photo_people (person_id, search_key);

CREATE TRIGGER photo_people_search_key AFTER INSERT ON photo_people BEGIN
  UPDATE photo_people SET search_key = (SELECT search_key FROM photos WHERE id = NEW.photo_id)
  WHERE photo_id = NEW.photo_id AND person_id = NEW.person_id;
END;

CREATE TRIGGER photos_search_key_to_people AFTER UPDATE OF search_key ON photos BEGIN
  UPDATE photo_people SET search_key = NEW.search_key WHERE photo_id = NEW.id;
END;
