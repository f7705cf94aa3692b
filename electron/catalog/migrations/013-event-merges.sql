-- Which event each merged-away event went into (issue #12), so a photo whose sidecar still
-- names the merged-away event (its folder was offline during the merge) lands in the event it
-- went into when a catalog is rebuilt from its folders. Written by the merge through the edit
-- history (an undo takes it back); carried by the folders' kadar-archive.json with the
-- tombstones (`deleted[].mergedInto`).
CREATE TABLE event_merges (source_uid TEXT PRIMARY KEY, target_uid TEXT NOT NULL) WITHOUT ROWID;
