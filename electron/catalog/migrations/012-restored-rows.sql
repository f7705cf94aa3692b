-- Events, projects... that a catalog rebuilt from library folders made from a folder's
-- kadar-archive.json or a photo's sidecar, with the time that file spoke for (its exportedAt,
-- the sidecar's modification time). A tombstone from a newer file then removes them, whichever
-- folder was indexed first; one from before that time does not (the deletion was undone since).
-- A person's edit to a row, or one that puts photos in it, makes it theirs: the row is taken
-- off this list (electron/catalog/restored-rows.ts) and no file removes it.
CREATE TABLE restored_rows (uid TEXT PRIMARY KEY, as_of TEXT NOT NULL) WITHOUT ROWID;
