-- A sidecar also names the tags and people a person took off a photo (kadar:RemovedTags,
-- kadar:RemovedPeople), so that a catalog rebuilt from it does not put them back. Renaming or
-- moving such a tag, or renaming such a person, must rewrite those sidecars too: a stale path
-- would come back as a removal of a tag that no longer exists, and the renamed one would return.
DROP TRIGGER sidecar_tag_path_update;
DROP TRIGGER sidecar_person_name_update;
CREATE TRIGGER sidecar_tag_path_update AFTER UPDATE OF path ON tags BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id IN (SELECT photo_id FROM photo_tags WHERE tag_id = NEW.id
                 UNION SELECT photo_id FROM photo_tag_removals WHERE tag_id = NEW.id)
    AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
CREATE TRIGGER sidecar_person_name_update AFTER UPDATE OF name ON people BEGIN
  INSERT INTO sidecar_dirty (photo_id, mark)
  SELECT p.id, randomblob(8) FROM photos p JOIN roots r ON r.id = p.root_id
  WHERE p.id IN (SELECT photo_id FROM photo_people WHERE person_id = NEW.id
                 UNION SELECT photo_id FROM photo_people_removals WHERE person_id = NEW.id)
    AND r.sidecars IS NOT NULL
  ON CONFLICT DO UPDATE SET mark = excluded.mark;
END;
