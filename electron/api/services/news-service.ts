import { eventsToImport, importNewsItem, readNewsItem } from '../../archive/news/news-import';
import type { newsMethods } from '../../../shared/api/domains/news';
import type { ApiContext, DomainHandlers } from '../api-context';
import { quoted } from './labels';

export function newsService(ctx: ApiContext): DomainHandlers<typeof newsMethods> {
  return {
    'news.read': ({ text, year }) => readNewsItem(ctx.db, text, year),
    'news.import': ({ text, year, events }) => {
      const reading = readNewsItem(ctx.db, text, year);
      const wanted = eventsToImport(reading, events);
      const made = ctx.edit(`Import the news ${quoted(reading.title)}`, (edit) =>
        importNewsItem(edit, reading, wanted),
      );
      return {
        ...made,
        unmatched: reading.photos.unmatched,
        ambiguous: reading.photos.ambiguous,
      };
    },
  };
}
