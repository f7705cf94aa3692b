import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { EntityKind } from '../../shared/api/entity-kinds';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { useKadar } from '../store/store';
import { client } from './client';

/**
 * Server data for the archive's views: each answer cached under [method, input], and
 * dropped when `catalog.changed` names a kind of thing that answer shows. The photo grid keeps
 * its own tuned cache (store/photos-slice); zustand holds UI state only.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // Answers stay good until the catalog says otherwise.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
  },
});

// What each method's or domain's answers show. An edit that changes an event's photos names
// 'events' too (its photo count), so event and project lists need not follow every 'photos'
// change (indexing sends one a second); the suggestions do, since new photos need events.
const shows: Record<string, readonly EntityKind[]> = {
  'events.suggest': ['photos', 'events'],
  events: ['events', 'documents', 'projects', 'organisations'],
  projects: ['projects', 'events', 'documents', 'organisations'],
  organisations: ['organisations', 'events', 'projects'],
  documents: ['documents'],
  history: ['history'],
  // Tag and people counts follow their photos (indexing adds files' keywords and people).
  tags: ['tags', 'photos'],
  'photos.get': ['photos', 'people', 'tags', 'events'],
  people: ['people', 'photos', 'organisations'],
  searches: ['searches'],
  presets: ['presets'],
  backups: [],
  sidecars: ['roots', 'photos'],
  // "Changed since" marks follow the photos' files and descriptions.
  export: ['exports', 'photos', 'tags', 'people', 'events', 'projects'],
  galleries: ['galleries', 'photos'],
  news: ['photos', 'events'],
  roots: ['roots', 'photos'],
  catalog: ['photos', 'events', 'projects', 'organisations', 'documents', 'roots'],
};

/** Drops the cached answers that show any of these kinds; views showing them ask again. */
export function invalidateKinds(kinds: readonly EntityKind[]): void {
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const method = String(query.queryKey[0]);
      const kindsShown = shows[method] ?? shows[method.split('.')[0]!] ?? [];
      return kinds.some((kind) => kindsShown.includes(kind));
    },
  });
}

const apiQuery = <M extends MethodName>(method: M, input: MethodInput<M>) => ({
  queryKey: [method, input],
  queryFn: () => client.call(method, input),
});

/** Asks now for what a view is about to show with `useApi` (the viewer's next photo). */
export function prefetchApi<M extends MethodName>(method: M, input: MethodInput<M>): void {
  void queryClient.prefetchQuery(apiQuery(method, input));
}

export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodOutput<M>>({ ...apiQuery(method, input), ...options });
}

/** A call that changes the catalog; failures become a notice, and the promise rejects. */
export function useApiAction<M extends MethodName>(method: M) {
  const mutation = useMutation<MethodOutput<M>, unknown, MethodInput<M>>({
    mutationFn: (input) => client.call(method, input),
    onError: (error) => useKadar.getState().notify(error),
  });
  return mutation;
}
