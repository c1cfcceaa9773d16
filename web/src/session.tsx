// Who is signed in (from /api/auth/me), what they may do per region, and
// their unread notifications.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api.js';
import type { Me, Notification, Permission } from './types.js';

interface Session {
  /** undefined while loading */
  me: Me | undefined;
  refresh: () => Promise<Me>;
  unread: number;
  refreshUnread: () => void;
}

const SessionContext = createContext<Session | null>(null);
const anonymous: Me = { user: null, grants: [], regions: [], csrfToken: null };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(async () => {
    const next = await api<Me>('/api/auth/me').catch(() => anonymous);
    setCsrfToken(next.csrfToken);
    setMe(next);
    return next;
  }, []);

  const refreshUnread = useCallback(() => {
    api<Notification[]>('/api/notifications?unread=true').then((list) => setUnread(list.length), () => setUnread(0));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (me?.user) refreshUnread();
  }, [me, refreshUnread]);

  const value = useMemo(() => ({ me, refresh, unread, refreshUnread }), [me, refresh, unread, refreshUnread]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** Whether the signed-in user holds a permission in a region. */
export function may(me: Me | undefined, region: string, permission: Permission): boolean {
  return !!me?.regions.find((r) => r.code === region)?.actions.includes(permission);
}
