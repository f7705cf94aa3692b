-- Pick / reject flags and colour labels, as ratings are: the file's value (a reject is XMP
-- rating -1; a label is xmp:Label) and the person's own, which wins. '' is a person's "none".
ALTER TABLE photos ADD COLUMN flag TEXT;
ALTER TABLE photos ADD COLUMN user_flag TEXT;
ALTER TABLE photos ADD COLUMN label TEXT;
ALTER TABLE photos ADD COLUMN user_label TEXT;

-- Culling filters read the photos of one value in search-key order, as a search does, so a
-- page of "5 stars" or "picks" never sorts the archive.
CREATE INDEX photos_rating_key ON photos (coalesce(user_rating, rating), search_key);
CREATE INDEX photos_flag_key ON photos (coalesce(user_flag, flag), search_key);
CREATE INDEX photos_label_key ON photos (coalesce(user_label, label), search_key);
