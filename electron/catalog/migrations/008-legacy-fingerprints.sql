-- Kadar catalog, version 8: fingerprints became XXH64 (16 hex digits); photos indexed before
-- keep their SHA-256 ones (32 hex digits) until their file changes. A new file whose size
-- matches one of those may be it, moved, and is hashed the older way too: this index answers
-- "any such photo of this size?" for every new file, and is empty in catalogs made since.

CREATE INDEX photos_legacy_fingerprint_size ON photos (file_size)
  WHERE length(fingerprint) = 32;
