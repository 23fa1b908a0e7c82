import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { forgetAntiforgery, onUnauthorized, refreshAntiforgery, request } from './api/client';
import type { CommunityRef, Me } from './api/types';

interface SessionValue {
  me: Me | null;
  loading: boolean;
  community: CommunityRef | null;
  setCommunity: (id: string) => void;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  isStaff: boolean;
  isAdministrator: boolean;
  /** Reads the account again (after a community was created or the account's communities changed). */
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const communityKey = 'deliberation.community';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [communityId, setCommunityId] = useState<string | null>(() => localStorage.getItem(communityKey));

  const load = useCallback(async () => {
    try {
      setMe(await request<Me>('/api/auth/me', { quiet401: true }));
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => onUnauthorized(() => setMe(null)), []);

  const signIn = useCallback(async (email: string, password: string) => {
    await request('/api/auth/login', { method: 'POST', body: { email, password, useCookies: true }, quiet401: true });
    // The token of an anonymous visitor does not hold for the signed-in account.
    await refreshAntiforgery();
    await load();
  }, [load]);

  const signOut = useCallback(async () => {
    try { await request('/api/auth/logout', { method: 'POST' }); } finally {
      forgetAntiforgery();
      setMe(null);
    }
  }, []);

  const setCommunity = useCallback((id: string) => {
    localStorage.setItem(communityKey, id);
    setCommunityId(id);
  }, []);

  const value = useMemo<SessionValue>(() => {
    const communities = me?.communities ?? [];
    const community = communities.find((c) => c.id === communityId) ?? communities[0] ?? null;
    const isStaff = !!me && me.roles.some((r) => r === 'Administrator' || r === 'CommitteeStaff');
    const isAdministrator = !!me && me.roles.includes('Administrator');
    return { me, loading, community, setCommunity, signIn, signOut, isStaff, isAdministrator, reload: load };
  }, [me, loading, communityId, setCommunity, signIn, signOut, load]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
