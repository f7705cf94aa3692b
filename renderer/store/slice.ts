import type { StateCreator } from 'zustand';
import type { KadarState } from './store';

/** A slice of the one store: it sees (and may call into) every other slice. */
export type Slice<T> = StateCreator<KadarState, [], [], T>;
