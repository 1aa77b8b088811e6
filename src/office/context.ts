/** What every workspace screen needs: the signed-in user, the instrument, the agency's name. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Instrument } from '../shared/core/instrument.ts';
import type { Me } from '../shared/contract/workspaceApi.ts';

/** The workspace's shared state. */
export interface WorkspaceContext {
  readonly me: Me;
  readonly instrument: Instrument;
  readonly agencyName: string;
  /** False when the user may not read the settings (staff): texts then say "the agency" in their own language. */
  readonly agencyKnown: boolean;
  /** Reloads `me` (after changing one's own postures). */
  readonly refreshMe: () => Promise<void>;
}

/** Provided by WorkspaceApp once signed in. */
export const Workspace = createContext<WorkspaceContext | null>(null);

/** The shared state; only used below a signed-in shell. */
export function useWorkspace(): WorkspaceContext {
  const ctx = useContext(Workspace);
  if (!ctx) throw new Error('useWorkspace outside a signed-in workspace');
  return ctx;
}
