/** Where a piece of data is: not asked for, on its way, here, or failed with a reason. */
export interface LoadState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

/** Nothing asked for yet. */
export const IDLE: LoadState = Object.freeze({ status: 'idle', error: null });
/** On its way. */
export const LOADING: LoadState = Object.freeze({ status: 'loading', error: null });
/** Here. */
export const READY: LoadState = Object.freeze({ status: 'ready', error: null });

/** Failed, with a sentence for the user. */
export function failed(error: string): LoadState {
  return { status: 'error', error };
}

/** The state while (re)loading: data already shown stays `ready` so that refreshes never flash a spinner. */
export function reloading(current: LoadState): LoadState {
  return current.status === 'ready' ? current : LOADING;
}
