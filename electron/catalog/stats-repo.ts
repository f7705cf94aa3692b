import type { Catalog } from './open-catalog';
import type { Stats } from '../../shared/api/catalog-schema';
import { sql } from './statements';

export function catalogStats(db: Catalog): Stats {
  return sql<[], Stats>(
    db,
    `SELECT
       (SELECT count(*) FROM roots) AS roots,
       (SELECT count(*) FROM roots WHERE status = 'offline') AS offlineRoots,
       (SELECT count(*) FROM photos) AS photos,
       (SELECT count(*) FROM photos WHERE missing_since IS NOT NULL) AS missing,
       (SELECT count(*) FROM photos WHERE error_code IS NOT NULL) AS failed,
       (SELECT count(*) FROM photos WHERE gps_latitude IS NOT NULL) AS withGps,
       (SELECT count(*) FROM photos WHERE event_id IS NULL) AS inNoEvent,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM projects) AS projects,
       (SELECT count(*) FROM tags) AS tags,
       (SELECT count(*) FROM people) AS people,
       (SELECT count(*) FROM organisations) AS organisations,
       (SELECT count(*) FROM documents) AS documents`,
  ).get()!;
}
